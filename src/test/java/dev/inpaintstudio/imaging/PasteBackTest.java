package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PasteBackTest {
    @Test
    void pixelsOutsideTheMaskAreIdenticalInsideTakeTheResultEdgesBlend() {
        int w = 300;
        int h = 200;
        BufferedImage original = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                original.setRGB(x, y, 0xff000000 | random.nextInt(0xffffff));
            }
        }
        BufferedImage generated = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                generated.setRGB(x, y, 0xff00ff00);
            }
        }
        byte[] coverage = new byte[w * h];
        for (int y = 50; y < 100; y++) {
            for (int x = 100; x < 150; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        coverage[10 * w + 10] = (byte) 128;

        BufferedImage out = PasteBack.composite(original, generated, coverage);

        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = coverage[y * w + x] & 0xff;
                if (c == 0) {
                    assertEquals(original.getRGB(x, y), out.getRGB(x, y), "outside mask at " + x + "," + y);
                } else if (c == 255) {
                    assertEquals(0xff00ff00, out.getRGB(x, y));
                }
            }
        }
        int blended = out.getRGB(10, 10);
        int o = original.getRGB(10, 10);
        assertEquals((((o >> 8) & 0xff) * 127 + 255 * 128 + 127) / 255, (blended >> 8) & 0xff, "half coverage blends green");
    }
}
