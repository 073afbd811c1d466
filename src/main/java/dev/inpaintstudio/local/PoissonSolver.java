package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;

/**
 * Solves the discrete Poisson equation −Δc = r on the pixels of a mask, three channels at once,
 * with c = 0 on every pixel outside the mask (and nothing beyond the picture's edge), by conjugate
 * gradients. A large mask is first solved on a grid of 2×2 blocks and that answer, scaled up, is
 * the start: conjugate gradients finds the smooth part of an answer slowest, and on the coarse grid
 * it costs an eighth as much.
 */
final class PoissonSolver {
    /** From this many unknown pixels on, the coarse grid gives the start. */
    static final int COARSE_START_FROM = 4096;
    /** The residual at which a solve from nothing stops, relative to the right-hand side. */
    static final double TOLERANCE = 1e-3;
    /** The same, after the coarse start: what is left to find is mostly local, and is found fast. */
    static final double TOLERANCE_FROM_COARSE = 3e-3;
    private static final int MAX_ITERATIONS = 5000;
    /** Iterations between looks at the cancel token: a few milliseconds of work on a large hole. */
    private static final int CANCEL_CHECK_EVERY = 16;

    private PoissonSolver() {
    }

    /**
     * @param inside which pixels are unknown
     * @param rhs    three values per pixel of the grid; only the inside ones are read
     * @return three values per pixel of the grid, 0 outside
     */
    static float[] solve(boolean[] inside, float[] rhs, int width, int height, CancellationToken cancel) {
        boolean coarseStart = count(inside) >= COARSE_START_FROM && width > 2 && height > 2;
        float[] start = coarseStart ? coarseStart(inside, rhs, width, height, cancel) : null;
        return solve(inside, rhs, width, height, start, coarseStart ? TOLERANCE_FROM_COARSE : TOLERANCE, cancel);
    }

    private static float[] solve(boolean[] inside, float[] rhs, int width, int height, float[] start, double tolerance,
                                 CancellationToken cancel) {
        int n = width * height;
        int[] index = new int[n];
        int count = 0;
        for (int p = 0; p < n; p++) {
            index[p] = inside[p] ? count++ : -1;
        }
        float[] result = new float[n * 3];
        if (count == 0) {
            return result;
        }
        int[] pixel = new int[count];
        int[] neighbour = new int[count * 4];
        byte[] degree = new byte[count];
        for (int p = 0; p < n; p++) {
            int k = index[p];
            if (k < 0) {
                continue;
            }
            pixel[k] = p;
            int x = p % width;
            int y = p / width;
            // -1: a neighbour fixed at 0; beyond the picture there is no neighbour at all.
            int d = 0;
            neighbour[k * 4] = x + 1 < width ? index[p + 1] : -1;
            neighbour[k * 4 + 1] = x > 0 ? index[p - 1] : -1;
            neighbour[k * 4 + 2] = y + 1 < height ? index[p + width] : -1;
            neighbour[k * 4 + 3] = y > 0 ? index[p - width] : -1;
            d += x + 1 < width ? 1 : 0;
            d += x > 0 ? 1 : 0;
            d += y + 1 < height ? 1 : 0;
            d += y > 0 ? 1 : 0;
            degree[k] = (byte) d;
        }
        float[] b = new float[count * 3];
        float[] x = new float[count * 3];
        for (int k = 0; k < count; k++) {
            System.arraycopy(rhs, pixel[k] * 3, b, k * 3, 3);
            if (start != null) {
                System.arraycopy(start, pixel[k] * 3, x, k * 3, 3);
            }
        }
        conjugateGradients(b, x, neighbour, degree, count, tolerance, cancel);
        for (int k = 0; k < count; k++) {
            System.arraycopy(x, k * 3, result, pixel[k] * 3, 3);
        }
        return result;
    }

    private static int count(boolean[] inside) {
        int n = 0;
        for (boolean in : inside) {
            n += in ? 1 : 0;
        }
        return n;
    }

    /** The problem on 2×2 blocks (a block is unknown if any of its pixels is), solved, sampled back up. */
    private static float[] coarseStart(boolean[] inside, float[] rhs, int width, int height, CancellationToken cancel) {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        boolean[] coarseInside = new boolean[cw * ch];
        float[] coarseRhs = new float[cw * ch * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (!inside[p]) {
                    continue;
                }
                int c = (y / 2) * cw + x / 2;
                coarseInside[c] = true;
                // At twice the spacing the same curvature gives four times the Laplacian: the sum of the four.
                coarseRhs[c * 3] += rhs[p * 3];
                coarseRhs[c * 3 + 1] += rhs[p * 3 + 1];
                coarseRhs[c * 3 + 2] += rhs[p * 3 + 2];
            }
        }
        float[] coarse = solve(coarseInside, coarseRhs, cw, ch, null, TOLERANCE, cancel);
        float[] start = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (inside[p]) {
                    sample(coarse, coarseInside, cw, ch, (x - 0.5f) / 2, (y - 0.5f) / 2, start, p * 3);
                }
            }
        }
        return start;
    }

    /** Bilinear sample of the coarse answer at (fx, fy), in coarse pixels, from the unknown blocks only. */
    private static void sample(float[] coarse, boolean[] inside, int cw, int ch, float fx, float fy, float[] out, int at) {
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        float ax = fx - x0;
        float ay = fy - y0;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float total = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int c = Math.min(ch - 1, Math.max(0, y0 + dy)) * cw + Math.min(cw - 1, Math.max(0, x0 + dx));
                if (!inside[c]) {
                    continue;
                }
                float weight = (dx == 0 ? 1 - ax : ax) * (dy == 0 ? 1 - ay : ay);
                s0 += weight * coarse[c * 3];
                s1 += weight * coarse[c * 3 + 1];
                s2 += weight * coarse[c * 3 + 2];
                total += weight;
            }
        }
        if (total > 0) {
            out[at] = s0 / total;
            out[at + 1] = s1 / total;
            out[at + 2] = s2 / total;
        }
    }

    private static void conjugateGradients(float[] b, float[] x, int[] neighbour, byte[] degree, int count,
                                           double tolerance, CancellationToken cancel) {
        int m = b.length;
        float[] r = new float[m];
        float[] ap = new float[m];
        multiply(x, ap, neighbour, degree, count);
        for (int i = 0; i < m; i++) {
            r[i] = b[i] - ap[i];
        }
        float[] p = r.clone();
        double rr = dot(r, r);
        double stop = tolerance * tolerance * dot(b, b);
        for (int it = 0; it < MAX_ITERATIONS && rr > stop && rr > 0; it++) {
            if (it % CANCEL_CHECK_EVERY == 0) {
                cancel.throwIfCancelled();
            }
            multiply(p, ap, neighbour, degree, count);
            double curvature = dot(p, ap);
            if (!(curvature > 0)) {
                // Only a region with no fixed pixel at all has no single answer; stop where we are.
                break;
            }
            double alpha = rr / curvature;
            for (int i = 0; i < m; i++) {
                x[i] += (float) (alpha * p[i]);
                r[i] -= (float) (alpha * ap[i]);
            }
            double next = dot(r, r);
            float beta = (float) (next / rr);
            rr = next;
            for (int i = 0; i < m; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
    }

    /** out = −Δv over the unknowns: the number of neighbours times the value, less the unknown neighbours' values. */
    private static void multiply(float[] v, float[] out, int[] neighbour, byte[] degree, int count) {
        for (int k = 0; k < count; k++) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            for (int t = k * 4; t < k * 4 + 4; t++) {
                int q = neighbour[t];
                if (q >= 0) {
                    s0 += v[q * 3];
                    s1 += v[q * 3 + 1];
                    s2 += v[q * 3 + 2];
                }
            }
            int d = degree[k];
            out[k * 3] = d * v[k * 3] - s0;
            out[k * 3 + 1] = d * v[k * 3 + 1] - s1;
            out[k * 3 + 2] = d * v[k * 3 + 2] - s2;
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
