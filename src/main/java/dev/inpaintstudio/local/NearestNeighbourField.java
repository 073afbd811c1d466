package dev.inpaintstudio.local;

import java.util.SplittableRandom;

/**
 * For every target patch (one that touches the hole), the source patch it currently copies and
 * how far apart the two are.
 */
final class NearestNeighbourField {
    final int width;
    final int height;
    /** Pixels whose patch overlaps the hole. */
    final boolean[] target;
    /** Per pixel: the centre index of its source patch; meaningful for targets only. */
    final int[] source;
    /** Per pixel: the patch distance to its source. */
    final float[] cost;

    private NearestNeighbourField(int width, int height, boolean[] target) {
        this.width = width;
        this.height = height;
        this.target = target;
        this.source = new int[width * height];
        this.cost = new float[width * height];
    }

    /** Targets get a random valid source each. */
    static NearestNeighbourField random(FillLevel level, SourcePatches sources, int radius, long seed, int levelIndex,
                                        RowBands bands) {
        NearestNeighbourField field = new NearestNeighbourField(level.width, level.height, targets(level, radius));
        bands.forEach(level.height, band -> {
            SplittableRandom rnd = FillSeeds.random(seed, levelIndex, -1, 0, band);
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, level.height); y++) {
                for (int x = 0; x < level.width; x++) {
                    int i = y * level.width + x;
                    if (field.target[i]) {
                        field.source[i] = sources.centres[rnd.nextInt(sources.centres.length)];
                    }
                }
            }
        });
        return field;
    }

    /**
     * The coarser field carried to {@code level} (twice its size): each target copies from twice
     * its coarse match's position, keeping its offset within the 2×2 block; where that source is no
     * longer valid at this scale, a nearby valid one, else a random one.
     */
    static NearestNeighbourField upsample(NearestNeighbourField coarse, FillLevel level, SourcePatches sources,
                                          int radius, long seed, int levelIndex, RowBands bands) {
        NearestNeighbourField field = new NearestNeighbourField(level.width, level.height, targets(level, radius));
        int w = level.width;
        int h = level.height;
        bands.forEach(h, band -> {
            SplittableRandom rnd = FillSeeds.random(seed, levelIndex, -2, 0, band);
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (!field.target[i]) {
                        continue;
                    }
                    int cx = Math.min(x / 2, coarse.width - 1);
                    int cy = Math.min(y / 2, coarse.height - 1);
                    int ci = cy * coarse.width + cx;
                    int chosen = -1;
                    if (coarse.target[ci]) {
                        int s = coarse.source[ci];
                        int sx = (s % coarse.width) * 2 + (x & 1);
                        int sy = (s / coarse.width) * 2 + (y & 1);
                        chosen = nearestValid(sources, w, h, sx, sy);
                    }
                    field.source[i] = chosen >= 0 ? chosen : sources.centres[rnd.nextInt(sources.centres.length)];
                }
            }
        });
        return field;
    }

    private static int nearestValid(SourcePatches sources, int w, int h, int sx, int sy) {
        for (int r = 0; r <= 2; r++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != r) {
                        continue;
                    }
                    int x = sx + dx;
                    int y = sy + dy;
                    if (x >= 0 && y >= 0 && x < w && y < h && sources.valid[y * w + x]) {
                        return y * w + x;
                    }
                }
            }
        }
        return -1;
    }

    /** Pixels within {@code radius} (Chebyshev) of a hole pixel: their patches take part in the votes. */
    static boolean[] targets(FillLevel level, int radius) {
        int w = level.width;
        int h = level.height;
        // Dilate the hole with a square, as two one-dimensional passes.
        boolean[] rows = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int last = Integer.MIN_VALUE / 2;
            for (int x = 0; x < w; x++) {
                if (level.hole[y * w + x]) {
                    last = x;
                }
                if (x - last <= radius) {
                    rows[y * w + x] = true;
                }
            }
            last = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (level.hole[y * w + x]) {
                    last = x;
                }
                if (last - x <= radius) {
                    rows[y * w + x] = true;
                }
            }
        }
        boolean[] out = new boolean[w * h];
        for (int x = 0; x < w; x++) {
            int last = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h; y++) {
                if (rows[y * w + x]) {
                    last = y;
                }
                if (y - last <= radius) {
                    out[y * w + x] = true;
                }
            }
            last = Integer.MAX_VALUE / 2;
            for (int y = h - 1; y >= 0; y--) {
                if (rows[y * w + x]) {
                    last = y;
                }
                if (last - y <= radius) {
                    out[y * w + x] = true;
                }
            }
        }
        return out;
    }
}
