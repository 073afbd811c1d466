package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;

/** Cutting a box out of a picture and its mask, as fresh images that own their pixels. */
public final class Crops {
    private Crops() {
    }

    /** The box's pixels as a new ARGB (or RGB, for opaque sources) image. */
    public static BufferedImage copy(BufferedImage source, CropBox box) {
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(box.width(), box.height(), type);
        int[] row = new int[box.width()];
        for (int y = 0; y < box.height(); y++) {
            source.getRGB(box.x(), box.y() + y, box.width(), 1, row, 0, box.width());
            out.setRGB(0, y, box.width(), 1, row, 0, box.width());
        }
        return out;
    }

    /** The mask inside the box as a grey image (white = repaint), as {@link MaskImages#toImage} draws it. */
    public static BufferedImage mask(byte[] coverage, int stride, CropBox box) {
        byte[] part = new byte[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(coverage, (box.y() + y) * stride + box.x(), part, y * box.width(), box.width());
        }
        return MaskImages.toImage(part, box.width(), box.height());
    }
}
