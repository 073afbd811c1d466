package dev.inpaintstudio.local;

import java.util.Arrays;
import java.util.function.IntSupplier;

/** Nearest-neighbour fields and vote weights set by hand, for the steps that run after the search. */
final class TestFields {
    private TestFields() {
    }

    /** Every target patch of {@code level} copies from the centre {@code source} gives it, target by target. */
    static NearestNeighbourField copyingFrom(FillLevel level, int radius, IntSupplier source) {
        NearestNeighbourField field = NearestNeighbourField.random(level, SourcePatches.find(level, radius), radius, 1, 0,
                new RowBands(null, 1));
        for (int i = 0; i < field.source.length; i++) {
            if (field.target[i]) {
                field.source[i] = source.getAsInt();
            }
        }
        return field;
    }

    /** Every patch votes with weight 1. */
    static float[] equalWeights(FillLevel level) {
        float[] weight = new float[level.width * level.height];
        Arrays.fill(weight, 1f);
        return weight;
    }
}
