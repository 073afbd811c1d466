package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.MaskLayer;
import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.history.MaskChangeRecorder;
import dev.inpaintstudio.editor.history.MaskRegionEdit;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Paints (or, as the eraser, removes) mask coverage along the pointer's path. Dabs are spaced a
 * fraction of the radius apart along the path, carrying the remainder from one event to the next,
 * so a fast stroke leaves no gaps and a slow one no clumps; one stroke is one undo step. Shift+press
 * draws a straight line from where the previous stroke ended (of this tool or another sharing its
 * {@link StrokeEnd}); Alt swaps painting and erasing.
 */
public final class BrushTool implements Tool {
    /** Dab spacing as a fraction of the radius. */
    static final double SPACING = 0.15;

    private final MaskLayer mask;
    private final History history;
    private final DoubleSupplier diameter;
    private final DoubleSupplier hardness;
    private final BooleanSupplier erase;
    private MaskChangeRecorder recorder;
    private boolean erasing;
    private double lastX;
    private double lastY;
    /** Distance along the path since the last dab. */
    private double carried;
    private final StrokeEnd end;

    public BrushTool(MaskLayer mask, History history, DoubleSupplier diameter, boolean erase) {
        this(mask, history, diameter, () -> 1, () -> erase);
    }

    public BrushTool(MaskLayer mask, History history, DoubleSupplier diameter, DoubleSupplier hardness, BooleanSupplier erase) {
        this(mask, history, diameter, hardness, erase, new StrokeEnd());
    }

    /** {@code end} is where the last stroke ended, shared with the other brush-like tools of the document. */
    public BrushTool(MaskLayer mask, History history, DoubleSupplier diameter, DoubleSupplier hardness, BooleanSupplier erase,
                     StrokeEnd end) {
        this.end = end;
        this.mask = mask;
        this.history = history;
        this.diameter = diameter;
        this.hardness = hardness;
        this.erase = erase;
    }

    @Override
    public String name() {
        return erase.getAsBoolean() ? "Eraser" : "Brush";
    }

    @Override
    public void press(PointerInput p) {
        recorder = new MaskChangeRecorder(mask);
        erasing = erase.getAsBoolean() != p.alt();
        if (p.shift() && end.isSet()) {
            lastX = end.x();
            lastY = end.y();
            carried = 0;
            stamp(lastX, lastY);
            lineTo(p.x(), p.y());
            return;
        }
        stamp(p.x(), p.y());
        lastX = p.x();
        lastY = p.y();
        carried = 0;
    }

    @Override
    public void drag(PointerInput p) {
        if (recorder != null) {
            lineTo(p.x(), p.y());
        }
    }

    @Override
    public void release(PointerInput p) {
        if (recorder == null) {
            return;
        }
        lineTo(p.x(), p.y());
        if (carried > 0) {
            stamp(p.x(), p.y()); // the stroke always reaches the pointer
        }
        MaskRegionEdit edit = recorder.finish(erasing ? "Erase" : "Brush stroke");
        recorder = null;
        end.set(p.x(), p.y());
        if (edit != null) {
            history.push(edit);
        }
    }

    @Override
    public boolean isWorking() {
        return recorder != null;
    }

    @Override
    public void cancel() {
        if (recorder != null) {
            MaskRegionEdit edit = recorder.finish("Brush stroke");
            recorder = null;
            if (edit != null) {
                edit.undo();
            }
        }
    }

    /** Dabs from the last point towards (x, y), every {@code step} along the way. */
    private void lineTo(double x, double y) {
        double dx = x - lastX;
        double dy = y - lastY;
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;
        }
        double step = step();
        double d = step - carried;
        while (d <= length) {
            stamp(lastX + dx * d / length, lastY + dy * d / length);
            d += step;
        }
        carried = length - (d - step);
        lastX = x;
        lastY = y;
    }

    private void stamp(double x, double y) {
        double radius = radius();
        recorder.aboutToChange(MaskLayer.dabBounds(x, y, radius));
        mask.dab(x, y, radius, hardness.getAsDouble(), erasing);
        carried = 0;
    }

    private double step() {
        return Math.max(0.5, radius() * SPACING);
    }

    private double radius() {
        return Math.max(0.5, diameter.getAsDouble() / 2);
    }
}
