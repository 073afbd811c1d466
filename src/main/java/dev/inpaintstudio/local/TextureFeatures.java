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
    private final float[] rowSums;

    TextureFeatures(FillLevel level) {
        this.level = level;
        int n = level.width * level.height;
        this.values = new float[n * 2];
        this.gradient = new float[n * 2];
        this.rowSums = new float[n * 2];
    }

    /** From the level's current colours (the hole's estimate included). */
    void update(RowBands bands) {
        int w = level.width;
        int h = level.height;
        float[] c = level.colour;
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                int up = Math.max(0, y - 1) * w;
                int down = Math.min(h - 1, y + 1) * w;
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    int left = y * w + Math.max(0, x - 1);
                    int right = y * w + Math.min(w - 1, x + 1);
                    gradient[i * 2] = Math.abs(c[right * 3] - c[left * 3]) * 0.5f;
                    gradient[i * 2 + 1] = Math.abs(c[(down + x) * 3] - c[(up + x) * 3]) * 0.5f;
                }
            }
        });
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    float gx = 0;
                    float gy = 0;
                    int n = 0;
                    for (int k = Math.max(0, x - REACH); k <= Math.min(w - 1, x + REACH); k++) {
                        gx += gradient[(y * w + k) * 2];
                        gy += gradient[(y * w + k) * 2 + 1];
                        n++;
                    }
                    rowSums[(y * w + x) * 2] = gx / n;
                    rowSums[(y * w + x) * 2 + 1] = gy / n;
                }
            }
        });
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    float gx = 0;
                    float gy = 0;
                    int n = 0;
                    for (int k = Math.max(0, y - REACH); k <= Math.min(h - 1, y + REACH); k++) {
                        gx += rowSums[(k * w + x) * 2];
                        gy += rowSums[(k * w + x) * 2 + 1];
                        n++;
                    }
                    values[(y * w + x) * 2] = gx / n;
                    values[(y * w + x) * 2 + 1] = gy / n;
                }
            }
        });
    }
}
