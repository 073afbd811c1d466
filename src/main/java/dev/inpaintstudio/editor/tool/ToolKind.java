package dev.inpaintstudio.editor.tool;

/** The tools on the toolbar, with their single-key shortcuts. */
public enum ToolKind {
    BRUSH("Brush", "B", "Paint the mask; Shift+click draws a straight line from the last stroke, Alt erases"),
    ERASER("Eraser", "E", "Remove mask; Shift+click draws a straight line from the last stroke"),
    RECTANGLE("Rectangle", "R", "Drag a rectangle; Shift for a square, Alt subtracts"),
    ELLIPSE("Ellipse", "O", "Drag an ellipse; Shift for a circle, Alt subtracts"),
    LASSO("Lasso", "L", "Draw a freehand outline; Alt subtracts"),
    POLYGON("Polygon", "P", "Click the corners; double-click, Enter or click the first corner closes, Esc cancels"),
    WAND("Wand", "W", "Click a colour to mask the similar area; Alt subtracts");

    private final String label;
    private final String shortcut;
    private final String help;

    ToolKind(String label, String shortcut, String help) {
        this.label = label;
        this.shortcut = shortcut;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String shortcut() {
        return shortcut;
    }

    public String help() {
        return help;
    }

    /** Brush-like tools show the brush outline and use size and hardness. */
    public boolean isBrush() {
        return this == BRUSH || this == ERASER;
    }
}
