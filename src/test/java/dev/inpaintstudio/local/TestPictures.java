package dev.inpaintstudio.local;

import dev.inpaintstudio.imaging.ImageFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Synthetic pictures and masks whose right answer is known. */
final class TestPictures {
    private TestPictures() {
    }

    /** Bricks: rows of 16×8 blocks, every other row offset by half a brick, grey mortar, some noise. */
    static BufferedImage bricks(int width, int height, long noiseSeed) {
        Random random = new Random(noiseSeed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int row = y / 8;
                int bx = (x + (row % 2) * 8) % 16;
                boolean mortar = y % 8 == 0 || bx == 0;
                int r = mortar ? 200 : 150;
                int g = mortar ? 200 : 60;
                int b = mortar ? 190 : 40;
                int n = (int) Math.round(random.nextGaussian() * 4);
                image.setRGB(x, y, (clamp(r + n) << 16) | (clamp(g + n) << 8) | clamp(b + n));
            }
        }
        return image;
    }

    /** Independent per-pixel noise around a base colour. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** A photograph from this package's test resources (sources and licences in the README beside them). */
    static BufferedImage photo(String name) throws IOException {
        try (InputStream in = TestPictures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No test photo " + name);
            }
            return ImageFiles.decode(in.readAllBytes(), name);
        }
    }

    /**
     * The picture's mean luminance gradient magnitude over the covered pixels: a smear or a flat
     * fill has little, a texture as busy as the original has as much as the original.
     */
    static double detailInside(BufferedImage image, byte[] coverage) {
        int w = image.getWidth();
        int h = image.getHeight();
        double sum = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                if (coverage[y * w + x] == 0) {
                    continue;
                }
                double gx = luma(image.getRGB(x + 1, y)) - luma(image.getRGB(x - 1, y));
                double gy = luma(image.getRGB(x, y + 1)) - luma(image.getRGB(x, y - 1));
                sum += Math.hypot(gx, gy) / 2;
                n++;
            }
        }
        return sum / n;
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }

    static byte[] rectangle(int width, int height, int x0, int y0, int w, int h, int value) {
        byte[] coverage = new byte[width * height];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                coverage[y * width + x] = (byte) value;
            }
        }
        return coverage;
    }

    /** A disc with a soft edge: full inside {@code radius}, fading to 0 over {@code feather} pixels. */
    static byte[] softDisc(int width, int height, double cx, double cy, double radius, double feather) {
        byte[] coverage = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.hypot(x - cx, y - cy);
                double a = Math.max(0, Math.min(1, (radius + feather - d) / feather));
                coverage[y * width + x] = (byte) Math.round(a * 255);
            }
        }
        return coverage;
    }

    /** Peak signal-to-noise ratio over the pixels where {@code coverage} is non-zero, in dB. */
    static double psnrInside(BufferedImage expected, BufferedImage actual, byte[] coverage) {
        int w = expected.getWidth();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] == 0) {
                continue;
            }
            int a = expected.getRGB(i % w, i / w);
            int b = actual.getRGB(i % w, i / w);
            for (int shift = 0; shift <= 16; shift += 8) {
                double d = ((a >> shift) & 0xff) - ((b >> shift) & 0xff);
                sum += d * d;
                n++;
            }
        }
        double mse = sum / n;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
