package dev.inpaintstudio.local;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchMatchSearchTest {
    @Test
    void findsTheExactCopyOfEveryPatchAroundTheHole() {
        // Noise in which the block around the hole is an exact copy of a block 45 px to the left:
        // every target's only perfect match is its twin, and random initial matches are all far off.
        int w = 96;
        int h = 64;
        int shift = 45;
        Random random = new Random(11);
        float[] colour = new float[w * h * 3];
        for (int i = 0; i < colour.length; i++) {
            colour[i] = random.nextInt(256);
        }
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
        PatchMatchSearch search = new PatchMatchSearch(level, sources, field, new PatchDistance(level, trust, texture, 3, radius), bands);

        search.rescore();
        for (int pass = 0; pass < 4; pass++) {
            search.pass(5, 0, 0, pass);
        }

        int targets = 0;
        int twins = 0;
        for (int i = 0; i < w * h; i++) {
            if (field.target[i]) {
                targets++;
                if (field.source[i] == i - shift && field.cost[i] == 0) {
                    twins++;
                }
            }
        }
        assertTrue(targets > 150, "targets " + targets);
        assertTrue(twins == targets, twins + " of " + targets + " targets found their twin");
    }
}
