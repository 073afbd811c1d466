package dev.inpaintstudio.editor.tool;

import dev.inpaintstudio.editor.MaskCommands;
import dev.inpaintstudio.editor.ops.ShapeRaster;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** Freehand lasso: the outline drawn while the button is down is closed and filled on release. */
public final class LassoTool implements Tool {
    private final MaskCommands commands;
    private final BooleanSupplier subtractMode;
    private double[] points = new double[64];
    private int count;
    private boolean dragging;

    public LassoTool(MaskCommands commands, BooleanSupplier subtractMode) {
        this.commands = commands;
        this.subtractMode = subtractMode;
    }

    @Override
    public String name() {
        return "Lasso";
    }

    @Override
    public void press(PointerInput p) {
        dragging = true;
        count = 0;
        add(p.x(), p.y());
    }

    @Override
    public void drag(PointerInput p) {
        if (!dragging) {
            return;
        }
        double lx = points[count - 2];
        double ly = points[count - 1];
        if (Math.hypot(p.x() - lx, p.y() - ly) >= p.viewPixel()) {
            add(p.x(), p.y());
        }
    }

    @Override
    public void release(PointerInput p) {
        if (!dragging) {
            return;
        }
        drag(p);
        dragging = false;
        double[] polygon = Arrays.copyOf(points, count);
        count = 0;
        if (polygon.length < 6) {
            return;
        }
        fillPolygon(commands, "Lasso", polygon, subtractMode.getAsBoolean() != p.alt());
    }

    static void fillPolygon(MaskCommands commands, String name, double[] polygon, boolean subtract) {
        int w = commands.document().width();
        int h = commands.document().height();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < polygon.length; i += 2) {
            minX = Math.min(minX, polygon[i]);
            maxX = Math.max(maxX, polygon[i]);
            minY = Math.min(minY, polygon[i + 1]);
            maxY = Math.max(maxY, polygon[i + 1]);
        }
        long area = (long) Math.min(w, maxX - minX + 2) * (long) Math.min(h, maxY - minY + 2);
        commands.applySelection(name + (subtract ? " subtracted" : ""), () -> ShapeRaster.polygon(polygon, w, h),
                subtract, area > MaskCommands.INLINE_PIXELS);
    }

    @Override
    public boolean isWorking() {
        return dragging;
    }

    @Override
    public void cancel() {
        dragging = false;
        count = 0;
    }

    @Override
    public ToolOverlay overlay() {
        return dragging ? new ToolOverlay(ToolOverlay.Kind.PATH, Arrays.copyOf(points, count), false) : ToolOverlay.NONE;
    }

    private void add(double x, double y) {
        if (count + 2 > points.length) {
            points = Arrays.copyOf(points, points.length * 2);
        }
        points[count++] = x;
        points[count++] = y;
    }
}
