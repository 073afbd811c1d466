package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves the discrete Poisson equation −Δc = r on the pixels of a mask, three channels at once,
 * with c = 0 on every pixel outside the mask (and nothing beyond the picture's edge), by conjugate
 * gradients preconditioned with a multigrid V-cycle (Gauss–Seidel smoothing, 2×2 blocks a level):
 * the coarse grids find the smooth part of the answer that plain conjugate gradients is slowest
 * to find, so the number of iterations hardly grows with the mask and the work grows with its area.
 */
final class PoissonSolver {
    /** The residual at which the solve stops, relative to the right-hand side. */
    static final double TOLERANCE = 1e-3;
    private static final int MAX_ITERATIONS = 1000;
    /** A grid with fewer unknowns than this is the coarsest; it is relaxed, not coarsened further. */
    private static final int COARSEST = 64;
    /** Gauss–Seidel sweeps before the coarse correction (forward) and after it (backward). */
    private static final int SMOOTHING_SWEEPS = 2;
    /** Sweeps each way on the coarsest grid, a few dozen unknowns: enough to settle it. */
    private static final int COARSEST_SWEEPS = 30;

    private PoissonSolver() {
    }

    /** One grid of the ladder: its unknowns, their neighbours and the block each belongs to below. */
    private static final class Grid {
        final int width;
        final int height;
        /** Per pixel, its unknown's number, or -1 for a pixel fixed at 0. */
        final int[] index;
        /** Per unknown, its pixel. */
        final int[] pixel;
        /** Per unknown, four neighbours (right, left, down, up): an unknown's number or -1. */
        final int[] neighbour;
        /** Per unknown, how many neighbours it has inside the picture, fixed or not. */
        final byte[] degree;
        /** Per unknown, its block's unknown on the next coarser grid; set by {@link #coarsen}. */
        int[] parent;

        Grid(boolean[] inside, int width, int height) {
            this.width = width;
            this.height = height;
            int n = width * height;
            index = new int[n];
            int count = 0;
            for (int p = 0; p < n; p++) {
                index[p] = inside[p] ? count++ : -1;
            }
            pixel = new int[count];
            neighbour = new int[count * 4];
            degree = new byte[count];
            for (int p = 0; p < n; p++) {
                int k = index[p];
                if (k < 0) {
                    continue;
                }
                pixel[k] = p;
                int x = p % width;
                int y = p / width;
                neighbour[k * 4] = x + 1 < width ? index[p + 1] : -1;
                neighbour[k * 4 + 1] = x > 0 ? index[p - 1] : -1;
                neighbour[k * 4 + 2] = y + 1 < height ? index[p + width] : -1;
                neighbour[k * 4 + 3] = y > 0 ? index[p - width] : -1;
                degree[k] = (byte) ((x + 1 < width ? 1 : 0) + (x > 0 ? 1 : 0) + (y + 1 < height ? 1 : 0) + (y > 0 ? 1 : 0));
            }
        }

        int count() {
            return pixel.length;
        }

        /** The grid of 2×2 blocks, a block unknown if any of its pixels is; records each unknown's block. */
        Grid coarsen() {
            int cw = (width + 1) / 2;
            int ch = (height + 1) / 2;
            boolean[] inside = new boolean[cw * ch];
            for (int p : pixel) {
                inside[block(p, cw)] = true;
            }
            Grid coarse = new Grid(inside, cw, ch);
            parent = new int[count()];
            for (int k = 0; k < count(); k++) {
                parent[k] = coarse.index[block(pixel[k], cw)];
            }
            return coarse;
        }

        private int block(int p, int coarseWidth) {
            return (p / width / 2) * coarseWidth + (p % width) / 2;
        }

        /** Adds the values in {@code v} of unknown k's unknown neighbours to sum[0..2]. */
        void addNeighbours(float[] v, int k, float[] sum) {
            for (int t = k * 4; t < k * 4 + 4; t++) {
                int q = neighbour[t];
                if (q >= 0) {
                    sum[0] += v[q * 3];
                    sum[1] += v[q * 3 + 1];
                    sum[2] += v[q * 3 + 2];
                }
            }
        }
    }

    /**
     * @param inside which pixels are unknown
     * @param rhs    three values per pixel of the grid; only the inside ones are read
     * @return three values per pixel of the grid, 0 outside
     */
    static float[] solve(boolean[] inside, float[] rhs, int width, int height, CancellationToken cancel) {
        float[] result = new float[width * height * 3];
        Grid fine = new Grid(inside, width, height);
        if (fine.count() == 0) {
            return result;
        }
        List<Grid> grids = new ArrayList<>();
        grids.add(fine);
        for (Grid g = fine; g.count() >= COARSEST && g.width > 1 && g.height > 1; ) {
            g = g.coarsen();
            grids.add(g);
        }
        float[] b = new float[fine.count() * 3];
        for (int k = 0; k < fine.count(); k++) {
            System.arraycopy(rhs, fine.pixel[k] * 3, b, k * 3, 3);
        }
        float[] x = preconditionedConjugateGradients(grids, b, cancel);
        for (int k = 0; k < fine.count(); k++) {
            System.arraycopy(x, k * 3, result, fine.pixel[k] * 3, 3);
        }
        return result;
    }

    private static float[] preconditionedConjugateGradients(List<Grid> grids, float[] b, CancellationToken cancel) {
        Grid g = grids.get(0);
        int m = b.length;
        float[] x = new float[m];
        float[] r = b.clone();
        float[] z = vCycle(grids, 0, r);
        float[] p = z.clone();
        float[] ap = new float[m];
        double rz = dot(r, z);
        double stop = TOLERANCE * TOLERANCE * dot(b, b);
        double rr = dot(r, r);
        for (int it = 0; it < MAX_ITERATIONS && rr > stop && rr > 0; it++) {
            // Each iteration is a V-cycle: tens of milliseconds on a large hole.
            cancel.throwIfCancelled();
            multiply(g, p, ap);
            double curvature = dot(p, ap);
            if (!(curvature > 0)) {
                // Only a region with no fixed pixel at all has no single answer; stop where we are.
                break;
            }
            double alpha = rz / curvature;
            for (int i = 0; i < m; i++) {
                x[i] += (float) (alpha * p[i]);
                r[i] -= (float) (alpha * ap[i]);
            }
            rr = dot(r, r);
            z = vCycle(grids, 0, r);
            double next = dot(r, z);
            float beta = (float) (next / rz);
            rz = next;
            for (int i = 0; i < m; i++) {
                p[i] = z[i] + beta * p[i];
            }
        }
        return x;
    }

    /** An approximate answer to A z = r on grid {@code level}: symmetric, so it can precondition CG. */
    private static float[] vCycle(List<Grid> grids, int level, float[] r) {
        Grid g = grids.get(level);
        float[] z = new float[r.length];
        if (level == grids.size() - 1) {
            for (int s = 0; s < COARSEST_SWEEPS; s++) {
                sweep(g, z, r, true);
                sweep(g, z, r, false);
            }
            return z;
        }
        for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
            sweep(g, z, r, true);
        }
        float[] az = new float[r.length];
        multiply(g, z, az);
        Grid coarse = grids.get(level + 1);
        float[] coarseR = new float[coarse.count() * 3];
        for (int k = 0; k < g.count(); k++) {
            int c = g.parent[k];
            coarseR[c * 3] += r[k * 3] - az[k * 3];
            coarseR[c * 3 + 1] += r[k * 3 + 1] - az[k * 3 + 1];
            coarseR[c * 3 + 2] += r[k * 3 + 2] - az[k * 3 + 2];
        }
        float[] coarseZ = vCycle(grids, level + 1, coarseR);
        for (int k = 0; k < g.count(); k++) {
            int c = g.parent[k];
            z[k * 3] += coarseZ[c * 3];
            z[k * 3 + 1] += coarseZ[c * 3 + 1];
            z[k * 3 + 2] += coarseZ[c * 3 + 2];
        }
        for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
            sweep(g, z, r, false);
        }
        return z;
    }

    /** One Gauss–Seidel sweep over the unknowns, first to last or back. */
    private static void sweep(Grid g, float[] z, float[] r, boolean forward) {
        float[] sum = new float[3];
        int count = g.count();
        for (int i = 0; i < count; i++) {
            int k = forward ? i : count - 1 - i;
            sum[0] = r[k * 3];
            sum[1] = r[k * 3 + 1];
            sum[2] = r[k * 3 + 2];
            g.addNeighbours(z, k, sum);
            float d = g.degree[k];
            z[k * 3] = sum[0] / d;
            z[k * 3 + 1] = sum[1] / d;
            z[k * 3 + 2] = sum[2] / d;
        }
    }

    /** out = −Δv over the unknowns: the number of neighbours times the value, less the unknown neighbours' values. */
    private static void multiply(Grid g, float[] v, float[] out) {
        float[] sum = new float[3];
        for (int k = 0; k < g.count(); k++) {
            sum[0] = 0;
            sum[1] = 0;
            sum[2] = 0;
            g.addNeighbours(v, k, sum);
            int d = g.degree[k];
            out[k * 3] = d * v[k * 3] - sum[0];
            out[k * 3 + 1] = d * v[k * 3 + 1] - sum[1];
            out[k * 3 + 2] = d * v[k * 3 + 2] - sum[2];
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
