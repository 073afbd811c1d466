package dev.inpaintstudio.editor.ops;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MaskOpsTest {
    /** Taller than a band (128 rows), so band edges are crossed. */
    private static final int W = 40;
    private static final int H = 270;

    @Test
    void growMatchesABruteForceEuclideanGrow() {
        byte[] mask = randomMask(W, H, 1);
        for (int radius : new int[] {1, 3, 10}) {
            assertArrayEquals(bruteForce(mask, W, H, radius, true), MaskOps.grow(mask, W, H, radius), "grow " + radius);
        }
    }

    @Test
    void shrinkMatchesABruteForceEuclideanShrink() {
        byte[] mask = randomMask(W, H, 2);
        for (int radius : new int[] {1, 4, 9}) {
            assertArrayEquals(bruteForce(mask, W, H, radius, false), MaskOps.shrink(mask, W, H, radius), "shrink " + radius);
        }
    }

    @Test
    void growingAPointMakesARoundDisc() {
        byte[] mask = new byte[101 * 101];
        mask[50 * 101 + 50] = (byte) 255;
        byte[] out = MaskOps.grow(mask, 101, 101, 20);
        assertEquals(255, out[50 * 101 + 70] & 0xff, "20 px right is inside");
        assertEquals(0, out[50 * 101 + 72] & 0xff, "22 px right is outside");
        assertEquals(255, out[(50 + 14) * 101 + 50 + 14] & 0xff, "diagonal 19.8 px is inside");
        assertEquals(0, out[(50 + 15) * 101 + 50 + 15] & 0xff, "diagonal 21.2 px is outside: a disc, not a square");
    }

    @Test
    void shrinkLeavesTheImageBorderAlone() {
        byte[] full = MaskOps.filled(W * H, 255);
        assertArrayEquals(full, MaskOps.shrink(full, W, H, 5), "a full mask has no edge to shrink from");
    }

    @Test
    void featherKeepsFlatAreasAndRampsEdges() {
        assertArrayEquals(new byte[W * H], MaskOps.feather(new byte[W * H], W, H, 16));
        assertArrayEquals(MaskOps.filled(W * H, 255), MaskOps.feather(MaskOps.filled(W * H, 255), W, H, 16));
        int w = 200;
        int h = 150;
        byte[] step = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 100; x < w; x++) {
                step[y * w + x] = (byte) 255;
            }
        }
        byte[] out = MaskOps.feather(step, w, h, 16);
        int y = 75;
        for (int x = 1; x < w; x++) {
            assertTrue((out[y * w + x] & 0xff) >= (out[y * w + x - 1] & 0xff), "monotone at " + x);
        }
        assertEquals(0, out[y * w + 50] & 0xff, "far outside stays clear");
        assertEquals(255, out[y * w + 150] & 0xff, "far inside stays full");
        int mid = (out[y * w + 99] & 0xff) + (out[y * w + 100] & 0xff);
        assertEquals(255, mid, 4, "the edge sits half way");
        int soft = out[y * w + 92] & 0xff;
        assertTrue(soft > 10 && soft < 100, "8 px outside is partly covered: " + soft);
        for (int row = 0; row < h; row++) {
            assertEquals(out[y * w + 95], out[row * w + 95], "same on every row");
        }
    }

    @Test
    void featheringPartOfTheMaskEqualsFeatheringTheWhole() {
        int w = 400;
        int h = 300;
        byte[] mask = new byte[w * h];
        byte[] small = randomMask(60, 50, 5);
        for (int y = 0; y < 50; y++) {
            System.arraycopy(small, y * 60, mask, (120 + y) * w + 200, 60);
        }
        byte[] expected = wholeFeather(mask, w, h, 10);
        assertArrayEquals(expected, MaskOps.feather(mask, w, h, 10), "only the area around the blob is blurred");
        byte[] inverted = MaskOps.invert(mask);
        assertArrayEquals(wholeFeather(inverted, w, h, 10), MaskOps.feather(inverted, w, h, 10), "on a full background too");
        byte[] edge = mask.clone();
        edge[w * h - 1] = (byte) 255; // a pixel in the far corner stretches the area to the border
        assertArrayEquals(wholeFeather(edge, w, h, 10), MaskOps.feather(edge, w, h, 10));
    }

    private static byte[] wholeFeather(byte[] mask, int w, int h, int radius) {
        return MaskOps.featherWhole(mask, w, h, radius);
    }

    @Test
    void featherIsSymmetricUnderInversion() {
        byte[] mask = randomMask(W, H, 3);
        byte[] a = MaskOps.invert(MaskOps.feather(mask, W, H, 6));
        byte[] b = MaskOps.feather(MaskOps.invert(mask), W, H, 6);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i] & 0xff, b[i] & 0xff, 3, "pixel " + i);
        }
    }

    @Test
    void invertTwiceIsTheIdentity() {
        byte[] mask = randomMask(W, H, 4);
        assertArrayEquals(mask, MaskOps.invert(MaskOps.invert(mask)));
        assertEquals(255 - (mask[17] & 0xff), MaskOps.invert(mask)[17] & 0xff);
    }

    @Test
    void gaussBoxesAddUpToTheWantedSpread() {
        for (double sigma : new double[] {1, 3, 8, 20}) {
            int[] boxes = MaskOps.boxesForGauss(sigma, 3);
            double variance = 0;
            for (int b : boxes) {
                assertEquals(1, b % 2, "odd widths");
                variance += (b * b - 1) / 12.0;
            }
            assertEquals(sigma, Math.sqrt(variance), 0.6, "sigma " + sigma);
        }
    }

    static byte[] randomMask(int w, int h, long seed) {
        Random r = new Random(seed);
        byte[] m = new byte[w * h];
        for (int k = 0; k < 12; k++) {
            int cx = r.nextInt(w);
            int cy = r.nextInt(h);
            int rad = 2 + r.nextInt(15);
            for (int y = Math.max(0, cy - rad); y < Math.min(h, cy + rad); y++) {
                for (int x = Math.max(0, cx - rad); x < Math.min(w, cx + rad); x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < rad * rad) {
                        m[y * w + x] = (byte) 255;
                    }
                }
            }
        }
        for (int k = 0; k < 200; k++) {
            m[r.nextInt(m.length)] = (byte) r.nextInt(256); // soft and stray pixels
        }
        return m;
    }

    private static byte[] bruteForce(byte[] m, int w, int h, int radius, boolean grow) {
        byte[] out = new byte[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long best = Long.MAX_VALUE;
                for (int qy = 0; qy < h; qy++) {
                    for (int qx = 0; qx < w; qx++) {
                        boolean inside = (m[qy * w + qx] & 0xff) >= 128;
                        if (inside == grow) {
                            long d2 = (long) (x - qx) * (x - qx) + (long) (y - qy) * (y - qy);
                            best = Math.min(best, d2);
                        }
                    }
                }
                double d = best == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.sqrt(best);
                double t = grow ? radius + 1 - d : d - radius;
                out[y * w + x] = (byte) Math.round(Math.max(0, Math.min(1, t)) * 255);
            }
        }
        return out;
    }
}
