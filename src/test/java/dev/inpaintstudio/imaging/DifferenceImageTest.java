package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

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
    void theFeatherRimPasteBackBlendsCountsAsInsideAndNothingBeyondIt() {
        int w = 300;
        int h = 200;
        BufferedImage before = solid(w, h, 0xff406080);
        byte[] coverage = new byte[w * h];
        for (int y = 80; y < 120; y++) {
            for (int x = 120; x < 170; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        CropBox box = new CropBox(60, 40, 180, 120);
        int feather = 8;
        BufferedImage after = PasteBack.compositeCrop(before, solid(box.width(), box.height(), 0xffe0c020), coverage, box,
                feather, false);

        DifferenceImage hard = DifferenceImage.of(before, after, coverage);
        assertTrue(hard.changedOutside() > 0, "with the hard mask the blended rim looks like a leak");

        DifferenceImage d = DifferenceImage.of(before, after, coverage, feather);
        assertEquals(0, d.changedOutside(), "nothing changed beyond the feathered reach");
        assertEquals(hard.changedInside() + hard.changedOutside(), d.changedInside(), "the rim now counts as inside");
        assertNotEquals(DifferenceImage.OUTSIDE_CHANGE, d.image().getRGB(119 - feather / 2, 100), "the rim is not magenta");

        // One pixel changed just beyond the reach (feather + 1 from the mask) is still a leak; one at the reach's edge is not.
        after.setRGB(120 - feather - 1, 100, 0xff000000);
        after.setRGB(170 + feather - 1, 100, 0xff000000);
        DifferenceImage leak = DifferenceImage.of(before, after, coverage, feather);
        assertEquals(1, leak.changedOutside());
        assertEquals(DifferenceImage.OUTSIDE_CHANGE, leak.image().getRGB(120 - feather - 1, 100));
    }

    @Test
    void theReachIsTheMaskGrownByASquareOfTheFeatherRadius() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int w = 5 + random.nextInt(60);
            int h = 5 + random.nextInt(40);
            int radius = random.nextInt(12);
            byte[] coverage = new byte[w * h];
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                coverage[random.nextInt(w * h)] = (byte) (1 + random.nextInt(255));
            }
            // Every pixel changed: the inside count is the reach's area.
            DifferenceImage d = DifferenceImage.of(solid(w, h, 0xff000000), solid(w, h, 0xffffffff), coverage, radius);
            long reached = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean near = false;
                    for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius) && !near; yy++) {
                        for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                            if (coverage[yy * w + xx] != 0) {
                                near = true;
                                break;
                            }
                        }
                    }
                    if (near) {
                        reached++;
                    }
                    assertEquals(near, d.image().getRGB(x, y) != DifferenceImage.OUTSIDE_CHANGE,
                            "trial " + trial + " at " + x + "," + y + " radius " + radius);
                }
            }
            assertEquals(reached, d.changedInside(), "trial " + trial);
            assertEquals((long) w * h - reached, d.changedOutside(), "trial " + trial);
        }
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
