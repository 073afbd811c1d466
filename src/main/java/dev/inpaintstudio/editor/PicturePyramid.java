package dev.inpaintstudio.editor;

import java.util.stream.IntStream;

/**
 * The picture at full size and at halves, quarters, … (ARGB), so a zoomed-out view samples a level
 * close to its own scale instead of skipping pixels. Level 0 is the picture's own array; the smaller
 * levels are built by {@link #buildLevels()}, meant for a worker thread, and become visible to other
 * threads as each completes.
 */
public final class PicturePyramid {
    /** Levels down to 1/16: with bilinear sampling that serves zooms down to 5 %. */
    public static final int MAX_LEVEL = 4;

    private final int[][] levels = new int[MAX_LEVEL + 1][];
    private final int[] widths = new int[MAX_LEVEL + 1];
    private final int[] heights = new int[MAX_LEVEL + 1];
    private volatile int available = 1;

    public PicturePyramid(int[] argb, int width, int height) {
        if (argb.length != (long) width * height) {
            throw new IllegalArgumentException("Picture has " + argb.length + " pixels for " + width + "×" + height);
        }
        levels[0] = argb;
        widths[0] = width;
        heights[0] = height;
        for (int l = 1; l <= MAX_LEVEL; l++) {
            widths[l] = (widths[l - 1] + 1) / 2;
            heights[l] = (heights[l - 1] + 1) / 2;
        }
    }

    /** How many levels can be sampled now (1 until {@link #buildLevels()} has made more). */
    public int available() {
        return available;
    }

    public int[] level(int l) {
        return levels[l];
    }

    public int width(int l) {
        return widths[l];
    }

    public int height(int l) {
        return heights[l];
    }

    /** Builds the smaller levels (each the 2×2 average of the one above). Safe to call more than once. */
    public synchronized void buildLevels() {
        for (int l = available; l <= MAX_LEVEL; l++) {
            int[] src = levels[l - 1];
            int sw = widths[l - 1];
            int sh = heights[l - 1];
            int w = widths[l];
            int h = heights[l];
            int[] dst = new int[w * h];
            IntStream.range(0, h).parallel().forEach(y -> {
                int r0 = 2 * y * sw;
                int r1 = Math.min(2 * y + 1, sh - 1) * sw;
                for (int x = 0; x < w; x++) {
                    int x0 = 2 * x;
                    int x1 = Math.min(x0 + 1, sw - 1);
                    dst[y * w + x] = average(src[r0 + x0], src[r0 + x1], src[r1 + x0], src[r1 + x1]);
                }
            });
            levels[l] = dst;
            available = l + 1;
        }
    }

    static int average(int a, int b, int c, int d) {
        long rb = (a & 0xff00ffL) + (b & 0xff00ffL) + (c & 0xff00ffL) + (d & 0xff00ffL) + 0x20002L;
        long ag = ((a >>> 8) & 0xff00ffL) + ((b >>> 8) & 0xff00ffL) + ((c >>> 8) & 0xff00ffL) + ((d >>> 8) & 0xff00ffL) + 0x20002L;
        return (int) (((rb >>> 2) & 0xff00ff) | (((ag >>> 2) & 0xff00ff) << 8));
    }
}
