package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeamCorrectionTest {
    private static final int W = 100;
    private static final int H = 40;
    private static final int RADIUS = 2;

    /**
     * A grey-100 area with a hole, and a brighter grey-120 area to the right that every patch copied
     * from: the fill (120) is 20 levels too bright for its surroundings.
     */
    private static FillLevel copiedFromABrighterPlace(boolean[] allowed) {
        float[] colour = new float[W * H * 3];
        boolean[] hole = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                hole[i] = x >= 20 && x < 40 && y >= 10 && y < 30;
                colour[i * 3] = x >= 60 || hole[i] ? 120 : 100;
            }
        }
        return new FillLevel(W, H, colour, hole, allowed);
    }

    @Test
    void aFillBrighterThanItsSurroundingsIsBroughtDownToThem() {
        boolean[] allowed = new boolean[W * H];
        Arrays.fill(allowed, true);
        FillLevel level = copiedFromABrighterPlace(allowed);
        float[] before = level.colour.clone();

        SeamCorrection.apply(level, TestFields.copyingFrom(level, RADIUS, () -> 20 * W + 80), TestFields.equalWeights(level), RADIUS);

        for (int i = 0; i < W * H; i++) {
            if (level.hole[i]) {
                assertEquals(100, level.colour[i * 3], 0.5, "hole pixel " + i);
                assertEquals(0, level.colour[i * 3 + 1], 0.5, "hole pixel " + i);
            } else {
                for (int c = 0; c < 3; c++) {
                    assertEquals(before[i * 3 + c], level.colour[i * 3 + c], "kept pixel " + i);
                }
            }
        }
    }

    @Test
    void aChosenSourceRegionKeepsItsOwnBrightness() {
        boolean[] allowed = new boolean[W * H];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = i % W >= 60;
        }
        FillLevel level = copiedFromABrighterPlace(allowed);

        SeamCorrection.apply(level, TestFields.copyingFrom(level, RADIUS, () -> 20 * W + 80), TestFields.equalWeights(level), RADIUS);

        for (int i = 0; i < W * H; i++) {
            if (level.hole[i]) {
                assertEquals(120, level.colour[i * 3], 1e-3, "hole pixel " + i);
            }
        }
    }
}
