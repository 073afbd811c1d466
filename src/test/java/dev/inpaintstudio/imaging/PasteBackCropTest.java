package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PasteBackCropTest {
    static BufferedImage noise(int w, int h, long seed, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = type == BufferedImage.TYPE_INT_ARGB ? random.nextInt() | 0xff000000 : random.nextInt() & 0xffffff;
        }
        return img;
    }

    /** A blob-shaped mask: a disc with a soft edge. */
    static byte[] disc(int w, int h, int cx, int cy, int r) {
        byte[] c = new byte[w * h];
        for (int y = cy - r - 2; y <= cy + r + 2; y++) {
            for (int x = cx - r - 2; x <= cx + r + 2; x++) {
                double d = Math.hypot(x - cx, y - cy);
                int v = (int) Math.round(Math.max(0, Math.min(1, r - d + 1)) * 255);
                c[y * w + x] = (byte) v;
            }
        }
        return c;
    }

    @Test
    void everyPixelOutsideTheFeatheredMaskIsBitIdenticalOnA6000x4000Picture() {
        int w = 6000;
        int h = 4000;
        int feather = 8;
        for (int type : new int[]{BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage original = noise(w, h, 1, type);
            byte[] coverage = disc(w, h, 3200, 2100, 220);
            ContextCrop crop = ContextCrop.plan(coverage, w, h, new CropSettings(32, false, feather, true));
            BufferedImage generated = noise(crop.box().width(), crop.box().height(), 2, BufferedImage.TYPE_INT_RGB);
            BufferedImage out = PasteBack.compositeCrop(original, generated, coverage, crop.box(), feather, true);
            assertEquals(w, out.getWidth());
            assertEquals(h, out.getHeight());
            int[] result = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
            int[] orig = original.getRGB(0, 0, w, h, null, 0, w);
            int changedOutside = 0;
            int changedInside = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    // Within the feather's reach of any masked pixel (box blur: Chebyshev distance ≤ feather).
                    boolean reached = Math.abs(x - 3200) <= 223 + feather && Math.abs(y - 2100) <= 223 + feather
                            && Math.hypot(Math.max(0, Math.abs(x - 3200) - feather), Math.max(0, Math.abs(y - 2100) - feather)) <= 222 + 1;
                    if (result[i] != orig[i]) {
                        if (reached) {
                            changedInside++;
                        } else {
                            changedOutside++;
                        }
                    }
                }
            }
            assertEquals(0, changedOutside, "nothing beyond the feathered mask changes");
            assertTrue(changedInside > 100_000, "the masked disc was repainted");
        }
    }

    @Test
    void featherSoftensTheEdgeAndZeroMeansUntouched() {
        int w = 100;
        int h = 100;
        byte[] coverage = new byte[w * h];
        for (int y = 40; y < 60; y++) {
            for (int x = 40; x < 60; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        int[] soft = PasteBack.feather(coverage, w, CropBox.whole(w, h), 4);
        assertEquals(255, soft[50 * w + 50]);
        assertEquals(0, soft[50 * w + 35], "5 px out: beyond a 4 px feather");
        assertTrue(soft[50 * w + 36] > 0, "4 px out: reached");
        assertEquals(255, soft[50 * w + 40], "the mask's own edge keeps full weight: feathering is outward");
        assertTrue(soft[50 * w + 38] > 60 && soft[50 * w + 38] < 200, "the rim outside the mask blends");
        assertTrue(soft[50 * w + 39] > soft[50 * w + 38] && soft[50 * w + 38] > soft[50 * w + 37]
                && soft[50 * w + 37] > soft[50 * w + 36], "fading outward");
        int[] hard = PasteBack.feather(coverage, w, CropBox.whole(w, h), 0);
        assertEquals(255, hard[50 * w + 40]);
        assertEquals(0, hard[50 * w + 39]);
    }

    @Test
    void featherReachesExactlyItsRadiusAndNeverWeakensWhatWasPainted() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            int w = 20 + random.nextInt(50);
            int h = 20 + random.nextInt(50);
            int radius = random.nextInt(12);
            byte[] coverage = new byte[w * h];
            for (int blobs = random.nextInt(5); blobs >= 0; blobs--) {
                int cx = random.nextInt(w);
                int cy = random.nextInt(h);
                int r = 1 + random.nextInt(8);
                int value = random.nextBoolean() ? 255 : 1 + random.nextInt(255);
                for (int y = Math.max(0, cy - r); y < Math.min(h, cy + r); y++) {
                    for (int x = Math.max(0, cx - r); x < Math.min(w, cx + r); x++) {
                        coverage[y * w + x] = (byte) Math.max(coverage[y * w + x] & 0xff, value);
                    }
                }
            }
            int[] soft = PasteBack.feather(coverage, w, CropBox.whole(w, h), radius);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int painted = coverage[y * w + x] & 0xff;
                    boolean reached = false;
                    for (int dy = -radius; dy <= radius && !reached; dy++) {
                        for (int dx = -radius; dx <= radius && !reached; dx++) {
                            int qx = x + dx;
                            int qy = y + dy;
                            reached = qx >= 0 && qy >= 0 && qx < w && qy < h && coverage[qy * w + qx] != 0;
                        }
                    }
                    String where = "round " + round + ", radius " + radius + " at " + x + "," + y;
                    assertEquals(reached, soft[y * w + x] != 0, where);
                    assertTrue(soft[y * w + x] >= painted, where);
                    if (painted == 255) {
                        assertEquals(255, soft[y * w + x], where);
                    }
                }
            }
        }
    }

    @Test
    void colourMatchingRemovesAGlobalDriftOfTheResult() {
        int w = 200;
        int h = 200;
        BufferedImage original = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage generated = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 80 + random.nextInt(60);
                original.setRGB(x, y, (v << 16) | (v << 8) | v);
                // The model's output came back warmer and brighter everywhere.
                generated.setRGB(x, y, (Math.min(255, v + 40) << 16) | (Math.min(255, v + 20) << 8) | v);
            }
        }
        byte[] coverage = new byte[w * h];
        for (int y = 80; y < 120; y++) {
            for (int x = 80; x < 120; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        BufferedImage matched = PasteBack.compositeCrop(original, generated, coverage, CropBox.whole(w, h), 0, true);
        BufferedImage raw = PasteBack.compositeCrop(original, generated, coverage, CropBox.whole(w, h), 0, false);
        assertTrue(meanRedDifference(matched, original) < 3, "matched: " + meanRedDifference(matched, original));
        assertTrue(meanRedDifference(raw, original) > 30);
    }

    /** A 300×300 sharp noise picture with a 40×40 mask in the middle, feathered 8 px. */
    private static final int SIDE = 300;

    private static byte[] middleSquare() {
        byte[] coverage = new byte[SIDE * SIDE];
        for (int y = 130; y < 170; y++) {
            for (int x = 130; x < 170; x++) {
                coverage[y * SIDE + x] = (byte) 255;
            }
        }
        return coverage;
    }

    /** Chebyshev distance from the middle square, 0 inside it. */
    private static int distance(int x, int y) {
        return Math.max(Math.max(130 - x, x - 169), Math.max(Math.max(130 - y, y - 169), 0));
    }

    @Test
    void theColourRingNeverReachesBeyondItsRadiusAndMissesOnlyItsOuterEdge() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 20; round++) {
            int w = 40 + random.nextInt(120);
            int h = 40 + random.nextInt(120);
            byte[] coverage = new byte[w * h];
            for (int dabs = 1 + random.nextInt(3); dabs > 0; dabs--) {
                int cx = random.nextInt(w);
                int cy = random.nextInt(h);
                int r = random.nextInt(6);
                for (int y = Math.max(0, cy - r); y < Math.min(h, cy + r + 1); y++) {
                    for (int x = Math.max(0, cx - r); x < Math.min(w, cx + r + 1); x++) {
                        coverage[y * w + x] = (byte) (1 + random.nextInt(255));
                    }
                }
            }
            int radius = 16 + random.nextInt(20);
            CropBox box = new CropBox(random.nextInt(10), random.nextInt(10), w - 10 - random.nextInt(10) + 0, h - 10 - random.nextInt(10));
            PasteBack.RingCells ring = new PasteBack.RingCells(coverage, w, box, radius);
            for (int y = 0; y < box.height(); y++) {
                for (int x = 0; x < box.width(); x++) {
                    int d = distanceToMasked(coverage, w, box, x, y);
                    String where = "round " + round + " radius " + radius + " at " + x + "," + y + " distance " + d;
                    if (ring.near(x, y)) {
                        assertTrue(d <= radius, "never beyond the radius: " + where);
                    } else {
                        assertTrue(d > radius - 3 * PasteBack.RingCells.CELL, "only the outer edge is missed: " + where);
                    }
                }
            }
        }
    }

    /** Chebyshev distance from box pixel (x, y) to the nearest masked pixel inside the box, or a large number. */
    private static int distanceToMasked(byte[] coverage, int stride, CropBox box, int x, int y) {
        int best = Integer.MAX_VALUE / 2;
        for (int my = 0; my < box.height(); my++) {
            for (int mx = 0; mx < box.width(); mx++) {
                if (coverage[(box.y() + my) * stride + box.x() + mx] != 0) {
                    best = Math.min(best, Math.max(Math.abs(mx - x), Math.abs(my - y)));
                }
            }
        }
        return best;
    }

    @Test
    void anOffsetInTheRingIsCorrectedWhateverTheRestOfTheBoxHolds() {
        BufferedImage original = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        BufferedImage generated = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(5);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int v = 60 + random.nextInt(100);
                original.setRGB(x, y, (v << 16) | (v << 8) | v);
                // Near the mask the result is the original lifted by 30; far out the model drew something else.
                int g = distance(x, y) <= 8 + PasteBack.RING ? v + 30 : 250;
                generated.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        BufferedImage out = PasteBack.compositeCrop(original, generated, middleSquare(), CropBox.whole(SIDE, SIDE), 8, true);
        double sum = 0;
        for (int y = 130; y < 170; y++) {
            for (int x = 130; x < 170; x++) {
                sum += ((out.getRGB(x, y) >> 16) & 0xff) - ((original.getRGB(x, y) >> 16) & 0xff);
            }
        }
        assertEquals(0, sum / 1600, 1.0, "the 30-level offset is taken out inside the mask");
    }

    @Test
    void aSharpContextDoesNotRaiseTheContrastOfASofterResult() {
        BufferedImage original = noise(SIDE, SIDE, 9, BufferedImage.TYPE_INT_RGB);
        // The result as a resampled crop comes back: the same picture, softened by a 3×3 blur.
        BufferedImage generated = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = original.getRGB(Math.max(0, Math.min(SIDE - 1, x + dx)), Math.max(0, Math.min(SIDE - 1, y + dy)));
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                }
                generated.setRGB(x, y, ((r / 9) << 16) | ((g / 9) << 8) | (b / 9));
            }
        }
        BufferedImage out = PasteBack.compositeCrop(original, generated, middleSquare(), CropBox.whole(SIDE, SIDE), 8, true);
        double spreadOut = redSpreadInMask(out);
        double spreadGenerated = redSpreadInMask(generated);
        assertEquals(spreadGenerated, spreadOut, 1.0, "the contrast inside the mask is the result's own");
        assertTrue(redSpreadInMask(original) > spreadGenerated * 2, "the context really is sharper");
    }

    private static double redSpreadInMask(BufferedImage img) {
        double sum = 0;
        double sum2 = 0;
        for (int y = 130; y < 170; y++) {
            for (int x = 130; x < 170; x++) {
                int v = (img.getRGB(x, y) >> 16) & 0xff;
                sum += v;
                sum2 += (double) v * v;
            }
        }
        double mean = sum / 1600;
        return Math.sqrt(sum2 / 1600 - mean * mean);
    }

    private static double meanRedDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 80; y < 120; y++) {
            for (int x = 80; x < 120; x++) {
                sum += ((a.getRGB(x, y) >> 16) & 0xff) - ((b.getRGB(x, y) >> 16) & 0xff);
            }
        }
        return Math.abs(sum / 1600);
    }

    @Test
    void aBoxOutsideThePictureOrAWrongSizedResultIsRefused() {
        BufferedImage original = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> PasteBack.compositeCrop(original,
                new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB), new byte[2500], new CropBox(30, 30, 30, 30), 0, false));
        assertThrows(IllegalArgumentException.class, () -> PasteBack.compositeCrop(original,
                new BufferedImage(20, 30, BufferedImage.TYPE_INT_RGB), new byte[2500], new CropBox(0, 0, 30, 30), 0, false));
    }
}
