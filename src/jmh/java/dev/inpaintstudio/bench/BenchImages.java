package dev.inpaintstudio.bench;

import dev.inpaintstudio.imaging.ImageConversions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/** Inputs shared by the benchmarks: a real photo and a mask shaped like an artist's. */
final class BenchImages {
    private BenchImages() {
    }

    /** The 1024×1024 photo mosaic, as opaque RGB (what is sent). */
    static BufferedImage photo1024() throws IOException {
        try (InputStream in = BenchImages.class.getResourceAsStream("photo-1024.png")) {
            if (in == null) {
                throw new IOException("photo-1024.png missing from the benchmark resources");
            }
            return ImageConversions.toOpaqueRgb(ImageIO.read(in));
        }
    }

    /** A soft-edged blob covering about a tenth of the picture. */
    static byte[] blobMask(int width, int height) {
        byte[] coverage = new byte[width * height];
        double cx = width * 0.45;
        double cy = height * 0.55;
        double r = Math.sqrt(width * height * 0.1 / Math.PI);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double wobble = 1 + 0.15 * Math.sin(Math.atan2(y - cy, x - cx) * 5);
                double d = Math.hypot(x - cx, y - cy) / (r * wobble);
                double v = Math.max(0, Math.min(1, (1 - d) * 8));
                coverage[y * width + x] = (byte) Math.round(v * 255);
            }
        }
        return coverage;
    }
}
