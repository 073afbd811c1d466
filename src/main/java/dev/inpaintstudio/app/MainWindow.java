package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.EditorActions;
import dev.inpaintstudio.editor.EditorShortcuts;
import dev.inpaintstudio.editor.EditorToolBar;
import dev.inpaintstudio.editor.EditorView;
import dev.inpaintstudio.editor.Viewport;
import dev.inpaintstudio.gallery.ComparePane;
import dev.inpaintstudio.gallery.CompareView;
import dev.inpaintstudio.gallery.GalleryView;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.gallery.Thumbnails;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.params.PresetsViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/** The main window's content: menus, toolbar, canvas and compare view, side panel and gallery. */
public final class MainWindow {
    private static final List<String> IMAGE_EXTENSIONS = List.of("*.png", "*.jpg", "*.jpeg", "*.webp", "*.tif",
            "*.tiff", "*.bmp", "*.gif", "*.psd");

    private final GenerationViewModel generation;
    private final ParametersViewModel parameters;
    private final DocumentOpener opener;
    private final ExecutorService io;
    private final EditorView editor = new EditorView();
    private final EditorActions editorActions;
    private final CompareView compare = new CompareView();
    private final GalleryView gallery;
    private final SessionViewModel session;
    private final ResultActions actions;
    private final JobQueueView jobsView;
    private final FilteredList<StoredResult> shownResults;
    private final TabPane centre = new TabPane();
    private final Tab maskTab;
    private final Tab compareTab;
    private final BorderPane root = new BorderPane();
    private final SidePanel sidePanel;
    private final Runnable openSettings;
    private final Scene scene;

    MainWindow(GenerationViewModel generation, ParametersViewModel parameters, PresetsViewModel presets,
               DocumentOpener opener, ExecutorService io, Runnable openSettings,
               SessionViewModel session, ResultActions actions, ExecutorService thumbnailLoader) {
        this.generation = generation;
        this.parameters = parameters;
        this.opener = opener;
        this.io = io;
        this.editorActions = new EditorActions(editor, io);
        this.openSettings = openSettings;
        this.sidePanel = new SidePanel(generation, parameters, presets);
        this.session = session;
        this.actions = actions;
        this.shownResults = new FilteredList<>(generation.results());
        this.gallery = new GalleryView(shownResults, new Thumbnails(generation.store(), thumbnailLoader,
                GalleryView.thumbWidth(), GalleryView.thumbHeight()));
        this.jobsView = new JobQueueView(generation.jobs());
        gallery.setId("gallery");
        editor.setId("editor");
        compare.setId("compare");
        generation.documentProperty().bind(editor.documentProperty());
        editor.cropPlanProperty().bind(generation.cropPreviewProperty());
        editor.textureBoxProperty().bindBidirectional(generation.textureSource().boxProperty());
        editor.textureBoxPickingProperty().bindBidirectional(generation.textureSource().pickingProperty());
        editor.offlineProperty().bind(parameters.backendProperty().isEqualTo(BackendChoice.OFFLINE));
        generation.textureSource().pickingProperty().addListener((obs, was, picking) -> {
            if (picking) {
                editor.requestFocus(); // so Esc reaches the editor
            }
        });
        // Results whose record predates the feather setting are compared with the current one.
        compare.fallbackFeatherProperty().bind(Bindings.createIntegerBinding(
                () -> generation.cropSettingsProperty().get().featherPx(), generation.cropSettingsProperty()));

        maskTab = new Tab("Mask", editor);
        compareTab = new Tab("Before / After", new ComparePane(compare));
        centre.getTabs().addAll(maskTab, compareTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centre.setId("centre");

        root.setTop(new VBox(menuBar(), new EditorToolBar(editor, this::chooseAndOpen, this::undo, this::redo)));
        root.setCenter(centre);
        root.setRight(sidePanel());
        root.setBottom(bottomPanel());
        scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("inpaint-studio.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        EditorShortcuts.install(scene, editor, editorActions);
        installDragAndDrop();
        installViewSync();
        installCloseGuard();

        gallery.getSelectionModel().selectedItemProperty().addListener((obs, o, selected) -> {
            compare.resultProperty().set(selected);
            if (selected != null) {
                centre.getSelectionModel().select(compareTab);
            }
        });
        // A click on the result already selected brings its comparison back to the front too.
        gallery.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY
                    && gallery.getSelectionModel().getSelectedItem() != null) {
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

    public JobQueueView jobsView() {
        return jobsView;
    }

    public ResultActions resultActions() {
        return actions;
    }

    /** Shows a document made elsewhere (restored, or continued from a result) in the editor. */
    void show(Document doc) {
        showDocument(doc);
    }

    /** Opens a file in the background; the document replaces the current one when decoded. */
    public CompletableFuture<Document> open(Path file) {
        return opener.open(file).whenComplete((doc, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                showError("Could not open the image", cause.getMessage());
            } else {
                showDocument(doc);
                String notices = opener.noticesOf(doc);
                if (!notices.isEmpty()) {
                    generation.showStatus(notices);
                }
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
        // A close request, not hide(): it asks first when work would be lost (see installCloseGuard).
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> scene.getWindow().fireEvent(new WindowEvent(scene.getWindow(),
                        WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu presets = new Menu("Presets");
        presets.getItems().setAll(sidePanel.presetMenuItems());
        Menu file = new Menu("File", null, open, paste, new SeparatorMenuItem(), save, new SeparatorMenuItem(), presets,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undo);
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::redo);
        MenuItem settings = item("Settings…", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), openSettings);
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), settings);

        Menu view = editorActions.viewMenu();

        MenuItem generate = item("Generate", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        MenuItem cancel = item("Cancel", null, generation::cancel);
        cancel.disableProperty().bind(generation.runningProperty().not());
        Menu image = new Menu("Inpaint", null, generate, cancel);
        return new MenuBar(file, edit, editorActions.maskMenu(), view, image);
    }

    private Node sidePanel() {
        return sidePanel;
    }

    /** The side panel: presets, the request form, Generate. */
    SidePanel panel() {
        return sidePanel;
    }

    /** The jobs queue beside the results. */
    private Node bottomPanel() {
        SplitPane split = new SplitPane(jobsView, galleryPanel());
        split.setId("bottomPanel");
        split.getStyleClass().add("bottom-panel");
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(jobsView, false);
        jobsView.setMinWidth(240);
        return split;
    }

    private Node galleryPanel() {
        Label title = new Label("Results");
        title.getStyleClass().add("section-title");
        var selected = gallery.getSelectionModel().selectedItemProperty();
        ToggleButton starredOnly = new ToggleButton("★ only");
        starredOnly.setId("starredOnly");
        starredOnly.setTooltip(new Tooltip("Show only starred results"));
        starredOnly.selectedProperty().addListener((obs, o, only) -> shownResults.setPredicate(only ? StoredResult::starred : null));
        Button continueFrom = actionButton("Continue", "continueFromResult",
                "Edit this result further: it becomes the picture, the mask is kept", this::continueFromSelected);
        Button reuse = actionButton("Reuse settings", "reuseParameters",
                "Put this result's parameters, its seed included, into the side panel", this::reuseSelected);
        Button copy = actionButton("Copy", "copyResult", "Copy the picture to the clipboard", this::copySelected);
        Button star = actionButton("☆", "starResult", "Star or unstar", this::starSelected);
        star.textProperty().bind(Bindings.createStringBinding(() -> selected.get() != null && selected.get().starred()
                ? "★" : "☆", selected));
        Button parent = actionButton("Parent", "showParent", "Select the result this one was made from",
                this::selectParent);
        Button save = actionButton("Save As…", "saveResult",
                "Save as PNG with the recipe embedded (AUTOMATIC1111 parameters), or as JPEG", this::saveSelectedResult);
        Button delete = actionButton("Delete", "deleteResult", "Delete this result from disk", this::deleteSelected);
        parent.disableProperty().unbind();
        parent.disableProperty().bind(Bindings.createBooleanBinding(() -> actions.parentOf(selected.get()).isEmpty(),
                selected, generation.results()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, starredOnly, spacer, continueFrom, reuse, parent, star, copy, save, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        gallery.setContextMenu(new ContextMenu(
                menuAction("Continue from Here", this::continueFromSelected),
                menuAction("Reuse Settings", this::reuseSelected),
                menuAction("Select Parent", this::selectParent),
                new SeparatorMenuItem(),
                menuAction("Star / Unstar", this::starSelected),
                menuAction("Copy", this::copySelected),
                menuAction("Save As…", this::saveSelectedResult),
                new SeparatorMenuItem(),
                menuAction("Delete…", this::deleteSelected)));
        VBox box = new VBox(4, header, gallery);
        box.getStyleClass().add("gallery-panel");
        box.setPadding(new Insets(6, 10, 8, 10));
        return box;
    }

    private Button actionButton(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(gallery.getSelectionModel().selectedItemProperty().isNull());
        return b;
    }

    private MenuItem menuAction(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        item.disableProperty().bind(gallery.getSelectionModel().selectedItemProperty().isNull());
        return item;
    }

    private void continueFromSelected() {
        StoredResult r = gallery.getSelectionModel().getSelectedItem();
        if (r != null) {
            actions.continueFrom(r).whenComplete((doc, error) -> {
                if (error != null) {
                    showError("Could not continue from the result", error.getMessage());
                } else {
                    showDocument(doc);
                    generation.showStatus("Continuing from " + r.id() + ": the mask is kept.");
                }
            });
        }
    }

    private void reuseSelected() {
        StoredResult r = gallery.getSelectionModel().getSelectedItem();
        if (r != null) {
            actions.reuseParameters(r).whenComplete((seed, error) -> {
                if (error != null) {
                    showError("Could not read the result's parameters", error.getMessage());
                } else {
                    generation.showStatus("The settings of " + r.id() + " are in the side panel"
                            + (seed == null ? "." : " (seed " + seed + ")."));
                }
            });
        }
    }

    private void copySelected() {
        StoredResult r = gallery.getSelectionModel().getSelectedItem();
        if (r != null) {
            actions.copyToClipboard(r).whenComplete((v, error) -> {
                if (error != null) {
                    showError("Could not copy the result", error.getMessage());
                } else {
                    generation.showStatus("Copied " + r.id() + " to the clipboard.");
                }
            });
        }
    }

    private void starSelected() {
        StoredResult r = gallery.getSelectionModel().getSelectedItem();
        if (r != null) {
            actions.toggleStar(r).whenComplete((now, error) -> {
                if (error != null) {
                    showError("Could not star the result", error.getMessage());
                } else if (gallery.getItems().contains(now)) {
                    gallery.getSelectionModel().select(now);
                }
            });
        }
    }

    private void selectParent() {
        actions.parentOf(gallery.getSelectionModel().getSelectedItem()).ifPresent(parent -> {
            gallery.getSelectionModel().select(parent);
            gallery.scrollTo(parent);
        });
    }

    private void deleteSelected() {
        StoredResult r = gallery.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + r.id() + " from disk? This cannot be undone.",
                new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        confirm.setHeaderText("Delete this result?");
        confirm.initOwner(window());
        confirm.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> actions.delete(r).whenComplete((v, error) -> {
                    if (error != null) {
                        showError("Could not delete the result", error.getMessage());
                    }
                }));
    }

    /**
     * Keeps the compare view and the editor at the same zoom and pan: switching to the compare tab
     * takes the editor's transform, switching back gives it the compare view's (when the result has
     * the document's size; otherwise each fits on its own).
     */
    private void installViewSync() {
        centre.getSelectionModel().selectedItemProperty().addListener((obs, from, to) -> {
            if (to == compareTab) {
                syncCompareFromEditor();
                compare.requestFocus();
            } else if (to == maskTab && from == compareTab) {
                syncEditorFromCompare();
            }
        });
        compare.resultProperty().addListener((obs, o, r) -> {
            if (centre.getSelectionModel().getSelectedItem() == compareTab) {
                syncCompareFromEditor();
            }
        });
    }

    private boolean sameSize(Document doc, StoredResult r) {
        return doc != null && r != null && doc.width() == r.width() && doc.height() == r.height();
    }

    private void syncCompareFromEditor() {
        Document doc = editor.documentProperty().get();
        if (!sameSize(doc, compare.resultProperty().get()) || editorIsFit(doc)) {
            compare.fit();
            return;
        }
        Viewport vp = editor.viewport();
        compare.showTransform(vp.scale(), vp.offsetX(), vp.offsetY());
    }

    private void syncEditorFromCompare() {
        Document doc = editor.documentProperty().get();
        if (!sameSize(doc, compare.resultProperty().get())) {
            return;
        }
        if (compare.isFitToView()) {
            editor.fit();
            return;
        }
        // The editor has no "set transform": zoom to the scale, pan by the difference, then a no-op
        // zoom to make it redraw. Only EditorView's and Viewport's public methods are used.
        editor.zoomTo(compare.scale());
        Viewport vp = editor.viewport();
        vp.panBy(compare.offsetX() - vp.offsetX(), compare.offsetY() - vp.offsetY());
        editor.zoomBy(1.0);
    }

    /** Whether the editor shows the whole picture as its Fit does (then the compare view fits too, and follows resizes). */
    private boolean editorIsFit(Document doc) {
        Viewport fit = new Viewport();
        fit.fit(doc.width(), doc.height(), editor.getWidth() - 16, editor.getHeight() - 16);
        fit.panBy(8, 8);
        Viewport vp = editor.viewport();
        return Math.abs(fit.scale() - vp.scale()) < 1e-9 && Math.abs(fit.offsetX() - vp.offsetX()) < 0.5
                && Math.abs(fit.offsetY() - vp.offsetY()) < 0.5;
    }

    /** Closing asks first when a painted mask was never used or jobs are under way. */
    private void installCloseGuard() {
        scene.windowProperty().addListener((obs, old, w) -> {
            if (w != null) {
                w.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
                    if (!confirmClose()) {
                        e.consume();
                    }
                });
            }
        });
    }

    /** True when nothing would be lost, or the artist says to close anyway. */
    boolean confirmClose() {
        String warning = session.closeWarning();
        if (warning.isEmpty()) {
            return true;
        }
        ButtonType quit = new ButtonType("Quit",
                ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, warning, quit, ButtonType.CANCEL);
        alert.setHeaderText("Quit Inpaint Studio?");
        alert.initOwner(window());
        return alert.showAndWait().filter(b -> b == quit).isPresent();
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
        editor.undo();
    }

    private void redo() {
        if (scene.getFocusOwner() instanceof TextInputControl text) {
            text.redo();
            return;
        }
        editor.redo();
    }

    private void saveSelectedResult() {
        StoredResult selected = gallery.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Result");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PNG image, recipe embedded", "*.png"),
                new FileChooser.ExtensionFilter("JPEG image", "*.jpg", "*.jpeg"));
        chooser.setInitialFileName("inpaint-" + selected.id().replace('/', '-'));
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            boolean jpeg = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getExtensions().contains("*.jpg");
            target = target.resolveSibling(file.getName() + (jpeg ? ".jpg" : ".png"));
        }
        actions.export(selected, target).whenComplete((written, error) -> {
            if (error != null) {
                showError("Could not save the result", String.valueOf(error.getMessage()));
            } else {
                generation.showStatus("Saved " + written.getFileName() + ".");
            }
        });
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
