package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;

/**
 * The last repaint at the finest scale: the hole takes the differences between neighbouring
 * pixels that the copied patches have, and meets the kept pixels around it exactly. It is a
 * Poisson solve, as in seamless cloning (Pérez et al., 2003), guided by the patches' voted
 * gradients, as in Image Melding (Darabi et al., 2012). Where copies of different brightness meet
 * inside the hole (the sky lighter on one side of a removed pole than on the other), the step
 * between them is spread over the hole as a smooth change instead of showing as a seam. The
 * copied texture keeps its detail, since its gradients are the guide.
 */
final class GradientStitch {
    private static final int RIGHT = 0;
    private static final int LEFT = 1;
    private static final int DOWN = 2;
    private static final int UP = 3;

    private GradientStitch() {
    }

    /**
     * @param weight each target patch's vote weight, as {@link PatchVoting} used them last
     */
    static void apply(FillLevel level, NearestNeighbourField field, float[] weight, int radius, RowBands bands,
                      CancellationToken cancel) {
        for (boolean allowed : level.allowed) {
            if (!allowed) {
                // The artist chose where the texture comes from, its colour and brightness included.
                return;
            }
        }
        int w = level.width;
        int h = level.height;
        int n = w * h;
        int[] index = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            index[p] = level.hole[p] ? count++ : -1;
        }
        if (count == 0) {
            return;
        }
        float[] guide = votedDifferences(level, field, weight, radius, index, count, bands, cancel);
        float[] colour = level.colour;
        float[] rhs = new float[n * 3];
        for (int p = 0; p < n; p++) {
            int k = index[p];
            if (k < 0) {
                continue;
            }
            int x = p % w;
            int y = p / w;
            for (int ch = 0; ch < 3; ch++) {
                float r = 0;
                if (x + 1 < w) {
                    r += mismatch(colour, p, p + 1, ch, along(guide, k, RIGHT, ch), against(guide, index[p + 1], LEFT, ch));
                }
                if (x > 0) {
                    r += mismatch(colour, p, p - 1, ch, -along(guide, k, LEFT, ch), -against(guide, index[p - 1], RIGHT, ch));
                }
                if (y + 1 < h) {
                    r += mismatch(colour, p, p + w, ch, along(guide, k, DOWN, ch), against(guide, index[p + w], UP, ch));
                }
                if (y > 0) {
                    r += mismatch(colour, p, p - w, ch, -along(guide, k, UP, ch), -against(guide, index[p - w], DOWN, ch));
                }
                rhs[p * 3 + ch] = r;
            }
        }
        cancel.throwIfCancelled();
        float[] correction = PoissonSolver.solve(level.hole, rhs, w, h, cancel);
        for (int p = 0; p < n; p++) {
            if (index[p] >= 0) {
                colour[p * 3] += correction[p * 3];
                colour[p * 3 + 1] += correction[p * 3 + 1];
                colour[p * 3 + 2] += correction[p * 3 + 2];
            }
        }
    }

    /**
     * How far the present step from p to q is from the wanted one, the mean of the two guides that
     * have votes (NaN for none); with no guide the present step stays.
     */
    private static float mismatch(float[] colour, int p, int q, int ch, float guideAtP, float guideAtQ) {
        float present = colour[q * 3 + ch] - colour[p * 3 + ch];
        float wanted;
        if (Float.isNaN(guideAtP)) {
            wanted = Float.isNaN(guideAtQ) ? present : guideAtQ;
        } else {
            wanted = Float.isNaN(guideAtQ) ? guideAtP : (guideAtP + guideAtQ) / 2;
        }
        return present - wanted;
    }

    private static float along(float[] guide, int k, int direction, int ch) {
        return guide[k * 12 + direction * 3 + ch];
    }

    /** The guide voted at a neighbour, or NaN when the neighbour is a kept pixel. */
    private static float against(float[] guide, int k, int direction, int ch) {
        return k < 0 ? Float.NaN : guide[k * 12 + direction * 3 + ch];
    }

    /**
     * Per hole pixel and direction (right, left, down, up), the weighted mean over the patches
     * covering it of the step their source makes there: to the right and down, the next pixel less
     * this one; to the left and up, this one less the previous. NaN where no patch with weight votes.
     */
    private static float[] votedDifferences(FillLevel level, NearestNeighbourField field, float[] weight, int radius,
                                            int[] index, int count, RowBands bands, CancellationToken cancel) {
        int w = level.width;
        int h = level.height;
        float[] colour = level.colour;
        float[] guide = new float[count * 12];
        bands.forEach(h, band -> {
            cancel.throwIfCancelled();
            double[] sum = new double[12];
            double[] total = new double[4];
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int k = index[y * w + x];
                    if (k < 0) {
                        continue;
                    }
                    java.util.Arrays.fill(sum, 0);
                    java.util.Arrays.fill(total, 0);
                    for (int cy = Math.max(0, y - radius); cy <= Math.min(h - 1, y + radius); cy++) {
                        for (int cx = Math.max(0, x - radius); cx <= Math.min(w - 1, x + radius); cx++) {
                            int c = cy * w + cx;
                            float wc = weight[c];
                            if (!field.target[c] || wc <= 0) {
                                continue;
                            }
                            int s = field.source[c] + (y - cy) * w + (x - cx);
                            int sx = field.source[c] % w + (x - cx);
                            int sy = field.source[c] / w + (y - cy);
                            if (sx + 1 < w) {
                                add(sum, total, RIGHT, wc, colour, s + 1, s);
                            }
                            if (sx > 0) {
                                add(sum, total, LEFT, wc, colour, s, s - 1);
                            }
                            if (sy + 1 < h) {
                                add(sum, total, DOWN, wc, colour, s + w, s);
                            }
                            if (sy > 0) {
                                add(sum, total, UP, wc, colour, s, s - w);
                            }
                        }
                    }
                    for (int d = 0; d < 4; d++) {
                        for (int ch = 0; ch < 3; ch++) {
                            guide[k * 12 + d * 3 + ch] = total[d] > 0 ? (float) (sum[d * 3 + ch] / total[d]) : Float.NaN;
                        }
                    }
                }
            }
        });
        return guide;
    }

    private static void add(double[] sum, double[] total, int direction, float weight, float[] colour, int to, int from) {
        sum[direction * 3] += weight * (colour[to * 3] - colour[from * 3]);
        sum[direction * 3 + 1] += weight * (colour[to * 3 + 1] - colour[from * 3 + 1]);
        sum[direction * 3 + 2] += weight * (colour[to * 3 + 2] - colour[from * 3 + 2]);
        total[direction] += weight;
    }
}
