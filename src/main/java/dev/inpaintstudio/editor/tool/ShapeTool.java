package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.MaskCommands;
import dev.inpaintstudio.editor.ops.ShapeRaster;

import java.util.function.BooleanSupplier;

/**
 * Rectangle and ellipse: drag from one corner to the other. Shift makes a square or circle; Alt
 * (or the subtract mode) takes the shape out of the mask. The rectangle snaps to whole pixels.
 */
public final class ShapeTool implements Tool {
    private final MaskCommands commands;
    private final boolean ellipse;
    private final BooleanSupplier subtractMode;
    private boolean dragging;
    private double x0;
    private double y0;
    private double x1;
    private double y1;

    public ShapeTool(MaskCommands commands, boolean ellipse, BooleanSupplier subtractMode) {
        this.commands = commands;
        this.ellipse = ellipse;
        this.subtractMode = subtractMode;
    }

    @Override
    public String name() {
        return ellipse ? "Ellipse" : "Rectangle";
    }

    @Override
    public void press(PointerInput p) {
        dragging = true;
        x0 = snap(p.x());
        y0 = snap(p.y());
        x1 = x0;
        y1 = y0;
    }

    @Override
    public void drag(PointerInput p) {
        if (!dragging) {
            return;
        }
        x1 = snap(p.x());
        y1 = snap(p.y());
        if (p.shift()) {
            double side = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
            x1 = x0 + Math.copySign(side, x1 - x0 == 0 ? 1 : x1 - x0);
            y1 = y0 + Math.copySign(side, y1 - y0 == 0 ? 1 : y1 - y0);
        }
    }

    @Override
    public void release(PointerInput p) {
        if (!dragging) {
            return;
        }
        drag(p);
        dragging = false;
        if (Math.abs(x1 - x0) < 1 || Math.abs(y1 - y0) < 1) {
            return;
        }
        boolean subtract = subtractMode.getAsBoolean() != p.alt();
        int w = commands.document().width();
        int h = commands.document().height();
        double ax = x0;
        double ay = y0;
        double bx = x1;
        double by = y1;
        long area = (long) Math.min(w, Math.abs(bx - ax) + 1) * (long) Math.min(h, Math.abs(by - ay) + 1);
        String what = (ellipse ? "Ellipse" : "Rectangle") + (subtract ? " subtracted" : "");
        commands.applySelection(what, () -> ellipse ? ShapeRaster.ellipse(ax, ay, bx, by, w, h)
                : ShapeRaster.rectangle(ax, ay, bx, by, w, h), subtract, area > MaskCommands.INLINE_PIXELS);
    }

    @Override
    public boolean isWorking() {
        return dragging;
    }

    @Override
    public void cancel() {
        dragging = false;
    }

    @Override
    public ToolOverlay overlay() {
        if (!dragging) {
            return ToolOverlay.NONE;
        }
        return new ToolOverlay(ellipse ? ToolOverlay.Kind.ELLIPSE : ToolOverlay.Kind.RECTANGLE,
                new double[] {x0, y0, x1, y1}, true);
    }

    private double snap(double v) {
        return ellipse ? v : Math.round(v);
    }
}
