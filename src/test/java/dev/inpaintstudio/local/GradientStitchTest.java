package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientStitchTest {
    private static final int W = 100;
    private static final int H = 40;
    private static final int RADIUS = 2;
    private static final RowBands BANDS = new RowBands(null, 1);

    /** The hole: x 20..39, y 10..29. */
    private static boolean[] hole() {
        boolean[] hole = new boolean[W * H];
        for (int y = 10; y < 30; y++) {
            for (int x = 20; x < 40; x++) {
                hole[y * W + x] = true;
            }
        }
        return hole;
    }

    private static boolean[] everywhere() {
        boolean[] allowed = new boolean[W * H];
        Arrays.fill(allowed, true);
        return allowed;
    }

    /**
     * A grey-100 area with a hole, and a brighter grey-120 area to the right that every patch copied
     * from: the fill (120) is 20 levels too bright for its surroundings.
     */
    private static FillLevel copiedFromABrighterPlace(boolean[] allowed) {
        float[] colour = new float[W * H * 3];
        boolean[] hole = hole();
        for (int i = 0; i < W * H; i++) {
            colour[i * 3] = i % W >= 60 || hole[i] ? 120 : 100;
        }
        return new FillLevel(W, H, colour, hole, allowed);
    }

    @Test
    void aFillBrighterThanItsSurroundingsIsBroughtDownToThem() {
        FillLevel level = copiedFromABrighterPlace(everywhere());
        float[] before = level.colour.clone();

        GradientStitch.apply(level, TestFields.copyingFrom(level, RADIUS, () -> 20 * W + 80), TestFields.equalWeights(level),
                RADIUS, BANDS, CancellationToken.none());

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

        GradientStitch.apply(level, TestFields.copyingFrom(level, RADIUS, () -> 20 * W + 80), TestFields.equalWeights(level),
                RADIUS, BANDS, CancellationToken.none());

        for (int i = 0; i < W * H; i++) {
            if (level.hole[i]) {
                assertEquals(120, level.colour[i * 3], 1e-3, "hole pixel " + i);
            }
        }
    }

    @Test
    void twoCopiesOfDifferentBrightnessMeetWithoutASeam() {
        // A sky brightening to the right by one level a pixel. The hole's left half is copied from
        // 15 px further left (15 levels darker than it should be), its right half from 15 px further
        // right (15 brighter): a 30-level step where they meet, and steps at both sides.
        float[] colour = new float[W * H * 3];
        boolean[] hole = hole();
        for (int i = 0; i < W * H; i++) {
            colour[i * 3] = i % W;
            colour[i * 3 + 2] = 50;
        }
        FillLevel level = new FillLevel(W, H, colour, hole, everywhere());
        NearestNeighbourField field = TestFields.copyingFrom(level, RADIUS, () -> 0);
        for (int i = 0; i < W * H; i++) {
            if (field.target[i]) {
                field.source[i] = i % W < 30 ? i - 15 : i + 15;
            }
        }
        for (int i = 0; i < W * H; i++) {
            if (hole[i]) {
                colour[i * 3] = colour[field.source[i] * 3];
            }
        }
        float stepBefore = colour[(20 * W + 30) * 3] - colour[(20 * W + 29) * 3];
        assertEquals(31, stepBefore, 1e-3, "the copies meet with a step");

        GradientStitch.apply(level, field, TestFields.equalWeights(level), RADIUS, BANDS, CancellationToken.none());

        for (int i = 0; i < W * H; i++) {
            if (hole[i]) {
                assertEquals(i % W, colour[i * 3], 0.5, "the sky's own brightness at x " + i % W + ", y " + i / W);
                assertEquals(50, colour[i * 3 + 2], 0.5, "pixel " + i);
            }
        }
        assertTrue(Math.abs(colour[(20 * W + 30) * 3] - colour[(20 * W + 29) * 3] - 1) < 0.5, "no step left");
    }
}
