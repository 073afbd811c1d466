package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.MaskCommands;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Polygon lasso: each click adds a corner. A double-click, Enter, or a click on the first corner
 * closes and fills the polygon; Backspace removes the last corner, Esc drops it all. Alt held at
 * the closing click (or the subtract mode) subtracts.
 */
public final class PolygonLassoTool implements Tool {
    /** A click this close to the first corner (in screen pixels) closes the polygon. */
    static final double CLOSE_DISTANCE = 8;

    private final MaskCommands commands;
    private final BooleanSupplier subtractMode;
    private double[] points = new double[32];
    private int count;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public PolygonLassoTool(MaskCommands commands, BooleanSupplier subtractMode) {
        this.commands = commands;
        this.subtractMode = subtractMode;
    }

    @Override
    public String name() {
        return "Polygon lasso";
    }

    @Override
    public void press(PointerInput p) {
        pointerX = p.x();
        pointerY = p.y();
        if (count >= 6 && p.clickCount() >= 2) {
            close(p.alt());
            return;
        }
        if (count >= 6 && Math.hypot(p.x() - points[0], p.y() - points[1]) <= CLOSE_DISTANCE * p.viewPixel()) {
            close(p.alt());
            return;
        }
        if (count >= 2 && Math.hypot(p.x() - points[count - 2], p.y() - points[count - 1]) < p.viewPixel() / 2) {
            return; // the second press of a double-click before there are three corners
        }
        if (count + 2 > points.length) {
            points = Arrays.copyOf(points, points.length * 2);
        }
        points[count++] = p.x();
        points[count++] = p.y();
    }

    @Override
    public void drag(PointerInput p) {
        move(p);
    }

    @Override
    public void release(PointerInput p) {
        move(p);
    }

    @Override
    public void move(PointerInput p) {
        pointerX = p.x();
        pointerY = p.y();
    }

    @Override
    public boolean key(ToolKey key) {
        if (count == 0) {
            return false;
        }
        switch (key) {
            case ENTER -> close(false);
            case ESCAPE -> cancel();
            case BACKSPACE -> count -= 2;
        }
        return true;
    }

    @Override
    public boolean isWorking() {
        return count > 0;
    }

    @Override
    public void cancel() {
        count = 0;
    }

    /** Corners clicked so far. */
    public int corners() {
        return count / 2;
    }

    private void close(boolean alt) {
        double[] polygon = Arrays.copyOf(points, count);
        count = 0;
        if (polygon.length >= 6) {
            LassoTool.fillPolygon(commands, "Polygon lasso", polygon, subtractMode.getAsBoolean() != alt);
        }
    }

    @Override
    public ToolOverlay overlay() {
        if (count == 0) {
            return ToolOverlay.NONE;
        }
        double[] path = Arrays.copyOf(points, count + (Double.isNaN(pointerX) ? 0 : 2));
        if (!Double.isNaN(pointerX)) {
            path[count] = pointerX;
            path[count + 1] = pointerY;
        }
        return new ToolOverlay(ToolOverlay.Kind.PATH, path, false);
    }
}
