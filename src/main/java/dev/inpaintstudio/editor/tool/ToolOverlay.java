package dev.inpaintstudio.editor.tool;

/**
 * What a tool wants drawn over the picture while it works, in image coordinates: a rectangle or
 * ellipse with corners (x0, y0, x1, y1), or a path through x0, y0, x1, y1, … (closed or open).
 */
public record ToolOverlay(Kind kind, double[] points, boolean closed) {
    public enum Kind { NONE, RECTANGLE, ELLIPSE, PATH }

    public static final ToolOverlay NONE = new ToolOverlay(Kind.NONE, new double[0], false);
}
