package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcePreferenceTest {
    private static final int W = 80;
    private static final int H = 60;
    private static final int RADIUS = 2;
    /** The hole: x 40..59, y 20..39. */
    private static final FillLevel LEVEL = level();
    private static final float[] HOLE_DISTANCE = HoleDistance.of(LEVEL.hole, W, H);
    private static final float DIAGONAL = (float) Math.hypot(W, H);

    @Test
    void aSourceThatCarriesOnANeighboursCopyIsFavouredDeepInTheHoleAndNotAtItsRim() {
        int source = at(10, 30);
        int deep = at(50, 30);
        int rim = at(38, 30);
        assertEquals(0f, HOLE_DISTANCE[rim], "a target outside the hole whose patch reaches into it");
        assertTrue(HOLE_DISTANCE[deep] >= SourcePreference.COHERENCE_RAMP);

        for (int target : new int[]{deep, rim}) {
            // The left neighbour copies from one pixel left of the candidate: taking it continues that copy.
            NearestNeighbourField field = TestFields.copyingFrom(LEVEL, RADIUS, () -> at(5, 5));
            field.source[target - 1] = source - 1;
            SourcePreference coherent = preference(field);
            float withNeighbour = coherent.factor(target, source);
            field.source[target - 1] = at(5, 5);
            float alone = preference(field).factor(target, source);

            float expected = target == deep ? 1 - SourcePreference.COHERENCE_BONUS : 1;
            assertEquals(expected, withNeighbour / alone, 1e-5, "target at depth " + HOLE_DISTANCE[target]);
        }
    }

    @Test
    void sourcesFurtherThanTheNearestKeptPixelsCostMoreTheFurtherTheyAre() {
        int target = at(45, 30);
        float depth = HOLE_DISTANCE[target];
        assertEquals(6f, depth, 0.5f);
        NearestNeighbourField field = TestFields.copyingFrom(LEVEL, RADIUS, () -> at(5, 5));
        SourcePreference preference = preference(field);

        assertEquals(1f, preference.factor(target, at(39, 30)), 1e-6, "as near as the nearest kept pixel");
        float previous = 1f;
        for (int x = 30; x >= 5; x -= 5) {
            float distance = 45 - x;
            float factor = preference.factor(target, at(x, 30));
            assertEquals(1 + SourcePreference.NEARNESS * (distance - depth) / DIAGONAL, factor, 1e-4, "source at x " + x);
            assertTrue(factor > previous, "further costs more: x " + x);
            previous = factor;
        }
    }

    @Test
    void aSourceAreaCopiedTwiceCostsMoreThanOneCopiedOnce() {
        // Targets x 38..61, y 18..41. Once: every target copies the pixels 30 to its left. Twice:
        // the targets right of x 50 copy the same pixels as those left of it.
        NearestNeighbourField once = TestFields.copyingFrom(LEVEL, RADIUS, () -> 0);
        NearestNeighbourField twice = TestFields.copyingFrom(LEVEL, RADIUS, () -> 0);
        for (int i = 0; i < W * H; i++) {
            if (once.target[i]) {
                once.source[i] = i - 30;
                twice.source[i] = i % W < 50 ? i - 30 : i - 42;
            }
        }
        SourcePreference copiedOnce = preference(once);
        SourcePreference copiedTwice = preference(twice);
        copiedOnce.countUses();
        copiedTwice.countUses();

        int target = at(25, 5);
        int source = at(14, 30);
        float unused = preference(fresh()).factor(target, source);
        assertEquals(1f, copiedOnce.factor(target, source) / unused, 1e-6, "a piece copied once, as a whole");
        assertEquals(1 + SourcePreference.REUSE, copiedTwice.factor(target, source) / unused, 1e-5,
                "a piece copied twice");
    }

    private static SourcePreference preference(NearestNeighbourField field) {
        return new SourcePreference(field, HOLE_DISTANCE, RADIUS);
    }

    /** A field no target's neighbour continues, with no uses counted. */
    private static NearestNeighbourField fresh() {
        return TestFields.copyingFrom(LEVEL, RADIUS, () -> at(5, 5));
    }

    private static int at(int x, int y) {
        return y * W + x;
    }

    private static FillLevel level() {
        boolean[] hole = new boolean[W * H];
        for (int y = 20; y < 40; y++) {
            for (int x = 40; x < 60; x++) {
                hole[y * W + x] = true;
            }
        }
        boolean[] allowed = new boolean[W * H];
        Arrays.fill(allowed, true);
        return new FillLevel(W, H, new float[W * H * 3], hole, allowed);
    }
}
