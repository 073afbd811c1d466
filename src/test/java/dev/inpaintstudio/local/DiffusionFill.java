package dev.inpaintstudio.local;

/**
 * A smooth first guess for the coarsest level: the hole relaxes towards the average of its
 * neighbours (Gauss–Seidel), so the first search compares patches against plausible colours
 * rather than black.
 */
final class DiffusionFill {
    private DiffusionFill() {
    }

    static void fill(FillLevel level, int sweeps) {
        int w = level.width;
        int h = level.height;
        float[] rgb = level.colour;
        int holes = level.holeCount();
        int[] order = new int[holes];
        int n = 0;
        for (int i = 0; i < level.hole.length; i++) {
            if (level.hole[i]) {
                order[n++] = i;
            }
        }
        float[] mean = knownMean(level);
        for (int p : order) {
            rgb[p * 3] = mean[0];
            rgb[p * 3 + 1] = mean[1];
            rgb[p * 3 + 2] = mean[2];
        }
        for (int sweep = 0; sweep < sweeps; sweep++) {
            // Alternate direction so colour flows in from every side equally fast.
            boolean forward = (sweep & 1) == 0;
            for (int k = 0; k < holes; k++) {
                int p = order[forward ? k : holes - 1 - k];
                int x = p % w;
                int y = p / w;
                float r = 0;
                float g = 0;
                float b = 0;
                int c = 0;
                if (x > 0) {
                    r += rgb[(p - 1) * 3];
                    g += rgb[(p - 1) * 3 + 1];
                    b += rgb[(p - 1) * 3 + 2];
                    c++;
                }
                if (x < w - 1) {
                    r += rgb[(p + 1) * 3];
                    g += rgb[(p + 1) * 3 + 1];
                    b += rgb[(p + 1) * 3 + 2];
                    c++;
                }
                if (y > 0) {
                    r += rgb[(p - w) * 3];
                    g += rgb[(p - w) * 3 + 1];
                    b += rgb[(p - w) * 3 + 2];
                    c++;
                }
                if (y < h - 1) {
                    r += rgb[(p + w) * 3];
                    g += rgb[(p + w) * 3 + 1];
                    b += rgb[(p + w) * 3 + 2];
                    c++;
                }
                rgb[p * 3] = r / c;
                rgb[p * 3 + 1] = g / c;
                rgb[p * 3 + 2] = b / c;
            }
        }
    }

    private static float[] knownMean(FillLevel level) {
        double r = 0;
        double g = 0;
        double b = 0;
        long n = 0;
        for (int i = 0; i < level.hole.length; i++) {
            if (!level.hole[i]) {
                r += level.colour[i * 3];
                g += level.colour[i * 3 + 1];
                b += level.colour[i * 3 + 2];
                n++;
            }
        }
        n = Math.max(1, n);
        return new float[]{(float) (r / n), (float) (g / n), (float) (b / n)};
    }
}
