package dev.inpaintstudio.params;

import dev.inpaintstudio.imaging.CropBox;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Where the offline fill may take texture from: anywhere outside the mask (no box), or only inside a
 * box the artist draws on the picture (the sky, not the roof). It belongs to the open picture, so it
 * is never part of a preset, and a new picture starts without one.
 */
public final class TextureSource {
    private final ObjectProperty<CropBox> box = new SimpleObjectProperty<>(this, "box");
    private final BooleanProperty picking = new SimpleBooleanProperty(this, "picking");
    private final StringBinding description = Bindings.createStringBinding(() -> describe(box.get(), picking.get()), box, picking);

    /** The box in picture pixels, or null for anywhere outside the mask. */
    public ObjectProperty<CropBox> boxProperty() {
        return box;
    }

    /** True while the next drag on the picture draws the box. */
    public BooleanProperty pickingProperty() {
        return picking;
    }

    public StringBinding descriptionProperty() {
        return description;
    }

    public void clear() {
        picking.set(false);
        box.set(null);
    }

    /** One byte per picture pixel, 255 inside the box, as the engine takes it; null without a box. */
    public static byte[] region(CropBox box, int width, int height) {
        if (box == null) {
            return null;
        }
        byte[] region = new byte[width * height];
        int x0 = Math.max(0, box.x());
        int x1 = Math.min(width, box.right());
        for (int y = Math.max(0, box.y()); y < Math.min(height, box.bottom()); y++) {
            java.util.Arrays.fill(region, y * width + x0, y * width + Math.max(x0, x1), (byte) 255);
        }
        return region;
    }

    static String describe(CropBox box, boolean picking) {
        if (picking) {
            return "Drag a box over the picture where the texture should come from (Esc: cancel).";
        }
        if (box == null) {
            return "Anywhere outside the mask.";
        }
        return "Only the " + box.width() + " × " + box.height() + " box at " + box.x() + ", " + box.y()
                + " (green on the picture).";
    }
}
