package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;

/** How the picture (not the mask, which is always PNG) is encoded for upload. */
public enum PictureEncoding {
    /** High-quality JPEG: the default, several times smaller and faster than PNG. */
    JPEG("JPEG (smaller upload)"),
    /** Lossless PNG, for when every pixel the model sees must be exact. */
    PNG("PNG (lossless)");

    private final String label;

    PictureEncoding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public byte[] encode(BufferedImage picture) {
        return switch (this) {
            case JPEG -> JpegEncoder.encode(picture, JpegEncoder.DEFAULT_QUALITY);
            case PNG -> PngEncoder.encode(ImageConversions.toOpaqueRgb(picture));
        };
    }
}
