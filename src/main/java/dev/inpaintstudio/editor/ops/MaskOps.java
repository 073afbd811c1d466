package dev.inpaintstudio.editor.ops;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Whole-mask operations on coverage arrays (one byte a pixel, row-major). All are O(pixels) whatever
 * the radius, split across cores by bands of rows, and return a new array (the input is not changed),
 * so they can run on a snapshot off the UI thread.
 */
public final class MaskOps {
    /** Rows per parallel band. */
    private static final int BAND = 128;
    /** Columns per parallel chunk of a vertical pass. */
    private static final int COLUMNS = 512;
    private static final int INF = Integer.MAX_VALUE;

    private MaskOps() {
    }

    public static byte[] invert(byte[] coverage) {
        byte[] out = new byte[coverage.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ~coverage[i];
        }
        return out;
    }

    public static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        if (value != 0) {
            Arrays.fill(out, (byte) value);
        }
        return out;
    }

    /**
     * Grows the mask by {@code radius} px: every pixel within that Euclidean distance of a pixel that is
     * at least half covered becomes covered, with a one-pixel anti-aliased edge. The result is
     * thresholded: soft edges of the input become hard edges at the new distance.
     */
    public static byte[] grow(byte[] coverage, int width, int height, int radius) {
        return morph(coverage, width, height, radius, true);
    }

    /** Shrinks the mask by {@code radius} px, the opposite of {@link #grow}; the image border does not eat into it. */
    public static byte[] shrink(byte[] coverage, int width, int height, int radius) {
        return morph(coverage, width, height, radius, false);
    }

    private static byte[] morph(byte[] src, int w, int h, int radius, boolean grow) {
        checkSize(src, w, h);
        if (radius < 0) {
            throw new IllegalArgumentException("Negative radius " + radius);
        }
        byte[] out = new byte[src.length];
        // ramp[d²] for d² up to (radius + 1)²: the coverage at that squared distance.
        int limit = (radius + 1) * (radius + 1);
        byte[] ramp = new byte[limit + 1];
        for (int d2 = 0; d2 <= limit; d2++) {
            double d = Math.sqrt(d2);
            double t = grow ? radius + 1 - d : d - radius;
            ramp[d2] = (byte) Math.round(Math.max(0, Math.min(1, t)) * 255);
        }
        byte far = grow ? 0 : (byte) 255;
        int bands = (h + BAND - 1) / BAND;
        IntStream.range(0, bands).parallel().forEach(b -> morphBand(src, out, w, h, b * BAND,
                Math.min(h, (b + 1) * BAND), radius + 2, grow, ramp, limit, far));
        return out;
    }

    /**
     * Squared distance of each pixel of rows [y0, y1) to the nearest feature pixel (inside when
     * growing, outside when shrinking), exact Euclidean: a column pass limited to {@code reach} rows
     * either side (farther features cannot matter), then Felzenszwalb–Huttenlocher's lower envelope
     * of parabolas along each row.
     */
    private static void morphBand(byte[] src, byte[] out, int w, int h, int y0, int y1, int reach,
                                  boolean grow, byte[] ramp, int limit, byte far) {
        int e0 = Math.max(0, y0 - reach);
        int e1 = Math.min(h, y1 + reach);
        boolean anyFeature = false;
        for (int i = e0 * w, end = e1 * w; i < end && !anyFeature; i++) {
            anyFeature = isFeature(src[i], grow);
        }
        if (!anyFeature) {
            Arrays.fill(out, y0 * w, y1 * w, far);
            return;
        }
        // Where no pixel of the band is a non-feature, every distance is 0: shrinking gives 0, growing 255.
        byte near = grow ? (byte) 255 : 0;
        if (allFeature(src, y0 * w, y1 * w, grow)) {
            Arrays.fill(out, y0 * w, y1 * w, near);
            return;
        }
        int rows = y1 - y0;
        int[] g = new int[rows * w];
        int[] last = new int[w];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        for (int y = e0; y < y1; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (isFeature(src[row + x], grow)) {
                    last[x] = y;
                }
            }
            if (y >= y0) {
                int gr = (y - y0) * w;
                for (int x = 0; x < w; x++) {
                    int dy = y - last[x];
                    g[gr + x] = dy <= reach ? dy * dy : INF;
                }
            }
        }
        Arrays.fill(last, Integer.MAX_VALUE / 2);
        for (int y = e1 - 1; y >= y0; y--) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (isFeature(src[row + x], grow)) {
                    last[x] = y;
                }
            }
            if (y < y1) {
                int gr = (y - y0) * w;
                for (int x = 0; x < w; x++) {
                    int dy = last[x] - y;
                    if (dy <= reach && dy * dy < g[gr + x]) {
                        g[gr + x] = dy * dy;
                    }
                }
            }
        }
        int[] v = new int[w];
        double[] z = new double[w + 1];
        for (int r = 0; r < rows; r++) {
            int gr = r * w;
            int orow = (y0 + r) * w;
            if (allFeature(src, orow, orow + w, grow)) {
                Arrays.fill(out, orow, orow + w, near);
                continue;
            }
            int k = -1;
            for (int q = 0; q < w; q++) {
                int fq = g[gr + q];
                if (fq == INF) {
                    continue;
                }
                if (k < 0) {
                    k = 0;
                    v[0] = q;
                    z[0] = Double.NEGATIVE_INFINITY;
                    z[1] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double s;
                while (true) {
                    int p = v[k];
                    s = ((fq + (double) q * q) - (g[gr + p] + (double) p * p)) / (2.0 * (q - p));
                    if (s > z[k]) {
                        break;
                    }
                    k--;
                }
                k++;
                v[k] = q;
                z[k] = s;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) {
                Arrays.fill(out, orow, orow + w, far);
                continue;
            }
            int j = 0;
            for (int x = 0; x < w; x++) {
                while (z[j + 1] < x) {
                    j++;
                }
                long dx = x - v[j];
                long d2 = dx * dx + g[gr + v[j]];
                out[orow + x] = d2 > limit ? far : ramp[(int) d2];
            }
        }
    }

    private static boolean allFeature(byte[] src, int from, int to, boolean grow) {
        for (int i = from; i < to; i++) {
            if (!isFeature(src[i], grow)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFeature(byte coverage, boolean grow) {
        return ((coverage & 0xff) >= 128) == grow;
    }

    /**
     * Feathers the mask's edges by {@code radius} px: a Gaussian blur of σ = radius / 2 (so an edge
     * ramps over about 2 × radius), made of three box blurs, each a horizontal and a vertical pass with
     * running sums. Edges of the image repeat outward, so a mask touching the border stays solid there.
     */
    public static byte[] feather(byte[] coverage, int width, int height, int radius) {
        checkSize(coverage, width, height);
        if (radius <= 0) {
            return coverage.clone();
        }
        int[] boxes = boxesForGauss(radius / 2.0, 3);
        int reach = 1;
        for (int size : boxes) {
            reach += (size - 1) / 2;
        }
        // Only pixels within reach of one that differs from the background (the corner's value) can
        // change: blur just that area. A mask over part of a big picture costs its own size.
        byte background = coverage[0];
        int[] box = boundsOfOther(coverage, width, height, background);
        if (box == null) {
            return coverage.clone();
        }
        int x0 = Math.max(0, box[0] - reach);
        int y0 = Math.max(0, box[1] - reach);
        int x1 = Math.min(width, box[2] + 1 + reach);
        int y1 = Math.min(height, box[3] + 1 + reach);
        int w = x1 - x0;
        int h = y1 - y0;
        boolean whole = w == width && h == height;
        byte[] sub = whole ? coverage : new byte[w * h];
        if (!whole) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(coverage, (y0 + y) * width + x0, sub, y * w, w);
            }
        }
        byte[] b = blur(sub, w, h, boxes);
        if (whole) {
            return b;
        }
        byte[] out = filled(coverage.length, background & 0xff);
        for (int y = 0; y < h; y++) {
            System.arraycopy(b, y * w, out, (y0 + y) * width + x0, w);
        }
        return out;
    }

    /** The feather computed over the whole mask, without skipping anything (the reference for tests). */
    static byte[] featherWhole(byte[] coverage, int width, int height, int radius) {
        return blur(coverage, width, height, boxesForGauss(radius / 2.0, 3));
    }

    private static byte[] blur(byte[] src, int w, int h, int[] boxes) {
        byte[] a = new byte[w * h];
        byte[] b = new byte[w * h];
        byte[] from = src;
        for (int size : boxes) {
            int r = (size - 1) / 2;
            boxHorizontal(from, a, w, h, r);
            boxVertical(a, b, w, h, r);
            from = b;
        }
        return b;
    }

    /** {minX, minY, maxX, maxY} of the pixels not equal to {@code value}, or null if there are none. */
    static int[] boundsOfOther(byte[] coverage, int w, int h, byte value) {
        int minX = w;
        int minY = -1;
        int maxX = -1;
        int maxY = -1;
        byte[] row = new byte[w];
        Arrays.fill(row, value);
        for (int y = 0; y < h; y++) {
            int o = y * w;
            int first = Arrays.mismatch(coverage, o, o + w, row, 0, w);
            if (first < 0) {
                continue;
            }
            if (minY < 0) {
                minY = y;
            }
            maxY = y;
            minX = Math.min(minX, first);
            int last = w - 1;
            while (last > maxX && coverage[o + last] == value) {
                last--;
            }
            maxX = Math.max(maxX, last);
        }
        return minY < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    /** Odd box widths whose three passes approximate a Gaussian of {@code sigma} (Kovesi's method). */
    static int[] boxesForGauss(double sigma, int n) {
        double ideal = Math.sqrt(12 * sigma * sigma / n + 1);
        int wl = (int) Math.floor(ideal);
        if (wl % 2 == 0) {
            wl--;
        }
        wl = Math.max(1, wl);
        int wu = wl + 2;
        double mIdeal = (12 * sigma * sigma - n * wl * wl - 4.0 * n * wl - 3.0 * n) / (-4.0 * wl - 4);
        long m = Math.round(mIdeal);
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = i < m ? wl : wu;
        }
        return sizes;
    }

    private static void boxHorizontal(byte[] src, byte[] dst, int w, int h, int r) {
        long mul = reciprocal(2 * r + 1);
        int bands = (h + BAND - 1) / BAND;
        IntStream.range(0, bands).parallel().forEach(b -> {
            for (int y = b * BAND, end = Math.min(h, (b + 1) * BAND); y < end; y++) {
                int row = y * w;
                int last = w - 1;
                long sum = (long) (r + 1) * (src[row] & 0xff);
                for (int i = 1; i <= r; i++) {
                    sum += src[row + Math.min(i, last)] & 0xff;
                }
                // Index clamps only near the row's ends; the middle runs without them.
                int midStart = Math.min(w, r + 1);
                int midEnd = Math.max(midStart, last - r - 1);
                int x = 0;
                for (; x < midStart; x++) {
                    dst[row + x] = (byte) ((sum * mul + (1L << 23)) >>> 24);
                    sum += (src[row + Math.min(x + r + 1, last)] & 0xff) - (src[row + Math.max(x - r, 0)] & 0xff);
                }
                for (; x < midEnd; x++) {
                    dst[row + x] = (byte) ((sum * mul + (1L << 23)) >>> 24);
                    sum += (src[row + x + r + 1] & 0xff) - (src[row + x - r] & 0xff);
                }
                for (; x < w; x++) {
                    dst[row + x] = (byte) ((sum * mul + (1L << 23)) >>> 24);
                    sum += (src[row + Math.min(x + r + 1, last)] & 0xff) - (src[row + Math.max(x - r, 0)] & 0xff);
                }
            }
        });
    }

    private static void boxVertical(byte[] src, byte[] dst, int w, int h, int r) {
        long mul = reciprocal(2 * r + 1);
        int chunks = (w + COLUMNS - 1) / COLUMNS;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int x0 = c * COLUMNS;
            int x1 = Math.min(w, x0 + COLUMNS);
            int n = x1 - x0;
            long[] sum = new long[n];
            int last = h - 1;
            for (int i = 0; i < n; i++) {
                sum[i] = (long) (r + 1) * (src[x0 + i] & 0xff);
            }
            for (int k = 1; k <= r; k++) {
                int row = Math.min(k, last) * w + x0;
                for (int i = 0; i < n; i++) {
                    sum[i] += src[row + i] & 0xff;
                }
            }
            for (int y = 0; y < h; y++) {
                int out = y * w + x0;
                int add = Math.min(y + r + 1, last) * w + x0;
                int sub = Math.max(y - r, 0) * w + x0;
                for (int i = 0; i < n; i++) {
                    long s = sum[i];
                    dst[out + i] = (byte) ((s * mul + (1L << 23)) >>> 24);
                    sum[i] = s + (src[add + i] & 0xff) - (src[sub + i] & 0xff);
                }
            }
        });
    }

    /** 2²⁴ / n, rounded, so (sum × it) >> 24 divides by n. */
    private static long reciprocal(int n) {
        return ((1L << 24) + n / 2) / n;
    }

    private static void checkSize(byte[] coverage, int w, int h) {
        if (w <= 0 || h <= 0 || coverage.length != (long) w * h) {
            throw new IllegalArgumentException("Coverage has " + coverage.length + " bytes for " + w + "×" + h);
        }
    }
}
