package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.tool.ToolKind;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The editor's single-key shortcuts, as a scene filter that stands aside while a text field has
 * focus: B E R O L P W tools, [ ] size, Shift+[ ] hardness, X add/subtract, H show/hide the mask,
 * + − zoom, Space pan, Delete clear and Shift+Delete fill the mask, and Enter/Esc/Backspace for a
 * polygon being clicked in.
 * Shortcuts with Ctrl are menu accelerators (see {@link EditorActions}).
 */
public final class EditorShortcuts {
    public static final double MIN_BRUSH = 1;
    public static final double MAX_BRUSH = 1000;

    private EditorShortcuts() {
    }

    public static void install(Scene scene, EditorView editor, EditorActions actions) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (isTyping(scene.getFocusOwner()) || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (handle(e, editor, actions, scene.getFocusOwner())) {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                editor.setSpaceDown(false);
            }
        });
    }

    /**
     * True when keys go to text: a text field, or an editable combo box or spinner, which keep focus
     * themselves and pass keys to their editor.
     */
    public static boolean isTyping(Node focus) {
        return focus instanceof TextInputControl
                || (focus instanceof ComboBoxBase<?> combo && combo.isEditable())
                || (focus instanceof Spinner<?> spinner && spinner.isEditable());
    }

    private static boolean handle(KeyEvent e, EditorView editor, EditorActions actions, Node focus) {
        boolean overEditor = focus == editor || editor.isHover();
        switch (e.getCode()) {
            case B -> editor.toolProperty().set(ToolKind.BRUSH);
            case E -> editor.toolProperty().set(ToolKind.ERASER);
            case R -> editor.toolProperty().set(ToolKind.RECTANGLE);
            case O -> editor.toolProperty().set(ToolKind.ELLIPSE);
            case M -> editor.toolProperty().set(editor.toolProperty().get() == ToolKind.RECTANGLE ? ToolKind.ELLIPSE : ToolKind.RECTANGLE);
            case L -> editor.toolProperty().set(ToolKind.LASSO);
            case P -> editor.toolProperty().set(ToolKind.POLYGON);
            case W -> editor.toolProperty().set(ToolKind.WAND);
            case X -> editor.subtractProperty().set(!editor.subtractProperty().get());
            case H -> editor.maskVisibleProperty().set(!editor.maskVisibleProperty().get());
            case C -> editor.cropBoxShownProperty().set(!editor.cropBoxShownProperty().get());
            case OPEN_BRACKET -> {
                if (e.isShiftDown()) {
                    stepHardness(editor, -0.1);
                } else {
                    stepSize(editor, false);
                }
            }
            case CLOSE_BRACKET -> {
                if (e.isShiftDown()) {
                    stepHardness(editor, 0.1);
                } else {
                    stepSize(editor, true);
                }
            }
            case PLUS, ADD -> editor.zoomStep(true);
            case EQUALS -> editor.zoomStep(true);
            case MINUS, SUBTRACT -> editor.zoomStep(false);
            case SPACE -> {
                if (!overEditor || editor.documentProperty().get() == null) {
                    return false;
                }
                editor.setSpaceDown(true);
            }
            case DELETE -> {
                if (e.isShiftDown()) {
                    actions.fillAll();
                } else {
                    actions.clear();
                }
            }
            case ENTER, ESCAPE, BACK_SPACE -> {
                return editor.toolKey(e.getCode());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Size steps of about 20 %, at least 1 px, between {@link #MIN_BRUSH} and {@link #MAX_BRUSH}. */
    static void stepSize(EditorView editor, boolean up) {
        double s = editor.brushSizeProperty().get();
        double next = up ? Math.max(s + 1, Math.round(s * 1.2)) : Math.min(s - 1, Math.round(s / 1.2));
        editor.brushSizeProperty().set(Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, next)));
    }

    static void stepHardness(EditorView editor, double delta) {
        double h = Math.round((editor.hardnessProperty().get() + delta) * 10) / 10.0;
        editor.hardnessProperty().set(Math.max(0, Math.min(1, h)));
    }
}
