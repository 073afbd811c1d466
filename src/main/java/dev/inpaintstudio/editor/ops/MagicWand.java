package dev.inpaintstudio.editor.ops;

import dev.inpaintstudio.editor.PixelRect;

/** Selects pixels of the picture whose colour is close to the clicked one. */
public final class MagicWand {
    private MagicWand() {
    }

    /**
     * The pixels within {@code tolerance} (0–255, the largest difference of any ARGB channel) of the
     * colour at (x, y): those connected to it (4-neighbours) when {@code contiguous}, else all of them.
     */
    public static Selection select(int[] argb, int width, int height, int x, int y, int tolerance, boolean contiguous) {
        if (argb.length != (long) width * height) {
            throw new IllegalArgumentException("Picture has " + argb.length + " pixels for " + width + "×" + height);
        }
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return Selection.EMPTY;
        }
        int seed = argb[y * width + x];
        long[] bits = new long[(int) (((long) width * height + 63) >>> 6)];
        int[] box = {width, height, -1, -1};
        if (contiguous) {
            flood(argb, width, height, x, y, seed, tolerance, bits, box);
        } else {
            for (int row = 0; row < height; row++) {
                int o = row * width;
                for (int col = 0; col < width; col++) {
                    if (close(argb[o + col], seed, tolerance)) {
                        mark(bits, o + col);
                        include(box, col, row);
                    }
                }
            }
        }
        if (box[2] < 0) {
            return Selection.EMPTY;
        }
        PixelRect bounds = PixelRect.ofBounds(box[0], box[1], box[2] + 1, box[3] + 1);
        byte[] coverage = new byte[(int) bounds.area()];
        for (int row = bounds.y(); row < bounds.bottom(); row++) {
            int o = row * width;
            int c = (row - bounds.y()) * bounds.width() - bounds.x();
            for (int col = bounds.x(); col < bounds.right(); col++) {
                if (isMarked(bits, o + col)) {
                    coverage[c + col] = (byte) 255;
                }
            }
        }
        return new Selection(bounds, coverage);
    }

    /** Scan-line flood fill: each run of matching pixels is filled at once, runs above and below are queued. */
    private static void flood(int[] argb, int w, int h, int x, int y, int seed, int tol, long[] bits, int[] box) {
        int[] stack = new int[1024];
        int top = 0;
        stack[top++] = y * w + x;
        while (top > 0) {
            int p = stack[--top];
            if (isMarked(bits, p)) {
                continue;
            }
            int row = p / w;
            int o = row * w;
            int left = p - o;
            int right = left;
            while (left > 0 && !isMarked(bits, o + left - 1) && close(argb[o + left - 1], seed, tol)) {
                left--;
            }
            while (right < w - 1 && !isMarked(bits, o + right + 1) && close(argb[o + right + 1], seed, tol)) {
                right++;
            }
            for (int c = left; c <= right; c++) {
                mark(bits, o + c);
            }
            include(box, left, row);
            include(box, right, row);
            for (int dy = -1; dy <= 1; dy += 2) {
                int r = row + dy;
                if (r < 0 || r >= h) {
                    continue;
                }
                int ro = r * w;
                boolean inRun = false;
                for (int c = left; c <= right; c++) {
                    boolean match = !isMarked(bits, ro + c) && close(argb[ro + c], seed, tol);
                    if (match && !inRun) {
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = ro + c;
                    }
                    inRun = match;
                }
            }
        }
    }

    static boolean close(int a, int b, int tol) {
        return Math.abs((a >>> 24) - (b >>> 24)) <= tol
                && Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= tol
                && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= tol
                && Math.abs((a & 0xff) - (b & 0xff)) <= tol;
    }

    private static void include(int[] box, int x, int y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
    }

    private static void mark(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static boolean isMarked(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }
}
