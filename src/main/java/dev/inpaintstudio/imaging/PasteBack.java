package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;

/**
 * Puts a generated picture back into the original through the mask: coverage 0 keeps the original
 * pixel exactly, 255 takes the generated one, values between blend.
 */
public final class PasteBack {
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

    private static int blend(int under, int over, int a) {
        int na = 255 - a;
        int alpha = under >>> 24;
        int r = (((under >> 16) & 0xff) * na + ((over >> 16) & 0xff) * a + 127) / 255;
        int g = (((under >> 8) & 0xff) * na + ((over >> 8) & 0xff) * a + 127) / 255;
        int b = ((under & 0xff) * na + (over & 0xff) * a + 127) / 255;
        return (Math.max(alpha, a) << 24) | (r << 16) | (g << 8) | b;
    }
}
