package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class DifferenceImageTest {
    @Test
    void changesInsideTheMaskAreAmplifiedAndChangesOutsideItStandOut() {
        BufferedImage before = solid(20, 10, 0xff808080);
        BufferedImage after = solid(20, 10, 0xff808080);
        byte[] coverage = new byte[20 * 10];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                coverage[y * 20 + x] = (byte) 255;
            }
        }
        after.setRGB(2, 2, 0xff8a8080);   // inside: red +10
        after.setRGB(15, 5, 0xff808078);  // outside: blue -8, a seam
        after.setRGB(16, 5, 0xff808081);  // outside, +1: noise, not a change

        DifferenceImage d = DifferenceImage.of(before, after, coverage);

        assertEquals(1, d.changedInside());
        assertEquals(1, d.changedOutside());
        assertEquals(0xff280000, d.image().getRGB(2, 2), "inside: |Δ| × 4, red only");
        assertEquals(0xff000000, d.image().getRGB(3, 3), "inside, unchanged: black");
        assertEquals(DifferenceImage.OUTSIDE_CHANGE, d.image().getRGB(15, 5), "outside change: magenta");
        int dim = d.image().getRGB(16, 5);
        assertNotEquals(DifferenceImage.OUTSIDE_CHANGE, dim);
        assertEquals((dim >> 16) & 0xff, dim & 0xff, "unchanged outside: grey");
        assertTrue((dim & 0xff) < 0x80, "and dimmed");
    }

    @Test
    void withoutAMaskEverythingCountsAsInside() {
        BufferedImage before = solid(4, 4, 0xff000000);
        BufferedImage after = solid(4, 4, 0xff0000ff);
        DifferenceImage d = DifferenceImage.of(before, after, null);
        assertEquals(16, d.changedInside());
        assertEquals(0, d.changedOutside());
        assertEquals(0xff0000ff, d.image().getRGB(0, 0), "255 × 4 clamps at 255");
    }

    @Test
    void sizesMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> DifferenceImage.of(solid(4, 4, 0), solid(4, 5, 0), null));
    }

    static BufferedImage solid(int w, int h, int argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        return img;
    }
}
