package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.tool.ToolKind;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The editor's two toolbars: tools, add/subtract, undo/redo and zoom on top; the active tool's name
 * and options (size and hardness, or the wand's tolerance) and how the mask is shown below.
 */
public final class EditorToolBar extends VBox {
    private final EditorView editor;
    private final Map<ToolKind, ToggleButton> toolButtons = new EnumMap<>(ToolKind.class);

    public EditorToolBar(EditorView editor, Runnable open, Runnable undo, Runnable redo) {
        this.editor = editor;
        getChildren().addAll(mainBar(open, undo, redo), optionsBar());
    }

    public ToggleButton toolButton(ToolKind kind) {
        return toolButtons.get(kind);
    }

    private ToolBar mainBar(Runnable open, Runnable undo, Runnable redo) {
        Button openButton = new Button("Open…");
        openButton.setOnAction(e -> open.run());
        openButton.setTooltip(new Tooltip("Open an image (Ctrl+O)"));

        Button undoButton = new Button("Undo");
        undoButton.setId("undo");
        undoButton.setOnAction(e -> undo.run());
        undoButton.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        undoButton.disableProperty().bind(editor.canUndoProperty().not().or(editor.busyProperty()));
        Button redoButton = new Button("Redo");
        redoButton.setId("redo");
        redoButton.setOnAction(e -> redo.run());
        redoButton.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z or Ctrl+Y)"));
        redoButton.disableProperty().bind(editor.canRedoProperty().not().or(editor.busyProperty()));

        ToggleGroup tools = new ToggleGroup();
        HBox toolBox = new HBox(2);
        for (ToolKind kind : ToolKind.values()) {
            ToggleButton b = new ToggleButton(kind == ToolKind.RECTANGLE ? "Rect" : kind.label());
            b.setId("tool-" + kind.name().toLowerCase(Locale.ROOT));
            b.setUserData(kind);
            b.setToggleGroup(tools);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip(kind.label() + " (" + kind.shortcut() + ")\n" + kind.help()));
            toolButtons.put(kind, b);
            toolBox.getChildren().add(b);
        }
        toolButtons.get(editor.toolProperty().get()).setSelected(true);
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // one tool is always active
            } else {
                editor.toolProperty().set((ToolKind) n.getUserData());
            }
        });
        editor.toolProperty().addListener((obs, o, kind) -> toolButtons.get(kind).setSelected(true));

        ToggleGroup modes = new ToggleGroup();
        ToggleButton add = new ToggleButton("Add");
        add.setId("mode-add");
        ToggleButton subtract = new ToggleButton("Subtract");
        subtract.setId("mode-subtract");
        for (ToggleButton b : new ToggleButton[] {add, subtract}) {
            b.setToggleGroup(modes);
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip("Add to or subtract from the mask (X toggles; hold Alt to swap once)"));
        }
        (editor.subtractProperty().get() ? subtract : add).setSelected(true);
        modes.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            } else {
                editor.subtractProperty().set(n == subtract);
            }
        });
        editor.subtractProperty().addListener((obs, o, s) -> (s ? subtract : add).setSelected(true));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Zoom out (−)"));
        zoomOut.setOnAction(e -> editor.zoomStep(false));
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in (+)"));
        zoomIn.setOnAction(e -> editor.zoomStep(true));
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Fit to window (Ctrl+0)"));
        fit.setOnAction(e -> editor.fit());
        Button actual = new Button("1:1");
        actual.setTooltip(new Tooltip("Actual pixels (Ctrl+1)"));
        actual.setOnAction(e -> editor.zoomTo(1));
        for (Button b : new Button[] {zoomOut, zoomIn, fit, actual}) {
            b.setFocusTraversable(false);
            b.disableProperty().bind(editor.documentProperty().isNull());
        }
        ComboBox<String> zoom = zoomBox();

        return new ToolBar(openButton, new Separator(), undoButton, redoButton, new Separator(), toolBox,
                new Separator(), add, subtract, spacer, zoomOut, zoom, zoomIn, fit, actual);
    }

    /** Shows the zoom level; type a percentage (5–3200) or pick one. */
    private ComboBox<String> zoomBox() {
        ComboBox<String> zoom = new ComboBox<>();
        zoom.setId("zoom");
        zoom.setEditable(true);
        zoom.setPrefWidth(88);
        zoom.setTooltip(new Tooltip("Zoom level: type a percentage and press Enter"));
        for (double z : EditorView.ZOOM_STEPS) {
            zoom.getItems().add(percent(z));
        }
        zoom.disableProperty().bind(editor.documentProperty().isNull());
        Runnable show = () -> {
            String text = percent(editor.zoomProperty().get());
            zoom.getEditor().setText(text);
        };
        editor.zoomProperty().addListener((obs, o, n) -> {
            if (!zoom.getEditor().isFocused()) {
                show.run();
            }
        });
        show.run();
        // The box fires only when its value changes, so after each use the value goes back to none:
        // picking or typing the same level again (say after the wheel zoomed) still applies it.
        boolean[] resetting = {false};
        zoom.setOnAction(e -> {
            if (resetting[0]) {
                return;
            }
            String text = zoom.getValue() == null ? zoom.getEditor().getText() : zoom.getValue();
            Double value = parsePercent(text);
            if (value != null) {
                editor.zoomTo(value / 100);
            }
            show.run();
            if (zoom.getEditor().isFocused()) {
                editor.requestFocus();
            }
            // Later, not inside the value change that called this.
            Platform.runLater(() -> {
                resetting[0] = true;
                try {
                    zoom.setValue(null);
                } finally {
                    resetting[0] = false;
                }
                show.run();
            });
        });
        zoom.getEditor().focusedProperty().addListener((obs, o, focused) -> {
            if (!focused) {
                show.run();
            }
        });
        return zoom;
    }

    static String percent(double scale) {
        double p = scale * 100;
        return (p < 10 && Math.abs(p - Math.round(p)) > 0.05 ? String.format(Locale.ROOT, "%.1f", p)
                : String.format(Locale.ROOT, "%.0f", p)) + " %";
    }

    static Double parsePercent(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace("%", "").replace(',', '.').strip();
        try {
            double v = Double.parseDouble(t);
            return v > 0 && Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ToolBar optionsBar() {
        Label active = new Label();
        active.setId("activeTool");
        active.setStyle("-fx-font-weight: bold;");
        active.setMinWidth(Region.USE_PREF_SIZE);
        active.textProperty().bind(Bindings.createStringBinding(() -> {
            ToolKind k = editor.toolProperty().get();
            return k.label() + " (" + k.shortcut() + ")" + (editor.subtractProperty().get() && k != ToolKind.ERASER ? " − subtract" : "");
        }, editor.toolProperty(), editor.subtractProperty()));
        Tooltip help = new Tooltip();
        help.textProperty().bind(Bindings.createStringBinding(() -> editor.toolProperty().get().help(), editor.toolProperty()));
        active.setTooltip(help);

        Slider size = brushSizeSlider();
        size.setTooltip(new Tooltip("Brush size in image pixels ([ and ] to change)"));
        Label sizeLabel = new Label();
        sizeLabel.setMinWidth(52);
        sizeLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f px", editor.brushSizeProperty()));

        Slider hardness = new Slider(0, 1, editor.hardnessProperty().get());
        hardness.setId("hardness");
        hardness.setPrefWidth(80);
        hardness.setFocusTraversable(false);
        hardness.valueProperty().bindBidirectional(editor.hardnessProperty());
        hardness.setTooltip(new Tooltip("Edge hardness: soft edges give partial coverage (Shift+[ and Shift+] to change)"));
        Label hardnessLabel = new Label();
        hardnessLabel.setMinWidth(40);
        hardnessLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f %%", editor.hardnessProperty().multiply(100)));
        HBox brushOptions = group(new Label("Size"), size, sizeLabel, new Label("Hardness"), hardness, hardnessLabel);
        showFor(brushOptions, true, false);

        Slider tolerance = new Slider(0, 255, editor.wandToleranceProperty().get());
        tolerance.setId("tolerance");
        tolerance.setPrefWidth(110);
        tolerance.setFocusTraversable(false);
        tolerance.valueProperty().addListener((obs, o, n) -> editor.wandToleranceProperty().set(n.intValue()));
        editor.wandToleranceProperty().addListener((obs, o, n) -> tolerance.setValue(n.intValue()));
        tolerance.setTooltip(new Tooltip("How far a colour may differ from the clicked one (per channel, 0–255)"));
        Label toleranceLabel = new Label();
        toleranceLabel.setMinWidth(32);
        toleranceLabel.textProperty().bind(editor.wandToleranceProperty().asString());
        CheckBox contiguous = new CheckBox("Contiguous");
        contiguous.setId("contiguous");
        contiguous.setFocusTraversable(false);
        contiguous.selectedProperty().bindBidirectional(editor.wandContiguousProperty());
        contiguous.setTooltip(new Tooltip("Only the connected area (off: every similar pixel in the picture)"));
        HBox wandOptions = group(new Label("Tolerance"), tolerance, toleranceLabel, contiguous);
        showFor(wandOptions, false, true);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CheckBox show = new CheckBox("Show mask");
        show.setId("showMask");
        show.setFocusTraversable(false);
        show.selectedProperty().bindBidirectional(editor.maskVisibleProperty());
        show.setTooltip(new Tooltip("Show or hide the mask (H)"));
        CheckBox outline = new CheckBox("Outline");
        outline.setId("outlineOnly");
        outline.setFocusTraversable(false);
        outline.selectedProperty().bindBidirectional(editor.outlineOnlyProperty());
        outline.setTooltip(new Tooltip("Show only the mask's outline"));
        ColorPicker color = new ColorPicker();
        color.setId("overlayColor");
        color.valueProperty().bindBidirectional(editor.overlayColorProperty());
        color.setFocusTraversable(false);
        color.setTooltip(new Tooltip("Overlay colour"));
        color.setPrefWidth(56);
        color.setStyle("-fx-color-label-visible: false;");
        Slider opacity = new Slider(0.1, 1, editor.overlayOpacityProperty().get());
        opacity.setId("overlayOpacity");
        opacity.setPrefWidth(70);
        opacity.setFocusTraversable(false);
        opacity.valueProperty().bindBidirectional(editor.overlayOpacityProperty());
        opacity.setTooltip(new Tooltip("Overlay opacity"));

        Label docInfo = new Label();
        docInfo.setId("docInfo");
        docInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            Document d = editor.documentProperty().get();
            return d == null ? "" : d.width() + " × " + d.height();
        }, editor.documentProperty()));
        Tooltip name = new Tooltip();
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            Document d = editor.documentProperty().get();
            return d == null ? "" : d.name() + ", " + d.width() + " × " + d.height() + " pixels";
        }, editor.documentProperty()));
        docInfo.setTooltip(name);
        return new ToolBar(active, new Separator(), brushOptions, wandOptions, spacer, docInfo, new Separator(),
                show, outline, color, new Label("Opacity"), opacity);
    }

    /**
     * The brush size on a logarithmic scale over the same range as [ and ], so small sizes get as
     * much of the slider as large ones; the slider's value is the natural log of the size.
     */
    private Slider brushSizeSlider() {
        Slider size = new Slider(Math.log(EditorShortcuts.MIN_BRUSH), Math.log(EditorShortcuts.MAX_BRUSH),
                sizeToSlider(editor.brushSizeProperty().get()));
        size.setId("brushSize");
        size.setPrefWidth(130);
        size.setFocusTraversable(false);
        boolean[] syncing = {false};
        size.valueProperty().addListener((obs, o, n) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    editor.brushSizeProperty().set(sliderToSize(n.doubleValue()));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        editor.brushSizeProperty().addListener((obs, o, n) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    size.setValue(sizeToSlider(n.doubleValue()));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        return size;
    }

    static double sizeToSlider(double size) {
        return Math.log(Math.max(EditorShortcuts.MIN_BRUSH, Math.min(EditorShortcuts.MAX_BRUSH, size)));
    }

    /** Whole pixels, as [ and ] give. */
    static double sliderToSize(double value) {
        return Math.max(EditorShortcuts.MIN_BRUSH, Math.min(EditorShortcuts.MAX_BRUSH, Math.round(Math.exp(value))));
    }

    private void showFor(Node options, boolean brush, boolean wand) {
        var visible = Bindings.createBooleanBinding(() -> {
            ToolKind k = editor.toolProperty().get();
            return brush ? k.isBrush() : wand && k == ToolKind.WAND;
        }, editor.toolProperty());
        options.visibleProperty().bind(visible);
        options.managedProperty().bind(visible);
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
