package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.PixelRect;
import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.history.MaskChangeRecorder;
import dev.inpaintstudio.editor.history.MaskRegionEdit;

import java.util.function.DoubleSupplier;

/**
 * Paints (or, as the eraser, removes) mask coverage along the pointer's path. Dabs are spaced a
 * fraction of the radius apart so a fast stroke leaves no gaps; one stroke is one undo step.
 */
public final class BrushTool implements Tool {
    private static final double SPACING = 0.25;

    private final MaskLayer mask;
    private final History history;
    private final DoubleSupplier diameter;
    private final boolean erase;
    private MaskChangeRecorder recorder;
    private double lastX;
    private double lastY;

    public BrushTool(MaskLayer mask, History history, DoubleSupplier diameter, boolean erase) {
        this.mask = mask;
        this.history = history;
        this.diameter = diameter;
        this.erase = erase;
    }

    @Override
    public String name() {
        return erase ? "Eraser" : "Brush";
    }

    @Override
    public void press(double x, double y) {
        recorder = new MaskChangeRecorder(mask);
        stamp(x, y);
        lastX = x;
        lastY = y;
    }

    @Override
    public void drag(double x, double y) {
        if (recorder == null) {
            return;
        }
        double radius = radius();
        double step = Math.max(0.5, radius * SPACING);
        double dx = x - lastX;
        double dy = y - lastY;
        double distance = Math.hypot(dx, dy);
        if (distance < step) {
            return;
        }
        int steps = (int) (distance / step);
        for (int i = 1; i <= steps; i++) {
            double t = i * step / distance;
            stamp(lastX + dx * t, lastY + dy * t);
        }
        lastX += dx * steps * step / distance;
        lastY += dy * steps * step / distance;
    }

    @Override
    public void release(double x, double y) {
        if (recorder == null) {
            return;
        }
        drag(x, y);
        MaskRegionEdit edit = recorder.finish(erase ? "Erase" : "Brush stroke");
        recorder = null;
        if (edit != null) {
            history.push(edit);
        }
    }

    private void stamp(double x, double y) {
        double radius = radius();
        PixelRect area = PixelRect.ofBounds((int) Math.floor(x - radius - 1), (int) Math.floor(y - radius - 1),
                (int) Math.ceil(x + radius + 1), (int) Math.ceil(y + radius + 1));
        recorder.aboutToChange(area);
        mask.dab(x, y, radius, erase);
    }

    private double radius() {
        return Math.max(0.5, diameter.getAsDouble() / 2);
    }
}
