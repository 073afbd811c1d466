package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Converts mask coverage (one byte a pixel, 0 = keep, 255 = repaint) to and from the grey image the API takes. */
public final class MaskImages {
    private MaskImages() {
    }

    /** White where painted, black elsewhere, opaque, at the coverage's size. Partial coverage becomes grey. */
    public static BufferedImage toImage(byte[] coverage, int width, int height) {
        checkSize(coverage, width, height);
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        System.arraycopy(coverage, 0, pixels, 0, coverage.length);
        return mask;
    }

    /** Coverage from any image: its luminance (alpha-weighted), so a white-on-black mask file reads back exactly. */
    public static byte[] toCoverage(BufferedImage mask) {
        int w = mask.getWidth();
        int h = mask.getHeight();
        byte[] coverage = new byte[w * h];
        if (mask.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] pixels = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
            System.arraycopy(pixels, 0, coverage, 0, coverage.length);
            return coverage;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            mask.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int luma = (r * 299 + g * 587 + b * 114 + 500) / 1000;
                coverage[y * w + x] = (byte) (luma * a / 255);
            }
        }
        return coverage;
    }

    public static boolean isEmpty(byte[] coverage) {
        for (byte b : coverage) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(byte[] coverage, int width, int height) {
        if (coverage.length != width * height) {
            throw new IllegalArgumentException("Mask has " + coverage.length + " pixels, the image "
                    + width + "×" + height + " has " + (width * height));
        }
    }
}
