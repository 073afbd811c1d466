package dev.inpaintstudio.editor.tool;

/** The tools on the toolbar, with their single-key shortcuts. */
public enum ToolKind {
    BRUSH("Brush", "B"),
    ERASER("Eraser", "E");

    private final String label;
    private final String shortcut;

    ToolKind(String label, String shortcut) {
        this.label = label;
        this.shortcut = shortcut;
    }

    public String label() {
        return label;
    }

    public String shortcut() {
        return shortcut;
    }
}
