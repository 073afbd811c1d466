package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;

/**
 * What changed between a picture and a result, as a picture: inside the mask the difference
 * amplified (black where nothing changed), outside it a dimmed grey copy of the original, with every
 * pixel that changed there in a strong colour, so a seam or colour shift outside the mask shows at a
 * glance.
 *
 * @param image          the difference picture, opaque, at the inputs' size
 * <p>"Inside" is what paste-back may change: the mask grown by the feather radius the result was
 * blended with (the reach of {@link PasteBack}'s softened edge, a square of that radius around every
 * masked pixel), so the legitimately blended rim is not reported as a change outside.
 *
 * @param changedInside  pixels inside the feathered mask that differ by more than the threshold
 * @param changedOutside pixels beyond its reach that do (ideally none)
 */
public record DifferenceImage(BufferedImage image, long changedInside, long changedOutside) {
    /** The colour of a change outside the mask: magenta, rare in photos and in the difference itself. */
    public static final int OUTSIDE_CHANGE = 0xffff00ff;
    /** Channel differences up to this are noise (JPEG, rounding), not changes. */
    public static final int DEFAULT_THRESHOLD = 2;
    public static final int DEFAULT_GAIN = 4;

    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage) {
        return of(before, after, coverage, 0);
    }

    /** @param featherPx the feather radius the result was pasted back with; 0 for a hard mask edge */
    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage, int featherPx) {
        return of(before, after, coverage, DEFAULT_GAIN, DEFAULT_THRESHOLD, featherPx);
    }

    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage, int gain, int threshold) {
        return of(before, after, coverage, gain, threshold, 0);
    }

    /**
     * @param coverage the mask, one byte a pixel (0 = outside), or null to treat everything as inside
     * @param gain     how much the difference inside the mask is amplified
     * @param threshold channel difference still counted as unchanged
     * @param featherPx how far beyond the mask the pasted result may reach
     */
    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage, int gain, int threshold,
                                     int featherPx) {
        int w = before.getWidth();
        int h = before.getHeight();
        if (after.getWidth() != w || after.getHeight() != h) {
            throw new IllegalArgumentException("The result is " + after.getWidth() + "×" + after.getHeight()
                    + ", the original " + w + "×" + h);
        }
        if (coverage != null && coverage.length != w * h) {
            throw new IllegalArgumentException("The mask does not have the picture's size");
        }
        if (featherPx < 0) {
            throw new IllegalArgumentException("Negative feather " + featherPx);
        }
        Reach reach = coverage == null ? null : new Reach(coverage, w, h, featherPx);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] b = new int[w];
        int[] a = new int[w];
        int[] row = new int[w];
        long inside = 0;
        long outside = 0;
        for (int y = 0; y < h; y++) {
            if (reach != null) {
                reach.advanceTo(y);
            }
            before.getRGB(0, y, w, 1, b, 0, w);
            after.getRGB(0, y, w, 1, a, 0, w);
            for (int x = 0; x < w; x++) {
                int p = b[x];
                int q = a[x];
                int dr = Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff));
                int dg = Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff));
                int db = Math.abs((p & 0xff) - (q & 0xff));
                boolean changed = Math.max(dr, Math.max(dg, db)) > threshold;
                boolean masked = reach == null || reach.covers(x);
                if (masked) {
                    if (changed) {
                        inside++;
                    }
                    row[x] = (amplify(dr, gain) << 16) | (amplify(dg, gain) << 8) | amplify(db, gain);
                } else if (changed) {
                    outside++;
                    row[x] = OUTSIDE_CHANGE;
                } else {
                    int luma = (((p >> 16) & 0xff) * 299 + ((p >> 8) & 0xff) * 587 + (p & 0xff) * 114) / 1000;
                    int dim = 24 + luma / 5;
                    row[x] = (dim << 16) | (dim << 8) | dim;
                }
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return new DifferenceImage(out, inside, outside);
    }

    private static int amplify(int d, int gain) {
        return Math.min(255, d * gain);
    }

    /**
     * The mask dilated by a square of radius r, one row at a time: a pixel is reached when a masked
     * pixel lies within r in x and in y. Rows are dilated horizontally with a sliding count, columns
     * by counting reached rows in the window, so the cost is linear whatever the radius.
     */
    private static final class Reach {
        private final byte[] coverage;
        private final int width;
        private final int height;
        private final int radius;
        /** Per column, how many rows of the window [y - r, y + r] have a masked pixel within r in x. */
        private final int[] columnCounts;
        private final byte[][] rowCache;
        private int y = -1;

        Reach(byte[] coverage, int width, int height, int radius) {
            this.coverage = coverage;
            this.width = width;
            this.height = height;
            this.radius = radius;
            this.columnCounts = new int[width];
            // Rows entering the window are dilated once and kept until they leave it.
            this.rowCache = new byte[2 * radius + 1][];
        }

        void advanceTo(int row) {
            while (y < row) {
                y++;
                if (y == 0) {
                    for (int r = 0; r <= Math.min(radius, height - 1); r++) {
                        add(r, 1);
                    }
                } else {
                    int entering = y + radius;
                    int leaving = y - radius - 1;
                    // The leaving row's slot is the entering row's: take it out first.
                    if (leaving >= 0) {
                        add(leaving, -1);
                    }
                    if (entering < height) {
                        add(entering, 1);
                    }
                }
            }
        }

        boolean covers(int x) {
            return columnCounts[x] > 0;
        }

        private void add(int row, int sign) {
            int slot = row % rowCache.length;
            byte[] dilated = sign > 0 ? dilateRow(row, rowCache[slot]) : rowCache[slot];
            rowCache[slot] = dilated;
            for (int x = 0; x < width; x++) {
                columnCounts[x] += sign * dilated[x];
            }
        }

        private byte[] dilateRow(int row, byte[] reuse) {
            byte[] out = reuse != null ? reuse : new byte[width];
            int base = row * width;
            int count = 0;
            for (int x = 0; x < Math.min(radius, width); x++) {
                count += coverage[base + x] != 0 ? 1 : 0;
            }
            for (int x = 0; x < width; x++) {
                int in = x + radius;
                if (in < width && coverage[base + in] != 0) {
                    count++;
                }
                int out0 = x - radius - 1;
                if (out0 >= 0 && coverage[base + out0] != 0) {
                    count--;
                }
                out[x] = (byte) (count > 0 ? 1 : 0);
            }
            return out;
        }
    }
}
