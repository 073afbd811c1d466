package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;

/**
 * What changed between a picture and a result, as a picture: inside the mask the difference
 * amplified (black where nothing changed), outside it a dimmed grey copy of the original, with every
 * pixel that changed there in a strong colour, so a seam or colour shift outside the mask shows at a
 * glance.
 *
 * @param image          the difference picture, opaque, at the inputs' size
 * @param changedInside  pixels inside the mask that differ by more than the threshold
 * @param changedOutside pixels outside the mask that do (ideally none)
 */
public record DifferenceImage(BufferedImage image, long changedInside, long changedOutside) {
    /** The colour of a change outside the mask: magenta, rare in photos and in the difference itself. */
    public static final int OUTSIDE_CHANGE = 0xffff00ff;
    /** Channel differences up to this are noise (JPEG, rounding), not changes. */
    public static final int DEFAULT_THRESHOLD = 2;
    public static final int DEFAULT_GAIN = 4;

    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage) {
        return of(before, after, coverage, DEFAULT_GAIN, DEFAULT_THRESHOLD);
    }

    /**
     * @param coverage the mask, one byte a pixel (0 = outside), or null to treat everything as inside
     * @param gain     how much the difference inside the mask is amplified
     * @param threshold channel difference still counted as unchanged
     */
    public static DifferenceImage of(BufferedImage before, BufferedImage after, byte[] coverage, int gain, int threshold) {
        int w = before.getWidth();
        int h = before.getHeight();
        if (after.getWidth() != w || after.getHeight() != h) {
            throw new IllegalArgumentException("The result is " + after.getWidth() + "×" + after.getHeight()
                    + ", the original " + w + "×" + h);
        }
        if (coverage != null && coverage.length != w * h) {
            throw new IllegalArgumentException("The mask does not have the picture's size");
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] b = new int[w];
        int[] a = new int[w];
        int[] row = new int[w];
        long inside = 0;
        long outside = 0;
        for (int y = 0; y < h; y++) {
            before.getRGB(0, y, w, 1, b, 0, w);
            after.getRGB(0, y, w, 1, a, 0, w);
            for (int x = 0; x < w; x++) {
                int p = b[x];
                int q = a[x];
                int dr = Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff));
                int dg = Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff));
                int db = Math.abs((p & 0xff) - (q & 0xff));
                boolean changed = Math.max(dr, Math.max(dg, db)) > threshold;
                boolean masked = coverage == null || coverage[y * w + x] != 0;
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
}
