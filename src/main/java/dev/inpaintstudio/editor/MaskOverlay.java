package dev.inpaintstudio.editor;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;

/** The mask shown as a translucent colour over the picture; updated only inside dirty rectangles. */
final class MaskOverlay {
    private static final double OPACITY = 0.5;

    private final MaskLayer mask;
    private final WritableImage image;
    private final int rgb;

    MaskOverlay(MaskLayer mask, Color color) {
        this.mask = mask;
        this.image = new WritableImage(mask.width(), mask.height());
        this.rgb = ((int) Math.round(color.getRed() * 255) << 16)
                | ((int) Math.round(color.getGreen() * 255) << 8)
                | (int) Math.round(color.getBlue() * 255);
        update(mask.bounds());
    }

    WritableImage image() {
        return image;
    }

    void update(PixelRect dirty) {
        PixelRect r = dirty.intersect(mask.bounds());
        if (r.isEmpty()) {
            return;
        }
        byte[] coverage = mask.copyRegion(r);
        int[] argb = new int[coverage.length];
        for (int i = 0; i < coverage.length; i++) {
            int alpha = (int) Math.round((coverage[i] & 0xff) * OPACITY);
            argb[i] = (alpha << 24) | rgb;
        }
        image.getPixelWriter().setPixels(r.x(), r.y(), r.width(), r.height(),
                PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), r.width());
    }
}
