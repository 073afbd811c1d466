package dev.inpaintstudio.editor.tool;

/**
 * Where the last brush or eraser stroke ended, shared by the two tools of a document so that
 * Shift+click with either draws its straight line from the last stroke of both.
 */
public final class StrokeEnd {
    private boolean set;
    private double x;
    private double y;

    public boolean isSet() {
        return set;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    void set(double x, double y) {
        this.x = x;
        this.y = y;
        set = true;
    }
}
