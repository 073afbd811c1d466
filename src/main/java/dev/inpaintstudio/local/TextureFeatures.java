package dev.inpaintstudio.local;

/**
 * How busy the picture is around each pixel: the mean absolute luma gradient across and down
 * over a small window (Newson et al., 2014). Compared along with colour, it keeps flat patches
 * from winning in textured places, where their average colour fits but their smoothness does not.
 */
final class TextureFeatures {
    /** Half-width of the averaging window. */
    private static final int REACH = 2;

    /** Two values per pixel: mean |dY/dx|, mean |dY/dy|. */
    final float[] values;
    private final FillLevel level;
    private final float[] gradient;
    private final float[] rowMeans;

    TextureFeatures(FillLevel level) {
        this.level = level;
        int n = level.width * level.height;
        this.values = new float[n * 2];
        this.gradient = new float[n * 2];
        this.rowMeans = new float[n * 2];
    }

    /**
     * From the level's current colours. Known pixels look only at known neighbours, so their values
     * never depend on the hole's estimate; hole pixels look at everything (later votes replace them).
     */
    void update(RowBands bands) {
        int w = level.width;
        int h = level.height;
        float[] c = level.colour;
        boolean[] hole = level.hole;
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    boolean all = hole[i];
                    gradient[i * 2] = slope(c, hole, all, i, x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1);
                    gradient[i * 2 + 1] = slope(c, hole, all, i, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1);
                }
            }
        });
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    boolean all = hole[i];
                    float gx = 0;
                    float gy = 0;
                    int n = 0;
                    for (int k = Math.max(0, x - REACH); k <= Math.min(w - 1, x + REACH); k++) {
                        int j = y * w + k;
                        if (all || !hole[j]) {
                            gx += gradient[j * 2];
                            gy += gradient[j * 2 + 1];
                            n++;
                        }
                    }
                    rowMeans[i * 2] = gx / n;
                    rowMeans[i * 2 + 1] = gy / n;
                }
            }
        });
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    boolean all = hole[i];
                    float gx = 0;
                    float gy = 0;
                    int n = 0;
                    for (int k = Math.max(0, y - REACH); k <= Math.min(h - 1, y + REACH); k++) {
                        int j = k * w + x;
                        if (all || !hole[j]) {
                            gx += rowMeans[j * 2];
                            gy += rowMeans[j * 2 + 1];
                            n++;
                        }
                    }
                    values[i * 2] = gx / n;
                    values[i * 2 + 1] = gy / n;
                }
            }
        });
    }

    /** |dY| along one axis at {@code i}, from the neighbours that may be used; -1 marks none. */
    private static float slope(float[] c, boolean[] hole, boolean all, int i, int before, int after) {
        boolean useBefore = before >= 0 && (all || !hole[before]);
        boolean useAfter = after >= 0 && (all || !hole[after]);
        if (useBefore && useAfter) {
            return Math.abs(c[after * 3] - c[before * 3]) * 0.5f;
        }
        if (useBefore) {
            return Math.abs(c[i * 3] - c[before * 3]);
        }
        if (useAfter) {
            return Math.abs(c[after * 3] - c[i * 3]);
        }
        return 0;
    }
}
