package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RimBlendTest {
    private static final int W = 80;
    private static final int H = 30;
    private static final int RADIUS = 2;
    /** Where the copied texture lies: random greys on the left, flat grey 180 on the right. */
    private static final int NOISE_END = 8;
    private static final int FLAT_START = 60;

    /**
     * Kept pixels at grey 100 round a 20×10 hole filled at grey 180 in luma and 40 in both colour
     * channels; two places far from it to copy from.
     */
    private static FillLevel filledHole() {
        Random random = new Random(5);
        float[] colour = new float[W * H * 3];
        boolean[] hole = new boolean[W * H];
        boolean[] allowed = new boolean[W * H];
        Arrays.fill(allowed, true);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                hole[i] = x >= 25 && x < 45 && y >= 10 && y < 20;
                colour[i * 3] = hole[i] || x >= FLAT_START ? 180 : x < NOISE_END ? random.nextInt(256) : 100;
                colour[i * 3 + 1] = hole[i] ? 40 : 0;
                colour[i * 3 + 2] = hole[i] ? 40 : 0;
            }
        }
        return new FillLevel(W, H, colour, hole, allowed);
    }

    /** Every target patch copies from a random place in columns [x0, x1) (patches wholly inside). */
    private static NearestNeighbourField copiedFrom(FillLevel level, int x0, int x1) {
        Random random = new Random(9);
        return TestFields.copyingFrom(level, RADIUS, () -> (RADIUS + random.nextInt(H - 2 * RADIUS)) * W
                + x0 + RADIUS + random.nextInt(x1 - x0 - 2 * RADIUS));
    }

    @Test
    void whereThePatchesDisagreeTheFirstPixelsInsideLeanTowardTheKeptOnes() {
        FillLevel level = filledHole();
        float[] before = level.colour.clone();
        float[] distance = HoleDistance.of(level.hole, W, H);

        RimBlend.apply(level, distance, copiedFrom(level, 0, NOISE_END), TestFields.equalWeights(level), RADIUS);

        // Middle of the hole's long top side, one to four pixels in: from 3/4 of the way to the
        // kept grey down to nothing (the votes' spread, thousands of levels², takes nearly all of it).
        int x = 35;
        float[] pull = {0.75f, 0.5f, 0.25f, 0};
        for (int k = 0; k < 4; k++) {
            int i = (10 + k) * W + x;
            assertEquals(k + 1, distance[i], 1e-4, "distance of row " + (10 + k));
            assertEquals(180 - pull[k] * 80, level.colour[i * 3], 80 * pull[k] * 0.05 + 1e-3, (k + 1) + " px in");
            assertEquals(40 - pull[k] * 40, level.colour[i * 3 + 1], 40 * pull[k] * 0.05 + 1e-3, (k + 1) + " px in, colour");
        }
        for (int i = 0; i < W * H; i++) {
            if (!level.hole[i]) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(before[i * 3 + c], level.colour[i * 3 + c], "kept pixel " + i);
                }
            } else if (distance[i] > RimBlend.BAND) {
                assertEquals(180, level.colour[i * 3], "deep inside " + i);
            }
        }
    }

    @Test
    void whereThePatchesAgreeTheFillIsLeftAlone() {
        FillLevel level = filledHole();
        float[] before = level.colour.clone();

        RimBlend.apply(level, HoleDistance.of(level.hole, W, H), copiedFrom(level, FLAT_START, W), TestFields.equalWeights(level), RADIUS);

        assertArrayEquals(before, level.colour);
    }
}
