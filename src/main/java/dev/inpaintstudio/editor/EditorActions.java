package dev.inpaintstudio.editor;

import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The editor's menu commands: mask operations (with their N-px prompts), import and export, and the
 * view. The window places {@link #maskMenu()} and {@link #viewMenu()} in its menu bar.
 */
public final class EditorActions {
    private final EditorView editor;
    private final Executor io;
    private final BooleanBinding noEdits;
    private int lastGrow = 4;
    private int lastShrink = 4;
    private int lastFeather = 8;

    /**
     * @param io where mask files are read and written
     */
    public EditorActions(EditorView editor, Executor io) {
        this.editor = editor;
        this.io = io;
        this.noEdits = editor.documentProperty().isNull().or(editor.busyProperty());
    }

    /** True when the mask cannot be edited now (no document, or an operation is running). */
    public BooleanBinding noEditsProperty() {
        return noEdits;
    }

    public Menu maskMenu() {
        MenuItem invert = item("Invert", shortcut(KeyCode.I), this::invert);
        // Delete and Shift+Delete are handled by EditorShortcuts: as accelerators they would also fire
        // while typing in a text field that does not consume them.
        MenuItem clear = item("Clear (Delete)", null, this::clear);
        MenuItem fill = item("Fill All (Shift+Delete)", null, this::fillAll);
        MenuItem grow = item("Grow…", null, this::promptGrow);
        MenuItem shrink = item("Shrink…", null, this::promptShrink);
        MenuItem feather = item("Feather…", null, this::promptFeather);
        MenuItem importMask = item("Import Mask…", null, this::chooseAndImport);
        MenuItem exportMask = item("Export Mask as PNG…", null, this::chooseAndExport);
        for (MenuItem i : new MenuItem[] {invert, clear, fill, grow, shrink, feather, importMask}) {
            i.disableProperty().bind(noEdits);
        }
        exportMask.disableProperty().bind(editor.documentProperty().isNull());
        grow.setId("menu-grow");
        shrink.setId("menu-shrink");
        feather.setId("menu-feather");

        // Single keys (H) are handled by EditorShortcuts, not as accelerators, so typing never fires them.
        CheckMenuItem show = new CheckMenuItem("Show Mask (H)");
        show.selectedProperty().bindBidirectional(editor.maskVisibleProperty());
        CheckMenuItem outline = new CheckMenuItem("Outline Only");
        outline.selectedProperty().bindBidirectional(editor.outlineOnlyProperty());
        Menu mask = new Menu("Mask", null, invert, clear, fill, new SeparatorMenuItem(), grow, shrink, feather,
                new SeparatorMenuItem(), importMask, exportMask, new SeparatorMenuItem(), show, outline);
        mask.setId("menu-mask");
        return mask;
    }

    public Menu viewMenu() {
        MenuItem fit = item("Fit to Window", shortcut(KeyCode.DIGIT0), editor::fit);
        MenuItem actual = item("Actual Pixels (100 %)", shortcut(KeyCode.DIGIT1), () -> editor.zoomTo(1));
        MenuItem zoomIn = item("Zoom In (+)", shortcut(KeyCode.EQUALS), () -> editor.zoomStep(true));
        MenuItem zoomOut = item("Zoom Out (−)", shortcut(KeyCode.MINUS), () -> editor.zoomStep(false));
        // C is handled by EditorShortcuts: as an accelerator it would also fire while typing.
        CheckMenuItem cropBox = new CheckMenuItem("Show Crop Box (C)");
        cropBox.setId("menu-crop-box");
        cropBox.selectedProperty().bindBidirectional(editor.cropBoxShownProperty());
        for (MenuItem i : new MenuItem[] {fit, actual, zoomIn, zoomOut}) {
            i.disableProperty().bind(editor.documentProperty().isNull());
        }
        return new Menu("View", null, fit, actual, zoomIn, zoomOut, new SeparatorMenuItem(), cropBox);
    }

    // ---- operations ------------------------------------------------------------------------

    public void invert() {
        run(MaskCommands::invert);
    }

    public void clear() {
        run(MaskCommands::clear);
    }

    public void fillAll() {
        run(MaskCommands::fillAll);
    }

    public void promptGrow() {
        promptPixels("Grow Mask", "Grow the mask outward by", lastGrow).ifPresent(n -> {
            lastGrow = n;
            run(c -> c.grow(n));
        });
    }

    public void promptShrink() {
        promptPixels("Shrink Mask", "Shrink the mask inward by", lastShrink).ifPresent(n -> {
            lastShrink = n;
            run(c -> c.shrink(n));
        });
    }

    public void promptFeather() {
        promptPixels("Feather Mask", "Soften the mask's edges over", lastFeather).ifPresent(n -> {
            lastFeather = n;
            run(c -> c.feather(n));
        });
    }

    private void run(java.util.function.Function<MaskCommands, CompletableFuture<Boolean>> op) {
        MaskCommands commands = editor.commands();
        if (commands == null || commands.isBusy()) {
            return;
        }
        op.apply(commands).whenComplete((changed, error) -> {
            if (error != null) {
                Platform.runLater(() -> showError("The mask operation failed", describe(error)));
            }
        });
    }

    /** A small dialog with a pixel spinner (1–500). */
    Optional<Integer> promptPixels(String title, String text, int initial) {
        Dialog<Integer> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        initOwner(dialog);
        Spinner<Integer> spinner = new Spinner<>(1, 500, initial);
        spinner.setEditable(true);
        spinner.setId("pixels");
        spinner.setPrefWidth(100);
        HBox row = new HBox(8, new Label(text), spinner, new Label("px"));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dialog.getDialogPane().setContent(row);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            spinner.increment(0); // commit typed text
            try {
                int v = Integer.parseInt(spinner.getEditor().getText().strip());
                return Math.max(1, Math.min(500, v));
            } catch (NumberFormatException e) {
                return spinner.getValue();
            }
        });
        Platform.runLater(() -> {
            spinner.requestFocus();
            spinner.getEditor().selectAll();
        });
        return dialog.showAndWait();
    }

    // ---- files -----------------------------------------------------------------------------

    public void chooseAndImport() {
        Document doc = editor.documentProperty().get();
        if (doc == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Mask");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Mask images (PNG, JPEG)", "*.png", "*.jpg", "*.jpeg"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            importMask(file.toPath());
        }
    }

    /**
     * Reads {@code file} in the background and makes it the mask (one undoable step). A file of another
     * size asks first whether to rescale it; declining leaves the mask as it is.
     */
    public CompletableFuture<Boolean> importMask(Path file) {
        Document doc = editor.documentProperty().get();
        if (doc == null) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return MaskFiles.read(file);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).thenComposeAsync(image -> {
            boolean rescale = false;
            if (!MaskFiles.sizeMatches(image, doc.width(), doc.height())) {
                if (!askRescale(MaskFiles.mismatchMessage(image, doc.width(), doc.height()))) {
                    return CompletableFuture.completedFuture(false);
                }
                rescale = true;
            }
            boolean r = rescale;
            return CompletableFuture.supplyAsync(() -> MaskFiles.toCoverage(image, doc.width(), doc.height(), r), io)
                    .thenComposeAsync(coverage -> {
                        MaskCommands commands = editor.commands();
                        if (editor.documentProperty().get() != doc || commands == null) {
                            return CompletableFuture.completedFuture(false);
                        }
                        return commands.replace("Import mask", coverage);
                    }, Platform::runLater);
        }, Platform::runLater).whenComplete((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> showError("Could not import the mask", describe(error)));
            }
        });
    }

    private boolean askRescale(String message) {
        ButtonType rescale = new ButtonType("Rescale", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, rescale, ButtonType.CANCEL);
        alert.setTitle("Import Mask");
        alert.setHeaderText("The mask's size differs from the picture's");
        initOwner(alert);
        return alert.showAndWait().filter(b -> b == rescale).isPresent();
    }

    public void chooseAndExport() {
        Document doc = editor.documentProperty().get();
        if (doc == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Mask");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        String base = doc.name().replaceAll("\\.[^.]*$", "");
        chooser.setInitialFileName(base + "-mask.png");
        doc.source().map(Path::getParent).map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path target = file.getName().toLowerCase(Locale.ROOT).endsWith(".png") ? file.toPath()
                    : file.toPath().resolveSibling(file.getName() + ".png");
            exportMask(target);
        }
    }

    /** Writes the mask as a lossless white-on-black PNG in the background. */
    public CompletableFuture<Void> exportMask(Path target) {
        Document doc = editor.documentProperty().get();
        if (doc == null) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] coverage = doc.mask().copyCoverage();
        int w = doc.width();
        int h = doc.height();
        return CompletableFuture.runAsync(() -> {
            try {
                MaskFiles.writePng(coverage, w, h, target);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).whenComplete((v, error) -> {
            if (error != null) {
                Platform.runLater(() -> showError("Could not export the mask", describe(error)));
            }
        });
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Window window() {
        return editor.getScene() == null ? null : editor.getScene().getWindow();
    }

    private void initOwner(Dialog<?> dialog) {
        Window w = window();
        if (w != null) {
            dialog.initOwner(w);
        }
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        initOwner(alert);
        alert.show();
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory for this operation on a picture this large.";
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
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
