package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class ResamplingTest {
    private static BufferedImage gradient() {
        BufferedImage s = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                s.setRGB(x, y, ((x * 255 / 299) << 16) | ((y * 255 / 199) << 8) | 128);
            }
        }
        return s;
    }

    @Test
    void sharpResizingAgreesWithTheBicubicOneAndKeepsFlatAreasExact() {
        BufferedImage s = gradient();
        for (int[] size : new int[][]{{557, 371}, {150, 100}, {300, 200}, {1024, 683}, {31, 17}}) {
            BufferedImage a = Resampling.resizeSharp(s, size[0], size[1]);
            BufferedImage b = Resampling.resize(s, size[0], size[1]);
            assertEquals(size[0], a.getWidth());
            assertEquals(size[1], a.getHeight());
            double total = 0;
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    int p = a.getRGB(x, y);
                    int q = b.getRGB(x, y);
                    assertEquals(0xff, p >>> 24, "opaque stays opaque");
                    for (int c = 0; c < 24; c += 8) {
                        total += Math.abs(((p >> c) & 255) - ((q >> c) & 255));
                    }
                }
            }
            assertTrue(total / (3.0 * size[0] * size[1]) < 2, size[0] + "×" + size[1]);
            assertEquals(128, a.getRGB(size[0] / 2, size[1] / 2) & 0xff, "a flat channel stays flat");
        }
        BufferedImage same = Resampling.resizeSharp(s, 300, 200);
        assertEquals(s.getRGB(123, 45) | 0xff000000, same.getRGB(123, 45), "same size: the same pixels");
    }
}
