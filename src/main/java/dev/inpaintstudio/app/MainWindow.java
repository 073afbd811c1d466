package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.EditorView;
import dev.inpaintstudio.editor.tool.ToolKind;
import dev.inpaintstudio.gallery.CompareView;
import dev.inpaintstudio.gallery.GalleryView;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.params.PresetsViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/** The main window's content: menus, toolbar, canvas and compare view, side panel and gallery. */
public final class MainWindow {
    private static final List<String> IMAGE_EXTENSIONS = List.of("*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp");

    private final GenerationViewModel generation;
    private final ParametersViewModel parameters;
    private final DocumentOpener opener;
    private final ExecutorService io;
    private final EditorView editor = new EditorView();
    private final CompareView compare = new CompareView();
    private final GalleryView gallery;
    private final TabPane centre = new TabPane();
    private final Tab compareTab;
    private final BorderPane root = new BorderPane();
    private final SidePanel sidePanel;
    private final Runnable openSettings;
    private final Scene scene;

    MainWindow(GenerationViewModel generation, ParametersViewModel parameters, PresetsViewModel presets,
               DocumentOpener opener, ExecutorService io, Runnable openSettings) {
        this.generation = generation;
        this.parameters = parameters;
        this.opener = opener;
        this.io = io;
        this.openSettings = openSettings;
        this.sidePanel = new SidePanel(generation, parameters, presets);
        this.gallery = new GalleryView(generation.results());
        gallery.setId("gallery");
        editor.setId("editor");
        compare.setId("compare");
        generation.documentProperty().bind(editor.documentProperty());

        Tab maskTab = new Tab("Mask", editor);
        compareTab = new Tab("Before / After", compare);
        centre.getTabs().addAll(maskTab, compareTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre");

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(centre);
        root.setRight(sidePanel());
        root.setBottom(galleryPanel());
        scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("inpaint-studio.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        installToolShortcuts();
        installDragAndDrop();

        gallery.getSelectionModel().selectedItemProperty().addListener((obs, o, selected) -> {
            compare.resultProperty().set(selected);
            if (selected != null) {
                centre.getSelectionModel().select(compareTab);
            }
        });
        generation.latestProperty().addListener((obs, o, latest) -> {
            if (latest != null) {
                gallery.getSelectionModel().select(latest);
                gallery.scrollTo(latest);
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public EditorView editor() {
        return editor;
    }

    public CompareView compareView() {
        return compare;
    }

    public GalleryView gallery() {
        return gallery;
    }

    /** Opens a file in the background; the document replaces the current one when decoded. */
    public CompletableFuture<Document> open(Path file) {
        return opener.open(file).whenComplete((doc, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                showError("Could not open the image", cause.getMessage());
            } else {
                showDocument(doc);
            }
        }));
    }

    private void showDocument(Document doc) {
        editor.documentProperty().set(doc);
        centre.getSelectionModel().select(0);
        editor.requestFocus();
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseAndOpen);
        MenuItem paste = item("Paste Image", new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), this::paste);
        MenuItem save = item("Save Result As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveSelectedResult);
        save.disableProperty().bind(gallery.getSelectionModel().selectedItemProperty().isNull());
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> scene.getWindow().hide());
        Menu presets = new Menu("Presets");
        presets.getItems().setAll(sidePanel.presetMenuItems());
        Menu file = new Menu("File", null, open, paste, new SeparatorMenuItem(), save, new SeparatorMenuItem(), presets,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undo);
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::redo);
        MenuItem clear = item("Clear Mask", new KeyCodeCombination(KeyCode.DELETE), this::clearMask);
        MenuItem settings = item("Settings…", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), openSettings);
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), clear, new SeparatorMenuItem(), settings);

        MenuItem fit = item("Fit to Window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), editor::fit);
        MenuItem actual = item("Actual Pixels (100 %)", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> editor.zoomTo(1));
        MenuItem zoomIn = item("Zoom In", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> editor.zoomBy(1.25));
        MenuItem zoomOut = item("Zoom Out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> editor.zoomBy(0.8));
        Menu view = new Menu("View", null, fit, actual, zoomIn, zoomOut);

        MenuItem generate = item("Generate", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        MenuItem cancel = item("Cancel", null, generation::cancel);
        cancel.disableProperty().bind(generation.runningProperty().not());
        Menu image = new Menu("Inpaint", null, generate, cancel);
        return new MenuBar(file, edit, view, image);
    }

    private ToolBar toolBar() {
        Button open = new Button("Open…");
        open.setOnAction(e -> chooseAndOpen());
        open.setTooltip(new Tooltip("Open an image (Ctrl+O)"));

        ToggleGroup tools = new ToggleGroup();
        ToggleButton brush = toolButton(ToolKind.BRUSH, tools);
        ToggleButton eraser = toolButton(ToolKind.ERASER, tools);
        brush.setSelected(true);
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            } else {
                editor.toolProperty().set((ToolKind) n.getUserData());
            }
        });
        editor.toolProperty().addListener((obs, o, kind) -> (kind == ToolKind.BRUSH ? brush : eraser).setSelected(true));

        Slider size = new Slider(1, 400, editor.brushSizeProperty().get());
        size.setId("brushSize");
        size.setPrefWidth(160);
        size.valueProperty().bindBidirectional(editor.brushSizeProperty());
        Label sizeLabel = new Label();
        sizeLabel.setMinWidth(48);
        sizeLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f px", editor.brushSizeProperty()));
        size.setTooltip(new Tooltip("Brush size ([ and ] to change)"));

        Button undo = new Button("Undo");
        undo.setOnAction(e -> undo());
        Button redo = new Button("Redo");
        redo.setOnAction(e -> redo());
        Button clear = new Button("Clear Mask");
        clear.setOnAction(e -> clearMask());
        for (Button b : new Button[] {undo, redo, clear}) {
            b.disableProperty().bind(editor.documentProperty().isNull());
        }

        Label zoom = new Label();
        zoom.setId("zoomLabel");
        zoom.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f %%", editor.zoomProperty().multiply(100)));
        Button fit = new Button("Fit");
        fit.setOnAction(e -> editor.fit());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label docInfo = new Label();
        docInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            Document d = editor.documentProperty().get();
            return d == null ? "" : d.name() + "  ·  " + d.width() + " × " + d.height();
        }, editor.documentProperty()));
        return new ToolBar(open, new javafx.scene.control.Separator(), brush, eraser, new Label("Size"), size, sizeLabel,
                new javafx.scene.control.Separator(), undo, redo, clear, spacer, docInfo,
                new javafx.scene.control.Separator(), fit, zoom);
    }

    private ToggleButton toolButton(ToolKind kind, ToggleGroup group) {
        ToggleButton button = new ToggleButton(kind.label());
        button.setId("tool-" + kind.name().toLowerCase(Locale.ROOT));
        button.setUserData(kind);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(kind.label() + " (" + kind.shortcut() + ")"));
        return button;
    }

    private Node sidePanel() {
        return sidePanel;
    }

    /** The side panel: presets, the request form, Generate. */
    SidePanel panel() {
        return sidePanel;
    }

    private Node galleryPanel() {
        Label title = new Label("Results");
        title.getStyleClass().add("section-title");
        Button save = new Button("Save As…");
        save.setId("saveResult");
        save.setOnAction(e -> saveSelectedResult());
        save.disableProperty().bind(gallery.getSelectionModel().selectedItemProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, save);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, header, gallery);
        box.getStyleClass().add("gallery-panel");
        box.setPadding(new Insets(6, 10, 8, 10));
        return box;
    }

    private void installToolShortcuts() {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case B -> editor.toolProperty().set(ToolKind.BRUSH);
                case E -> editor.toolProperty().set(ToolKind.ERASER);
                case OPEN_BRACKET -> editor.brushSizeProperty().set(Math.max(1, Math.round(editor.brushSizeProperty().get() / 1.2)));
                case CLOSE_BRACKET -> editor.brushSizeProperty().set(Math.min(400, Math.round(editor.brushSizeProperty().get() * 1.2 + 0.5)));
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open Image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", IMAGE_EXTENSIONS),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            open(file.toPath());
        }
    }

    private void paste() {
        if (scene.getFocusOwner() instanceof TextInputControl text) {
            text.paste();
            return;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
            open(clipboard.getFiles().get(0).toPath());
        } else if (clipboard.hasImage()) {
            showDocument(opener.fromPixels(SwingFXUtils.fromFXImage(clipboard.getImage(), null), "Pasted image"));
        } else {
            showError("Nothing to paste", "The clipboard holds no image or image file.");
        }
    }

    private void undo() {
        if (scene.getFocusOwner() instanceof TextInputControl text) {
            text.undo();
            return;
        }
        Document doc = editor.documentProperty().get();
        if (doc != null) {
            doc.history().undo();
        }
    }

    private void redo() {
        if (scene.getFocusOwner() instanceof TextInputControl text) {
            text.redo();
            return;
        }
        Document doc = editor.documentProperty().get();
        if (doc != null) {
            doc.history().redo();
        }
    }

    private void clearMask() {
        Document doc = editor.documentProperty().get();
        if (doc != null) {
            doc.clearMask();
        }
    }

    private void saveSelectedResult() {
        StoredResult selected = gallery.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Result");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("inpaint-" + selected.id().replace('/', '-'));
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        Path target = file.getName().toLowerCase(Locale.ROOT).endsWith(".png") ? file.toPath()
                : file.toPath().resolveSibling(file.getName() + ".png");
        CompletableFuture.runAsync(() -> {
            try {
                Files.copy(selected.resultFile(), target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                showError("Could not save the result", String.valueOf(error.getCause() == null ? error : error.getCause()));
            } else {
                generation.showStatus("Saved " + target.getFileName() + ".");
            }
        }));
    }

    private Window window() {
        return scene.getWindow();
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(window());
        alert.show();
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
