package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchMatchSearchTest {
    @Test
    void findsTheExactCopyOfEveryPatchAroundTheHole() {
        // Blurred noise in which the block around the hole is an exact copy of a block 45 px to the
        // left: every target's only perfect match is its twin, random first matches are all far off,
        // and the blur lets the search home in on the twin as real pictures do.
        int w = 96;
        int h = 64;
        int shift = 45;
        float[] colour = blurredNoise(w, h, new Random(11));
        for (int y = 0; y < h; y++) {
            for (int x = 50; x < 90; x++) {
                System.arraycopy(colour, (y * w + x - shift) * 3, colour, (y * w + x) * 3, 3);
            }
        }
        boolean[] hole = new boolean[w * h];
        for (int y = 28; y < 36; y++) {
            for (int x = 66; x < 74; x++) {
                hole[y * w + x] = true;
            }
        }
        boolean[] allowed = new boolean[w * h];
        java.util.Arrays.fill(allowed, true);
        FillLevel level = new FillLevel(w, h, colour, hole, allowed);
        int radius = 3;
        RowBands bands = new RowBands(null, 1);
        SourcePatches sources = SourcePatches.find(level, radius);
        NearestNeighbourField field = NearestNeighbourField.random(level, sources, radius, 5, 0, bands);
        TextureFeatures texture = new TextureFeatures(level);
        texture.update(bands);
        float[] trust = new float[w * h];
        java.util.Arrays.fill(trust, 1f);
        SourcePreference preference = new SourcePreference(field, HoleDistance.of(hole, w, h), radius);
        PatchMatchSearch search = new PatchMatchSearch(level, sources, field, new PatchDistance(level, trust, texture, 3, radius),
                preference, bands);

        search.rescore();
        preference.countUses();
        for (int pass = 0; pass < 6; pass++) {
            search.pass(5, 0, 0, pass);
        }

        int targets = 0;
        int twins = 0;
        for (int i = 0; i < w * h; i++) {
            if (field.target[i]) {
                targets++;
                // Colour matches exactly; texture features only nearly, since known pixels beside the
                // hole measure theirs without it. The twin is still the best match by far.
                if (field.source[i] == i - shift) {
                    twins++;
                }
            }
        }
        assertTrue(targets > 150, "targets " + targets);
        assertTrue(twins == targets, twins + " of " + targets + " targets found their twin");
    }

    /** Noise smoothed by three passes of a 5×5 box blur, in 0..255, three channels. */
    private static float[] blurredNoise(int w, int h, Random random) {
        float[] c = new float[w * h * 3];
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextInt(256);
        }
        for (int round = 0; round < 3; round++) {
            float[] out = new float[c.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        float sum = 0;
                        int n = 0;
                        for (int dy = -2; dy <= 2; dy++) {
                            for (int dx = -2; dx <= 2; dx++) {
                                int xx = x + dx;
                                int yy = y + dy;
                                if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                                    sum += c[(yy * w + xx) * 3 + ch];
                                    n++;
                                }
                            }
                        }
                        out[(y * w + x) * 3 + ch] = sum / n;
                    }
                }
            }
            c = out;
        }
        // Stretch the contrast back up so patches differ clearly.
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : c) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = (c[i] - min) * 255 / (max - min);
        }
        return c;
    }
}
