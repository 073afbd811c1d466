package dev.inpaintstudio.local;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The first guess at the coarsest level: the hole is filled ring by ring from its border inward,
 * each pixel taking the centre of the source patch that best matches what is already known around
 * it. Unlike a smooth fill, this carries edges and stripes into the hole, so the search that
 * follows starts from the right structure.
 */
final class OnionPeelFill {
    /** Above this many patch comparisons, each pixel compares against a fixed random subset of sources. */
    private static final long MAX_COMPARISONS = 16_000_000;

    private OnionPeelFill() {
    }

    static void fill(FillLevel level, SourcePatches sources, int radius, long seed, RowBands bands) {
        int w = level.width;
        int h = level.height;
        boolean[] known = new boolean[w * h];
        int remaining = 0;
        for (int i = 0; i < known.length; i++) {
            known[i] = !level.hole[i];
            if (level.hole[i]) {
                remaining++;
            }
        }
        int[] candidates = sources.centres;
        long comparisons = (long) remaining * candidates.length;
        if (comparisons > MAX_COMPARISONS) {
            SplittableRandom random = FillSeeds.random(seed, Integer.MAX_VALUE, 0, 0, 0);
            int keep = (int) Math.max(1, MAX_COMPARISONS / remaining);
            int[] subset = new int[keep];
            for (int k = 0; k < keep; k++) {
                subset[k] = candidates[random.nextInt(candidates.length)];
            }
            candidates = subset;
        }
        float[] rgb = level.colour;
        while (remaining > 0) {
            List<Integer> ring = new ArrayList<>();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (!known[i] && touchesKnown(known, w, h, x, y)) {
                        ring.add(i);
                    }
                }
            }
            int[] chosen = new int[ring.size()];
            int[] pool = candidates;
            // Each pixel of a ring is matched against what was known before the ring: independent
            // work, spread over the threads in fixed chunks.
            bands.forEach(ring.size(), chunk -> {
                for (int k = RowBands.firstRow(chunk); k < RowBands.endRow(chunk, ring.size()); k++) {
                    chosen[k] = bestSource(level, known, ring.get(k), pool, radius);
                }
            });
            for (int k = 0; k < ring.size(); k++) {
                int p = ring.get(k);
                int s = chosen[k];
                rgb[p * 3] = rgb[s * 3];
                rgb[p * 3 + 1] = rgb[s * 3 + 1];
                rgb[p * 3 + 2] = rgb[s * 3 + 2];
                known[p] = true;
            }
            remaining -= ring.size();
        }
    }

    private static boolean touchesKnown(boolean[] known, int w, int h, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && known[ny * w + nx]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The source whose patch differs least from the known part of the patch around {@code p}. */
    private static int bestSource(FillLevel level, boolean[] known, int p, int[] candidates, int radius) {
        int w = level.width;
        int h = level.height;
        int px = p % w;
        int py = p / w;
        // The known offsets around p, listed once and compared against every candidate.
        int[] offsets = new int[(2 * radius + 1) * (2 * radius + 1)];
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int x = px + dx;
                int y = py + dy;
                if (x >= 0 && y >= 0 && x < w && y < h && known[y * w + x]) {
                    offsets[n++] = dy * w + dx;
                }
            }
        }
        float[] rgb = level.colour;
        int best = candidates[0];
        float bestCost = Float.MAX_VALUE;
        for (int s : candidates) {
            float sum = 0;
            for (int k = 0; k < n && sum < bestCost; k++) {
                int a = (p + offsets[k]) * 3;
                int b = (s + offsets[k]) * 3;
                float dr = rgb[a] - rgb[b];
                float dg = rgb[a + 1] - rgb[b + 1];
                float db = rgb[a + 2] - rgb[b + 2];
                sum += dr * dr + dg * dg + db * db;
            }
            if (sum < bestCost) {
                bestCost = sum;
                best = s;
            }
        }
        return best;
    }
}
