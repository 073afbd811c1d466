package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Puts a generated picture back into the original through the mask: coverage 0 keeps the original
 * pixel exactly, 255 takes the generated one, values between blend.
 */
public final class PasteBack {
    /** The most colour matching moves a channel's mean, in levels. */
    static final int MAX_COLOUR_SHIFT = 48;
    /** How far beyond the feather colour matching samples the original, in px. */
    static final int RING = 16;

    private PasteBack() {
    }

    /** {@code generated} must already have the original's size. Returns a new ARGB image. */
    public static BufferedImage composite(BufferedImage original, BufferedImage generated, byte[] coverage) {
        int w = original.getWidth();
        int h = original.getHeight();
        if (generated.getWidth() != w || generated.getHeight() != h) {
            throw new IllegalArgumentException("Generated image is " + generated.getWidth() + "×" + generated.getHeight()
                    + ", the original " + w + "×" + h);
        }
        if (coverage.length != w * h) {
            throw new IllegalArgumentException("Mask does not have the original's size");
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] orig = new int[w];
        int[] gen = new int[w];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            original.getRGB(0, y, w, 1, orig, 0, w);
            generated.getRGB(0, y, w, 1, gen, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int a = coverage[base + x] & 0xff;
                row[x] = a == 0 ? orig[x] : a == 255 ? (gen[x] | 0xff000000) : blend(orig[x], gen[x], a);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /**
     * Blends {@code generated} (already scaled to the crop box's size) into a copy of the full-size
     * original, through the mask softened by {@code featherPx}. Pixels the softened mask does not
     * reach, and everything outside the box, are the original's exact values (as ARGB).
     */
    public static BufferedImage compositeCrop(BufferedImage original, BufferedImage generated, byte[] coverage,
                                              CropBox box, int featherPx, boolean colorMatch) {
        int w = original.getWidth();
        int h = original.getHeight();
        if (coverage.length != w * h) {
            throw new IllegalArgumentException("Mask does not have the original's size");
        }
        if (box.x() < 0 || box.y() < 0 || box.right() > w || box.bottom() > h) {
            throw new IllegalArgumentException("Crop box " + box + " is outside the " + w + "×" + h + " picture");
        }
        if (generated.getWidth() != box.width() || generated.getHeight() != box.height()) {
            throw new IllegalArgumentException("Generated image is " + generated.getWidth() + "×" + generated.getHeight()
                    + ", the crop " + box.width() + "×" + box.height());
        }
        BufferedImage out = copyArgb(original);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int bw = box.width();
        int bh = box.height();
        int[] soft = feather(coverage, w, box, featherPx);
        int[] gen = argbPixels(generated);
        // The shift is applied as each pixel is blended: pixels the mask does not reach are never read.
        int[][] lut = colorMatch ? matchColours(pixels, w, box, gen, soft, new RingCells(coverage, w, box, featherPx + RING)) : null;
        for (int y = 0; y < bh; y++) {
            int outBase = (box.y() + y) * w + box.x();
            int inBase = y * bw;
            for (int x = 0; x < bw; x++) {
                int a = soft[inBase + x];
                if (a != 0) {
                    int g = gen[inBase + x];
                    if (lut != null) {
                        g = (lut[0][(g >> 16) & 0xff] << 16) | (lut[1][(g >> 8) & 0xff] << 8) | lut[2][g & 0xff];
                    }
                    int under = pixels[outBase + x];
                    pixels[outBase + x] = a == 255 ? (g | 0xff000000) : blend(under, g, a);
                }
            }
        }
        return out;
    }

    /**
     * The pixels' colours as {@code getRGB} gives them (only the low 24 bits are to be read), for
     * reading only: a plain packed-int image's own buffer, with no copy.
     */
    private static int[] argbPixels(BufferedImage image) {
        int[] own = plainIntPixels(image);
        return own != null ? own : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The buffer of a plain ARGB or RGB packed-int image (one bank, no offset, no sub-image), else null. */
    private static int[] plainIntPixels(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && image.getRaster().getParent() == null && db.getNumBanks() == 1 && db.getOffset() == 0
                && db.getData().length == image.getWidth() * image.getHeight()) {
            return db.getData();
        }
        return null;
    }

    /** A fresh ARGB copy whose pixels equal {@code getRGB} of the source. */
    static BufferedImage copyArgb(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] src = plainIntPixels(source);
        if (src != null) {
            if (source.getType() == BufferedImage.TYPE_INT_ARGB) {
                System.arraycopy(src, 0, dst, 0, w * h);
            } else {
                for (int i = 0; i < w * h; i++) {
                    dst[i] = src[i] | 0xff000000;
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                source.getRGB(0, y, w, 1, dst, y * w, w);
            }
        }
        return out;
    }

    /**
     * The mask inside the box, feathered outward only: box-blurred by {@code radius} px (edges
     * replicated), doubled and capped, and never below the artist's own coverage. A straight edge
     * blurs to half weight, so doubling keeps every painted pixel at full weight (nothing the artist
     * masked, an object to remove, bleeds back in at the edge) and puts the fade outside the mask,
     * from nearly full next to it to nothing {@code radius} px out. A value is 0 exactly when no
     * masked pixel lies within {@code radius} px in x and y.
     */
    static int[] feather(byte[] coverage, int stride, CropBox box, int radius) {
        int bw = box.width();
        int bh = box.height();
        int[] mask = new int[bw * bh];
        for (int y = 0; y < bh; y++) {
            int src = (box.y() + y) * stride + box.x();
            for (int x = 0; x < bw; x++) {
                mask[y * bw + x] = coverage[src + x] & 0xff;
            }
        }
        if (radius <= 0) {
            return mask;
        }
        int[] a = mask.clone();
        boxBlur(a, bw, bh, radius);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(Math.min(255, 2 * a[i]), mask[i]);
        }
        return a;
    }

    /** Box blur in place by {@code radius} px horizontally then vertically, edges replicated, rounding up. */
    private static void boxBlur(int[] a, int bw, int bh, int radius) {
        int window = 2 * radius + 1;
        // Horizontal: sums kept exact (x window); vertical pass divides once by window².
        int[] tmp = new int[bw * bh];
        for (int y = 0; y < bh; y++) {
            int base = y * bw;
            int sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += a[base + clamp(k, bw)];
            }
            for (int x = 0; x < bw; x++) {
                tmp[base + x] = sum;
                sum += a[base + clamp(x + radius + 1, bw)] - a[base + clamp(x - radius, bw)];
            }
        }
        int div = window * window;
        // Vertical: a running sum per column, walking rows in order (cache-friendly).
        int[] sums = new int[bw];
        for (int k = -radius; k <= radius; k++) {
            int row = clamp(k, bh) * bw;
            for (int x = 0; x < bw; x++) {
                sums[x] += tmp[row + x];
            }
        }
        for (int y = 0; y < bh; y++) {
            int base = y * bw;
            int add = clamp(y + radius + 1, bh) * bw;
            int sub = clamp(y - radius, bh) * bw;
            for (int x = 0; x < bw; x++) {
                int s = sums[x];
                // Round up so any reach at all stays non-zero: 0 means exactly untouched.
                a[base + x] = s == 0 ? 0 : Math.min(255, (s + div - 1) / div);
                sums[x] = s + tmp[add + x] - tmp[sub + x];
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /**
     * The per-channel lookup that shifts {@code gen} so that its mean over the ring of unmasked context just
     * beyond the feather ({@code soft} 0, a masked pixel within {@link #RING} px more) equals the
     * original's there. Only the ring: it is what the result is seen against, and the rest of the
     * box may differ for reasons of its own. Only the mean: the result was resampled and is softer
     * than the original, so matching spreads would wrongly sharpen it. Null when the ring is too small to tell.
     */
    static int[][] matchColours(int[] originalPixels, int stride, CropBox box, int[] gen, int[] soft, RingCells reach) {
        int bw = box.width();
        long[] so = new long[3];
        long[] sg = new long[3];
        long n = 0;
        for (int y = 0; y < box.height(); y++) {
            int ob = (box.y() + y) * stride + box.x();
            for (int x = 0; x < bw; x++) {
                int i = y * bw + x;
                if (soft[i] != 0 || !reach.near(x, y)) {
                    continue;
                }
                int o = originalPixels[ob + x];
                int g = gen[i];
                for (int c = 0; c < 3; c++) {
                    int sh = 16 - 8 * c;
                    so[c] += (o >> sh) & 0xff;
                    sg[c] += (g >> sh) & 0xff;
                }
                n++;
            }
        }
        if (n < 64) {
            return null;
        }
        int[][] lut = new int[3][256];
        for (int c = 0; c < 3; c++) {
            double shift = (so[c] - sg[c]) / (double) n;
            // A drift is small; a large difference means the context itself was repainted, so cap the shift.
            int d = (int) Math.round(Math.max(-MAX_COLOUR_SHIFT, Math.min(MAX_COLOUR_SHIFT, shift)));
            for (int v = 0; v < 256; v++) {
                lut[c][v] = Math.max(0, Math.min(255, v + d));
            }
        }
        return lut;
    }

    private static int blend(int under, int over, int a) {
        int na = 255 - a;
        int alpha = under >>> 24;
        int r = (((under >> 16) & 0xff) * na + ((over >> 16) & 0xff) * a + 127) / 255;
        int g = (((under >> 8) & 0xff) * na + ((over >> 8) & 0xff) * a + 127) / 255;
        int b = ((under & 0xff) * na + (over & 0xff) * a + 127) / 255;
        return (Math.max(alpha, a) << 24) | (r << 16) | (g << 8) | b;
    }

    /**
     * Which pixels of the box have a masked pixel within {@code radius} px (in x and y), worked out
     * on cells of {@value #CELL}² px: a cell counts as near only when every pixel in it surely is, so
     * the ring may lose a few pixels at its edge but never takes in one beyond the radius. A tenth
     * of the cost of an exact pass over the box, which matters on a 24-megapixel paste-back.
     */
    static final class RingCells {
        static final int CELL = 4;
        private final int cw;
        private final boolean[] near;

        RingCells(byte[] coverage, int stride, CropBox box, int radius) {
            int bw = box.width();
            int bh = box.height();
            cw = (bw + CELL - 1) / CELL;
            int ch = (bh + CELL - 1) / CELL;
            boolean[] masked = new boolean[cw * ch];
            for (int y = 0; y < bh; y++) {
                int src = (box.y() + y) * stride + box.x();
                int row = (y / CELL) * cw;
                for (int x = 0; x < bw; x++) {
                    if (coverage[src + x] != 0) {
                        masked[row + x / CELL] = true;
                    }
                }
            }
            // Cells k apart hold pixels at most (k + 1)·CELL − 1 px apart in each direction.
            int k = (radius + 1) / CELL - 1;
            near = k < 0 ? new boolean[cw * ch] : dilate(masked, cw, ch, k);
        }

        boolean near(int x, int y) {
            return near[(y / CELL) * cw + x / CELL];
        }

        /** Square dilation by {@code k} cells: rows, then columns, each from a running count. */
        private static boolean[] dilate(boolean[] cells, int cw, int ch, int k) {
            boolean[] rows = new boolean[cells.length];
            for (int y = 0; y < ch; y++) {
                spread(cells, rows, y * cw, 1, cw, k);
            }
            boolean[] out = new boolean[cells.length];
            for (int x = 0; x < cw; x++) {
                spread(rows, out, x, cw, ch, k);
            }
            return out;
        }

        /** out[i] = any of in[i − k .. i + k] along one line of {@code n} cells from {@code start} by {@code step}. */
        private static void spread(boolean[] in, boolean[] out, int start, int step, int n, int k) {
            int count = 0;
            for (int i = 0; i < Math.min(k, n); i++) {
                count += in[start + i * step] ? 1 : 0;
            }
            for (int i = 0; i < n; i++) {
                if (i + k < n && in[start + (i + k) * step]) {
                    count++;
                }
                if (i - k - 1 >= 0 && in[start + (i - k - 1) * step]) {
                    count--;
                }
                out[start + i * step] = count > 0;
            }
        }
    }
}
