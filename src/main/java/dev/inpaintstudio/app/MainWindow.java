package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.EditorActions;
import dev.inpaintstudio.editor.EditorShortcuts;
import dev.inpaintstudio.editor.EditorToolBar;
import dev.inpaintstudio.editor.EditorView;
import dev.inpaintstudio.gallery.CompareView;
import dev.inpaintstudio.gallery.GalleryView;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.params.ParametersView;
import dev.inpaintstudio.params.ParametersViewModel;
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
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
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
    private final EditorActions editorActions;
    private final CompareView compare = new CompareView();
    private final GalleryView gallery;
    private final TabPane centre = new TabPane();
    private final Tab compareTab;
    private final BorderPane root = new BorderPane();
    private final Scene scene;

    MainWindow(GenerationViewModel generation, ParametersViewModel parameters, DocumentOpener opener, ExecutorService io) {
        this.generation = generation;
        this.parameters = parameters;
        this.opener = opener;
        this.io = io;
        this.editorActions = new EditorActions(editor, io);
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

        root.setTop(new VBox(menuBar(), new EditorToolBar(editor, this::chooseAndOpen, this::undo, this::redo)));
        root.setCenter(centre);
        root.setRight(sidePanel());
        root.setBottom(galleryPanel());
        scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(MainWindow.class.getResource("inpaint-studio.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        EditorShortcuts.install(scene, editor, editorActions);
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
        Menu file = new Menu("File", null, open, paste, new SeparatorMenuItem(), save, new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undo);
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::redo);
        Menu edit = new Menu("Edit", null, undo, redo);
        Menu view = editorActions.viewMenu();

        MenuItem generate = item("Generate", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generation::generate);
        MenuItem cancel = item("Cancel", null, generation::cancel);
        cancel.disableProperty().bind(generation.runningProperty().not());
        Menu image = new Menu("Inpaint", null, generate, cancel);
        return new MenuBar(file, edit, editorActions.maskMenu(), view, image);
    }

    private Node sidePanel() {
        ParametersView form = new ParametersView(parameters);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.getStyleClass().add("generate-button");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.setDefaultButton(false);
        generate.setOnAction(e -> generation.generate());
        generate.disableProperty().bind(generation.blockedReasonProperty().isNotEmpty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(Bindings.when(generation.blockedReasonProperty().isEmpty())
                .then("Repaint the masked area (Ctrl+Enter)").otherwise(generation.blockedReasonProperty()));
        generate.setTooltip(why);
        // A disabled button shows no tooltip, so the reason also stands below it.
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> generation.cancel());
        cancel.disableProperty().bind(generation.runningProperty().not());
        HBox buttons = new HBox(8, generate, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(generation.progressProperty());
        progress.visibleProperty().bind(generation.runningProperty());
        progress.managedProperty().bind(generation.runningProperty());

        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.when(generation.statusProperty().isEmpty().and(generation.runningProperty().not()))
                .then(generation.blockedReasonProperty()).otherwise(generation.statusProperty()));
        generation.statusIsErrorProperty().addListener((obs, o, err) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), err));

        VBox panel = new VBox(10, scroll, buttons, progress, status);
        panel.getStyleClass().add("side-panel");
        panel.setPadding(new Insets(10));
        panel.setPrefWidth(330);
        panel.setMinWidth(280);
        return panel;
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
