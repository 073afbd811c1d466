package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.imaging.CropBox;

import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Drags out the box the offline fill may take texture from. Not a mask tool: the mask is left alone,
 * and the box, clamped to the picture, goes to {@code done} on release; null there means no box was
 * drawn (too small, or Esc).
 */
public final class TextureBoxTool implements Tool {
    private final IntSupplier width;
    private final IntSupplier height;
    private final Consumer<CropBox> done;
    /** Corners (x0, y0, x1, y1) in picture pixels while dragging, else null. */
    private double[] corners;

    public TextureBoxTool(IntSupplier width, IntSupplier height, Consumer<CropBox> done) {
        this.width = width;
        this.height = height;
        this.done = done;
    }

    @Override
    public String name() {
        return "Texture box";
    }

    @Override
    public void press(PointerInput p) {
        corners = new double[] {p.x(), p.y(), p.x(), p.y()};
    }

    @Override
    public void drag(PointerInput p) {
        if (corners != null) {
            corners[2] = p.x();
            corners[3] = p.y();
        }
    }

    @Override
    public void release(PointerInput p) {
        drag(p);
        CropBox box = box();
        corners = null;
        done.accept(box);
    }

    @Override
    public boolean key(ToolKey key) {
        if (key != ToolKey.ESCAPE) {
            return false;
        }
        corners = null;
        done.accept(null);
        return true;
    }

    @Override
    public boolean isWorking() {
        return corners != null;
    }

    @Override
    public void cancel() {
        corners = null;
    }

    @Override
    public ToolOverlay overlay() {
        return corners == null ? ToolOverlay.NONE : new ToolOverlay(ToolOverlay.Kind.RECTANGLE, corners.clone(), true);
    }

    /** The dragged box clamped to the picture, or null when it covers less than 2 × 2 pixels. */
    CropBox box() {
        if (corners == null) {
            return null;
        }
        int x0 = (int) Math.floor(Math.max(0, Math.min(corners[0], corners[2])));
        int y0 = (int) Math.floor(Math.max(0, Math.min(corners[1], corners[3])));
        int x1 = (int) Math.ceil(Math.min(width.getAsInt(), Math.max(corners[0], corners[2])));
        int y1 = (int) Math.ceil(Math.min(height.getAsInt(), Math.max(corners[1], corners[3])));
        return x1 - x0 < 2 || y1 - y0 < 2 ? null : new CropBox(x0, y0, x1 - x0, y1 - y0);
    }
}
