package dev.inpaintstudio.local;

import java.util.SplittableRandom;

/**
 * PatchMatch (Barnes et al., 2009): improves the nearest-neighbour field by propagating good
 * matches from neighbours and trying random sources at shrinking distances around the best.
 * Passes alternate scan direction; bands run even-then-odd so the result is deterministic.
 */
final class PatchMatchSearch {
    private final FillLevel level;
    private final SourcePatches sources;
    private final NearestNeighbourField field;
    private final PatchDistance distance;
    private final SourcePreference preference;
    private final RowBands bands;

    PatchMatchSearch(FillLevel level, SourcePatches sources, NearestNeighbourField field, PatchDistance distance,
                     SourcePreference preference, RowBands bands) {
        this.level = level;
        this.preference = preference;
        this.sources = sources;
        this.field = field;
        this.distance = distance;
        this.bands = bands;
    }

    /** The picture changed (votes): every target's distance to its current source is measured again. */
    void rescore() {
        int w = level.width;
        bands.forEach(level.height, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, level.height); y++) {
                for (int i = y * w, end = i + w; i < end; i++) {
                    if (field.target[i]) {
                        field.cost[i] = distance.between(i, field.source[i], Float.MAX_VALUE);
                    }
                }
            }
        });
    }

    /**
     * One pass over every target: propagation then random search. Candidates compete on their
     * distance times the {@link SourcePreference} factor; the field keeps the plain distance.
     */
    void pass(long seed, int levelIndex, int iteration, int pass) {
        boolean forward = (pass & 1) == 0;
        bands.forEachAlternating(level.height, band -> {
            SplittableRandom rnd = FillSeeds.random(seed, levelIndex, iteration, pass, band);
            Best best = new Best();
            int y0 = RowBands.firstRow(band);
            int y1 = RowBands.endRow(band, level.height);
            if (forward) {
                for (int y = y0; y < y1; y++) {
                    for (int x = 0; x < level.width; x++) {
                        improve(x, y, 1, rnd, best);
                    }
                }
            } else {
                for (int y = y1 - 1; y >= y0; y--) {
                    for (int x = level.width - 1; x >= 0; x--) {
                        improve(x, y, -1, rnd, best);
                    }
                }
            }
        });
    }

    /** The best match found so far for the target being improved; one per band, reused. */
    private static final class Best {
        int source;
        /** Distance times preference factor: what candidates compete on. */
        float cost;
        float factor;
    }

    private void improve(int x, int y, int dir, SplittableRandom rnd, Best best) {
        int w = level.width;
        int h = level.height;
        int i = y * w + x;
        if (!field.target[i]) {
            return;
        }
        best.source = field.source[i];
        best.factor = preference.factor(i, best.source);
        best.cost = field.cost[i] * best.factor;
        boolean[] valid = sources.valid;

        // Propagation: the neighbour already visited in this pass copies from somewhere; shifted by
        // one, that place likely suits this patch too.
        int nx = x - dir;
        if (nx >= 0 && nx < w && field.target[i - dir]) {
            int c = field.source[i - dir] + dir;
            int cx = c % w;
            if (c >= 0 && c < valid.length && Math.abs(cx - (field.source[i - dir] % w)) == 1 && valid[c]) {
                consider(i, c, best);
            }
        }
        int ny = y - dir;
        if (ny >= 0 && ny < h && field.target[i - dir * w]) {
            int c = field.source[i - dir * w] + dir * w;
            if (c >= 0 && c < valid.length && valid[c]) {
                consider(i, c, best);
            }
        }

        // Random search around the best, halving the window down to one pixel.
        int bx = best.source % w;
        int by = best.source / w;
        for (int r = Math.max(w, h); r >= 1; r >>= 1) {
            int cx = bx + rnd.nextInt(2 * r + 1) - r;
            int cy = by + rnd.nextInt(2 * r + 1) - r;
            if (cx < 0 || cy < 0 || cx >= w || cy >= h) {
                continue;
            }
            int c = cy * w + cx;
            if (valid[c]) {
                // Keep searching around the original best: the window is centred once per pass.
                consider(i, c, best);
            }
        }
        // One draw among all valid sources: holes much larger than the texture's repeat still find far matches.
        consider(i, sources.centres[rnd.nextInt(sources.centres.length)], best);
        field.source[i] = best.source;
        field.cost[i] = best.cost / best.factor;
    }

    /** Takes source {@code c} for target {@code i} if it beats the best so far. */
    private void consider(int i, int c, Best best) {
        if (c == best.source) {
            return;
        }
        float f = preference.factor(i, c);
        float d = distance.between(i, c, best.cost / f) * f;
        if (d < best.cost) {
            best.source = c;
            best.cost = d;
            best.factor = f;
        }
    }
}
