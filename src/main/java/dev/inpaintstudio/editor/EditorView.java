package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.tool.BrushTool;
import dev.inpaintstudio.editor.tool.LassoTool;
import dev.inpaintstudio.editor.tool.MagicWandTool;
import dev.inpaintstudio.editor.tool.PointerInput;
import dev.inpaintstudio.editor.tool.PolygonLassoTool;
import dev.inpaintstudio.editor.tool.ShapeTool;
import dev.inpaintstudio.editor.tool.TextureBoxTool;
import dev.inpaintstudio.editor.tool.StrokeEnd;
import dev.inpaintstudio.editor.tool.Tool;
import dev.inpaintstudio.editor.tool.ToolKey;
import dev.inpaintstudio.editor.tool.ToolKind;
import dev.inpaintstudio.editor.tool.ToolOverlay;
import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.stage.Window;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The canvas: shows the picture with the mask over it and turns pointer input into tool calls.
 * Left button uses the current tool; middle button or Space+drag pans; the wheel zooms at the cursor.
 *
 * <p>Drawing: a {@link FrameRenderer} composites the visible part of the image into a frame the size
 * of the view, shown by one {@link ImageView}; mask changes re-render only the frame pixels over their
 * dirty rectangle. Redraws are coalesced to at most one per pulse, so a fast mouse never queues them.
 * The brush outline and shape previews are plain nodes on top.
 */
public final class EditorView extends Region {
    /** Preset zoom levels for zoom in/out steps and the zoom box. */
    public static final double[] ZOOM_STEPS = {0.05, 0.0625, 0.0833, 0.125, 0.1667, 0.25, 0.3333, 0.5, 0.6667, 1,
            1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32};

    private final Viewport viewport = new Viewport();
    private final ObjectProperty<Document> document = new SimpleObjectProperty<>(this, "document");
    private final ObjectProperty<ToolKind> tool = new SimpleObjectProperty<>(this, "tool", ToolKind.BRUSH);
    private final DoubleProperty brushSize = new SimpleDoubleProperty(this, "brushSize", 40);
    private final DoubleProperty hardness = new SimpleDoubleProperty(this, "hardness", 0.8);
    private final BooleanProperty subtract = new SimpleBooleanProperty(this, "subtract", false);
    private final IntegerProperty wandTolerance = new SimpleIntegerProperty(this, "wandTolerance", 32);
    private final BooleanProperty wandContiguous = new SimpleBooleanProperty(this, "wandContiguous", true);
    private final BooleanProperty maskVisible = new SimpleBooleanProperty(this, "maskVisible", true);
    private final BooleanProperty outlineOnly = new SimpleBooleanProperty(this, "outlineOnly", false);
    private final ObjectProperty<Color> overlayColor = new SimpleObjectProperty<>(this, "overlayColor", Color.web("#ff3b5c"));
    private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(this, "overlayOpacity", 0.5);
    private final LongProperty historyBudgetBytes = new SimpleLongProperty(this, "historyBudgetBytes", History.DEFAULT_BUDGET_BYTES);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ObjectProperty<ContextCrop> cropPlan = new SimpleObjectProperty<>(this, "cropPlan");
    private final ObjectProperty<CropBox> textureBox = new SimpleObjectProperty<>(this, "textureBox");
    private final BooleanProperty textureBoxPicking = new SimpleBooleanProperty(this, "textureBoxPicking");
    private final BooleanProperty offline = new SimpleBooleanProperty(this, "offline");
    private final TextureBoxOverlay textureOverlay = new TextureBoxOverlay();
    /** Takes the place of the chosen tool while the texture box is being picked. */
    private final TextureBoxTool texturePicker = new TextureBoxTool(
            () -> document.get() == null ? 0 : document.get().width(),
            () -> document.get() == null ? 0 : document.get().height(),
            box -> {
                if (box != null) {
                    textureBox.set(box);
                }
                textureBoxPicking.set(false);
            });
    private final BooleanProperty cropBoxShown = new SimpleBooleanProperty(this, "cropBoxShown", true);
    private final CropOverlay cropOverlay = new CropOverlay();

    private final ImageView frameView = new ImageView();
    private final Pane overlay = new Pane();
    private final Circle cursorOuter = outline(new Circle(), Color.BLACK);
    private final Circle cursorInner = outline(new Circle(), Color.WHITE);
    private final Rectangle rectPreview = dashed(new Rectangle());
    private final Ellipse ellipsePreview = dashed(new Ellipse());
    private final Polyline pathPreview = dashed(new Polyline());
    private final Label emptyHint = new Label("Open an image to start: File ▸ Open (Ctrl+O), drop a file here, or paste (Ctrl+V)");
    private final HBox busyBox;

    private Executor worker;
    private ExecutorService ownWorker;
    private MaskCommands commands;
    private final Map<ToolKind, Tool> tools = new EnumMap<>(ToolKind.class);
    private PicturePyramid picture;
    private MaskPyramid maskPyramid;
    private FrameRenderer renderer;
    private WritableImage frameImage;
    private final MaskLayer.ChangeListener maskListener = this::maskChanged;
    private final Runnable historyListener = this::historyChanged;

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            redrawScheduled = false;
            flush();
        }
    };
    private boolean redrawScheduled;
    private boolean fullRedraw = true;
    private PixelRect maskDirty = PixelRect.EMPTY;

    /** -Dinpaintstudio.editor.trace=true logs, per stroke, how long input handling and redraws took. */
    private static final boolean TRACE = Boolean.getBoolean("inpaintstudio.editor.trace");
    private final StrokeTrace trace = new StrokeTrace();

    private boolean fitToView = true;
    private Tool activeTool;
    private boolean spaceDown;
    private boolean panning;
    private double panLastX;
    private double panLastY;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public EditorView() {
        getStyleClass().add("editor-view");
        setFocusTraversable(true);
        setMinSize(200, 200);
        setBackground(new Background(new BackgroundFill(Color.web("#2b2d30"), null, null)));
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        frameView.setManaged(false);
        frameView.setSmooth(false);
        frameView.setPreserveRatio(false);
        frameView.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        emptyHint.setTextFill(Color.gray(0.7));
        emptyHint.setManaged(false);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label busyLabel = new Label();
        busyLabel.textProperty().bind(busyText.getReadOnlyProperty());
        busyLabel.setTextFill(Color.WHITE);
        busyBox = new HBox(8, spinner, busyLabel);
        busyBox.setAlignment(Pos.CENTER);
        busyBox.setStyle("-fx-background-color: #000000b0; -fx-background-radius: 6; -fx-padding: 8 14 8 14;");
        busyBox.setManaged(false);
        busyBox.visibleProperty().bind(busy.getReadOnlyProperty());
        cursorInner.setId("brushCursor");
        cursorOuter.setId("brushCursorOuter");
        rectPreview.setFill(null);
        ellipsePreview.setFill(null);
        overlay.getChildren().addAll(cropOverlay.node(), textureOverlay.node(), rectPreview, ellipsePreview, pathPreview, cursorOuter, cursorInner);
        getChildren().addAll(frameView, overlay, emptyHint, busyBox);

        document.addListener((obs, old, doc) -> documentChanged(old, doc));
        brushSize.addListener((obs, o, n) -> updateOverlay());
        tool.addListener((obs, o, n) -> toolChanged());
        for (var p : new javafx.beans.Observable[] {maskVisible, outlineOnly, overlayColor, overlayOpacity}) {
            p.addListener(obs -> {
                applyOverlaySettings();
                redrawAll();
            });
        }
        historyBudgetBytes.addListener((obs, o, n) -> {
            Document doc = document.get();
            if (doc != null) {
                doc.history().setBudgetBytes(n.longValue());
            }
        });
        busy.addListener((obs, o, b) -> updateCursor());
        // Invalidation, not change: a new plan equal to the old one still follows a mask edit.
        cropPlan.addListener(obs -> updateCropOverlay());
        cropBoxShown.addListener(obs -> updateCropOverlay());
        textureBox.addListener(obs -> updateTextureOverlay());
        offline.addListener(obs -> {
            updateCropOverlay();
            updateTextureOverlay();
        });
        textureBoxPicking.addListener((obs, o, n) -> {
            texturePicker.cancel();
            updateOverlay();
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointerX = Double.NaN;
            pointerY = Double.NaN;
            updateOverlay();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                setSpaceDown(true);
                e.consume();
            } else if (toolKey(e.getCode())) {
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                setSpaceDown(false);
                e.consume();
            }
        });
        sceneProperty().addListener((obs, o, s) -> redrawAll());
        updateCursor();
    }

    // ---- properties ------------------------------------------------------------------------

    public ObjectProperty<Document> documentProperty() {
        return document;
    }

    public ObjectProperty<ToolKind> toolProperty() {
        return tool;
    }

    /** Brush diameter in image pixels. */
    public DoubleProperty brushSizeProperty() {
        return brushSize;
    }

    /** Brush hardness, 0 (soft to the centre) to 1 (hard, anti-aliased edge). */
    public DoubleProperty hardnessProperty() {
        return hardness;
    }

    /** Shape tools, lasso, wand and brush take away from the mask instead of adding (Alt swaps per use). */
    public BooleanProperty subtractProperty() {
        return subtract;
    }

    public IntegerProperty wandToleranceProperty() {
        return wandTolerance;
    }

    public BooleanProperty wandContiguousProperty() {
        return wandContiguous;
    }

    public BooleanProperty maskVisibleProperty() {
        return maskVisible;
    }

    public BooleanProperty outlineOnlyProperty() {
        return outlineOnly;
    }

    public ObjectProperty<Color> overlayColorProperty() {
        return overlayColor;
    }

    public DoubleProperty overlayOpacityProperty() {
        return overlayOpacity;
    }

    /** Memory the undo history of each document may use; applies at once to the open document. */
    public LongProperty historyBudgetBytesProperty() {
        return historyBudgetBytes;
    }

    /** The current scale, 1 = 100 %. Use {@link #zoomTo}, {@link #zoomBy} or {@link #fit} to change it. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** True while a mask operation runs in the background; the mask cannot be edited meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /**
     * The crop Generate would send (box in image pixels, size sent), drawn over the picture while
     * {@link #cropBoxShownProperty() shown} and the mask is not empty; null draws nothing.
     */
    public ObjectProperty<ContextCrop> cropPlanProperty() {
        return cropPlan;
    }

    /** Whether the crop box is drawn (View ▸ Show Crop Box, C). */
    public BooleanProperty cropBoxShownProperty() {
        return cropBoxShown;
    }

    /**
     * The box (image pixels) the offline fill may take texture from, drawn over the picture while
     * the {@link #offlineProperty() offline engine} is chosen; null: anywhere outside the mask.
     */
    public ObjectProperty<CropBox> textureBoxProperty() {
        return textureBox;
    }

    /** While true, a primary drag on the picture draws the texture box instead of using the tool. */
    public BooleanProperty textureBoxPickingProperty() {
        return textureBoxPicking;
    }

    /**
     * Whether the offline engine is chosen: the crop box's caption then says "Works on" (nothing is
     * sent), and the texture box, which only the offline engine uses, is drawn.
     */
    public BooleanProperty offlineProperty() {
        return offline;
    }

    /** The texture box as drawn, for tests: visible or not, in view coordinates. */
    Rectangle textureBoxShape() {
        return textureOverlay.shape();
    }

    /** The crop box as drawn, for tests: visible or not, in view coordinates. */
    Rectangle cropBoxShape() {
        return (Rectangle) cropOverlay.node().lookup("#cropBox");
    }

    public boolean isBusy() {
        return busy.get();
    }

    public Viewport viewport() {
        return viewport;
    }

    /** The mask operations of the open document, or null when none is open. */
    public MaskCommands commands() {
        return commands;
    }

    /** The tool object behind {@code kind} for the open document (null when none is open). */
    public Tool tool(ToolKind kind) {
        return tools.get(kind);
    }

    /** Where background mask operations run; by default a thread of this view's own. Set before opening documents. */
    public void setWorker(Executor worker) {
        this.worker = worker;
    }

    private Executor worker() {
        if (worker == null) {
            ownWorker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mask-operations");
                t.setDaemon(true);
                return t;
            });
            worker = ownWorker;
        }
        return worker;
    }

    // ---- navigation ------------------------------------------------------------------------

    public void fit() {
        fitToView = true;
        layoutViewport();
        viewChanged();
    }

    /** Zooms to {@code scale} (1 = 100 %) around the centre of the view. */
    public void zoomTo(double scale) {
        zoomAt(scale / viewport.scale(), getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by {@code factor} around the pointer when it is over the view, else around the centre. */
    public void zoomBy(double factor) {
        if (Double.isNaN(pointerX)) {
            zoomAt(factor, getWidth() / 2, getHeight() / 2);
        } else {
            zoomAt(factor, pointerX, pointerY);
        }
    }

    /** To the next preset zoom level up (or down). */
    public void zoomStep(boolean in) {
        double s = viewport.scale();
        double target = in ? Viewport.MAX_SCALE : Viewport.MIN_SCALE;
        for (double step : ZOOM_STEPS) {
            if (in && step > s * 1.001) {
                target = step;
                break;
            }
            if (!in && step < s / 1.001) {
                target = step;
            }
        }
        zoomBy(target / s);
    }

    public void zoomAt(double factor, double viewX, double viewY) {
        if (document.get() == null) {
            return;
        }
        fitToView = false;
        viewport.zoomAt(factor, viewX, viewY);
        viewChanged();
    }

    public void panBy(double dx, double dy) {
        fitToView = false;
        viewport.panBy(dx, dy);
        viewChanged();
    }

    private void layoutViewport() {
        Document doc = document.get();
        if (doc != null && getWidth() > 0 && getHeight() > 0) {
            viewport.fit(doc.width(), doc.height(), Math.max(1, getWidth() - 16), Math.max(1, getHeight() - 16));
            viewport.panBy(8, 8);
        }
    }

    private void viewChanged() {
        zoom.set(viewport.scale());
        updateCropOverlay();
        updateTextureOverlay();
        updateOverlay();
        redrawAll();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        overlay.resize(w, h);
        emptyHint.autosize();
        emptyHint.relocate(Math.round((w - emptyHint.getWidth()) / 2), Math.round((h - emptyHint.getHeight()) / 2));
        busyBox.autosize();
        busyBox.relocate(Math.round((w - busyBox.getWidth()) / 2), Math.round((h - busyBox.getHeight()) / 2));
        if (fitToView) {
            layoutViewport();
            zoom.set(viewport.scale());
        }
        updateCropOverlay();
        updateTextureOverlay();
        updateOverlay();
        redrawAll();
    }

    // ---- editing ---------------------------------------------------------------------------

    /** Undoes the last step (or drops a polygon being clicked in). Refused while an operation runs. */
    public void undo() {
        Document doc = document.get();
        if (doc == null || isBusy()) {
            return;
        }
        Tool current = currentTool();
        if (current != null && current.isWorking()) {
            current.cancel();
            updateOverlay();
            return;
        }
        doc.history().undo();
    }

    public void redo() {
        Document doc = document.get();
        if (doc != null && !isBusy() && activeTool == null) {
            doc.history().redo();
        }
    }

    /** Enter, Esc and Backspace for a tool in the middle of something; true if it used the key. */
    public boolean toolKey(KeyCode code) {
        Tool current = currentTool();
        if (current == null) {
            return false;
        }
        ToolKey key = switch (code) {
            case ENTER -> ToolKey.ENTER;
            case ESCAPE -> ToolKey.ESCAPE;
            case BACK_SPACE -> ToolKey.BACKSPACE;
            default -> null;
        };
        boolean used = key != null && !isBusy() && current.key(key);
        if (used) {
            updateOverlay();
        }
        return used;
    }

    /** Space held: the left button pans. */
    public void setSpaceDown(boolean down) {
        if (spaceDown != down) {
            spaceDown = down;
            updateCursor();
            updateOverlay();
        }
    }

    private void documentChanged(Document old, Document doc) {
        if (old != null) {
            old.mask().removeListener(maskListener);
            old.history().removeListener(historyListener);
        }
        activeTool = null;
        tools.clear();
        commands = null;
        renderer = null;
        picture = null;
        maskPyramid = null;
        busy.set(false);
        busyText.set("");
        if (doc != null) {
            doc.history().setBudgetBytes(historyBudgetBytes.get());
            MaskCommands[] self = new MaskCommands[1];
            self[0] = new MaskCommands(doc, worker(), Platform::runLater, text -> {
                if (commands == self[0]) { // an operation of a document no longer shown says nothing
                    busy.set(text != null);
                    busyText.set(text == null ? "" : text);
                }
            });
            commands = self[0];
            createTools(doc);
            picture = doc.picture();
            maskPyramid = new MaskPyramid(doc.mask());
            renderer = new FrameRenderer(picture, maskPyramid, viewport);
            applyOverlaySettings();
            doc.mask().addListener(maskListener);
            doc.history().addListener(historyListener);
            if (picture.available() <= PicturePyramid.MAX_LEVEL) {
                PicturePyramid p = picture;
                worker().execute(() -> {
                    p.buildLevels();
                    Platform.runLater(() -> {
                        if (picture == p) {
                            redrawAll();
                        }
                    });
                });
            }
        }
        emptyHint.setVisible(doc == null);
        frameView.setVisible(doc != null);
        historyChanged();
        fit();
        updateCropOverlay();
        updateTextureOverlay();
    }

    private void createTools(Document doc) {
        MaskLayer mask = doc.mask();
        History history = doc.history();
        StrokeEnd strokeEnd = new StrokeEnd();
        tools.put(ToolKind.BRUSH, new BrushTool(mask, history, brushSize::get, hardness::get, subtract::get, strokeEnd));
        tools.put(ToolKind.ERASER, new BrushTool(mask, history, brushSize::get, hardness::get, () -> true, strokeEnd));
        tools.put(ToolKind.RECTANGLE, new ShapeTool(commands, false, subtract::get));
        tools.put(ToolKind.ELLIPSE, new ShapeTool(commands, true, subtract::get));
        tools.put(ToolKind.LASSO, new LassoTool(commands, subtract::get));
        tools.put(ToolKind.POLYGON, new PolygonLassoTool(commands, subtract::get));
        tools.put(ToolKind.WAND, new MagicWandTool(commands, wandTolerance::get, wandContiguous::get, subtract::get));
    }

    private void toolChanged() {
        for (Tool t : tools.values()) {
            if (t != activeTool) {
                t.cancel();
            }
        }
        updateCursor();
        updateOverlay();
    }

    private void historyChanged() {
        Document doc = document.get();
        canUndo.set(doc != null && doc.history().canUndo());
        canRedo.set(doc != null && doc.history().canRedo());
    }

    // ---- input -----------------------------------------------------------------------------

    private PointerInput input(MouseEvent e) {
        return new PointerInput(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()), e.isShiftDown(), e.isAltDown(),
                e.getClickCount(), 1 / viewport.scale());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pointerX = e.getX();
        pointerY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            panning = true;
            panLastX = e.getX();
            panLastY = e.getY();
            updateCursor();
            updateOverlay();
            e.consume();
            return;
        }
        Tool current = currentTool();
        if (e.getButton() != MouseButton.PRIMARY || current == null || isBusy()) {
            return;
        }
        activeTool = current;
        long t0 = System.nanoTime();
        activeTool.press(input(e));
        trace.start(System.nanoTime() - t0);
        updateOverlay();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        pointerX = e.getX();
        pointerY = e.getY();
        if (panning) {
            panBy(e.getX() - panLastX, e.getY() - panLastY);
            panLastX = e.getX();
            panLastY = e.getY();
        } else if (activeTool != null) {
            long t0 = System.nanoTime();
            activeTool.drag(input(e));
            trace.event(System.nanoTime() - t0);
            updateOverlay();
        } else {
            updateOverlay();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (panning) {
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY) {
                panning = false;
                updateCursor();
                updateOverlay();
            }
        } else if (activeTool != null && e.getButton() == MouseButton.PRIMARY) {
            Tool t = activeTool;
            activeTool = null;
            long t0 = System.nanoTime();
            t.release(input(e));
            long releaseNanos = System.nanoTime() - t0;
            updateOverlay();
            trace.end(t.name(), releaseNanos);
        }
        e.consume();
    }

    private void moved(MouseEvent e) {
        pointerX = e.getX();
        pointerY = e.getY();
        Tool current = currentTool();
        if (current != null) {
            current.move(input(e));
        }
        updateOverlay();
    }

    private void scrolled(ScrollEvent e) {
        if (document.get() == null || e.getDeltaY() == 0) {
            return;
        }
        // deltaY / multiplier is wheel notches on every platform (GTK and Windows: 40 / 40; trackpads: fractions).
        double perNotch = e.getMultiplierY() > 0 ? e.getMultiplierY() : 40;
        double notches = Math.max(-4, Math.min(4, e.getDeltaY() / perNotch));
        zoomAt(Math.pow(1.2, notches), e.getX(), e.getY());
        e.consume();
    }

    /** The tool the pointer drives: the texture box picker while one is being picked, else the chosen tool. */
    private Tool currentTool() {
        return textureBoxPicking.get() ? texturePicker : tools.get(tool.get());
    }

    /** Whether the pointer paints with the brush or eraser (so its outline is the cursor). */
    private boolean brushing() {
        return !textureBoxPicking.get() && tool.get().isBrush();
    }

    private void updateCursor() {
        Cursor c;
        if (isBusy()) {
            c = Cursor.WAIT;
        } else if (panning) {
            c = Cursor.CLOSED_HAND;
        } else if (spaceDown) {
            c = Cursor.OPEN_HAND;
        } else if (brushing() && brushSize.get() * viewport.scale() >= 6) {
            c = Cursor.NONE;
        } else {
            c = Cursor.CROSSHAIR;
        }
        setCursor(c);
    }

    // ---- drawing ---------------------------------------------------------------------------

    private void maskChanged(PixelRect dirty) {
        maskDirty = maskDirty.union(dirty);
        scheduleRedraw();
    }

    private void redrawAll() {
        fullRedraw = true;
        scheduleRedraw();
    }

    private void scheduleRedraw() {
        if (!redrawScheduled) {
            redrawScheduled = true;
            pulse.start();
        }
    }

    /** Brings the frame up to date now instead of at the next pulse. */
    public void flushRedraw() {
        if (redrawScheduled) {
            pulse.stop();
            redrawScheduled = false;
            flush();
        }
    }

    /**
     * The colour (opaque ARGB) shown at view point (x, y) once pending redraws are done, or 0 where
     * nothing is drawn. Lets tests check that what is seen is where the mask is.
     */
    public int shownArgb(double viewX, double viewY) {
        flushRedraw();
        if (renderer == null || frameImage == null) {
            return 0;
        }
        double rs = renderScale();
        int fx = (int) Math.floor(viewX * rs);
        int fy = (int) Math.floor(viewY * rs);
        if (fx < 0 || fy < 0 || fx >= renderer.frameWidth() || fy >= renderer.frameHeight()) {
            return 0;
        }
        return renderer.pixels()[fy * renderer.frameWidth() + fx];
    }

    private void flush() {
        long t0 = System.nanoTime();
        flushFrame();
        trace.redraw(System.nanoTime() - t0);
    }

    private void flushFrame() {
        if (renderer == null) {
            return;
        }
        double rs = renderScale();
        int fw = (int) Math.ceil(getWidth() * rs);
        int fh = (int) Math.ceil(getHeight() * rs);
        if (fw <= 0 || fh <= 0) {
            return;
        }
        if (frameImage == null || (int) frameImage.getWidth() != fw || (int) frameImage.getHeight() != fh) {
            frameImage = new WritableImage(fw, fh);
            frameView.setImage(frameImage);
            fullRedraw = true;
        }
        frameView.setFitWidth(fw / rs);
        frameView.setFitHeight(fh / rs);
        renderer.setFrame(fw, fh, rs);
        if (!maskDirty.isEmpty()) {
            maskPyramid.update(maskDirty);
        }
        PixelRect upload;
        if (fullRedraw) {
            renderer.renderAll();
            upload = new PixelRect(0, 0, fw, fh);
        } else {
            upload = renderer.renderImageRect(maskDirty);
        }
        maskDirty = PixelRect.EMPTY;
        fullRedraw = false;
        if (!upload.isEmpty()) {
            frameImage.getPixelWriter().setPixels(upload.x(), upload.y(), upload.width(), upload.height(),
                    PixelFormat.getIntArgbPreInstance(), renderer.pixels(), upload.y() * fw + upload.x(), fw);
        }
    }

    private double renderScale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        double rs = w == null ? 1 : w.getRenderScaleX();
        return rs > 0 ? rs : 1;
    }

    private void applyOverlaySettings() {
        if (renderer == null) {
            return;
        }
        Color c = overlayColor.get();
        int rgb = ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
        FrameRenderer.MaskMode mode = !maskVisible.get() ? FrameRenderer.MaskMode.HIDDEN
                : outlineOnly.get() ? FrameRenderer.MaskMode.OUTLINE : FrameRenderer.MaskMode.FILL;
        renderer.setOverlay(rgb, overlayOpacity.get(), mode);
    }

    /** Places the crop box over the picture, or hides it (no plan, toggled off, or nothing masked). */
    private void updateCropOverlay() {
        Document doc = document.get();
        ContextCrop plan = cropPlan.get();
        boolean show = doc != null && plan != null && cropBoxShown.get() && !doc.mask().isEmpty();
        cropOverlay.update(show ? plan : null, offline.get() ? "Works on" : "Sends", viewport, getWidth(), getHeight(),
                doc == null ? 0 : doc.width(), doc == null ? 0 : doc.height());
    }

    /** Places the texture box over the picture, or hides it (none, or the offline engine not chosen). */
    private void updateTextureOverlay() {
        textureOverlay.update(document.get() != null && offline.get() ? textureBox.get() : null, viewport, getWidth());
    }

    /** Places the brush outline and the tool's preview over the picture. */
    private void updateOverlay() {
        updateCursor();
        Document doc = document.get();
        boolean showBrush = doc != null && !Double.isNaN(pointerX) && !panning && !spaceDown && brushing();
        double r = brushSize.get() / 2 * viewport.scale();
        cursorOuter.setVisible(showBrush);
        cursorInner.setVisible(showBrush);
        if (showBrush) {
            cursorInner.setCenterX(pointerX);
            cursorInner.setCenterY(pointerY);
            cursorInner.setRadius(Math.max(1, r));
            cursorOuter.setCenterX(pointerX);
            cursorOuter.setCenterY(pointerY);
            cursorOuter.setRadius(Math.max(1, r) + 1);
        }
        Tool current = currentTool();
        ToolOverlay preview = current == null ? ToolOverlay.NONE : current.overlay();
        rectPreview.setVisible(preview.kind() == ToolOverlay.Kind.RECTANGLE);
        ellipsePreview.setVisible(preview.kind() == ToolOverlay.Kind.ELLIPSE);
        pathPreview.setVisible(preview.kind() == ToolOverlay.Kind.PATH);
        double[] p = preview.points();
        switch (preview.kind()) {
            case RECTANGLE -> {
                double x0 = viewport.toViewX(Math.min(p[0], p[2]));
                double y0 = viewport.toViewY(Math.min(p[1], p[3]));
                rectPreview.setX(x0);
                rectPreview.setY(y0);
                rectPreview.setWidth(viewport.toViewX(Math.max(p[0], p[2])) - x0);
                rectPreview.setHeight(viewport.toViewY(Math.max(p[1], p[3])) - y0);
            }
            case ELLIPSE -> {
                ellipsePreview.setCenterX(viewport.toViewX((p[0] + p[2]) / 2));
                ellipsePreview.setCenterY(viewport.toViewY((p[1] + p[3]) / 2));
                ellipsePreview.setRadiusX(Math.abs(p[2] - p[0]) / 2 * viewport.scale());
                ellipsePreview.setRadiusY(Math.abs(p[3] - p[1]) / 2 * viewport.scale());
            }
            case PATH -> {
                Double[] view = new Double[p.length + (preview.closed() ? 2 : 0)];
                for (int i = 0; i + 1 < p.length; i += 2) {
                    view[i] = viewport.toViewX(p[i]);
                    view[i + 1] = viewport.toViewY(p[i + 1]);
                }
                if (preview.closed() && p.length >= 2) {
                    view[p.length] = view[0];
                    view[p.length + 1] = view[1];
                }
                pathPreview.getPoints().setAll(view);
            }
            default -> {
            }
        }
    }

    private static Circle outline(Circle c, Color color) {
        c.setFill(null);
        c.setStroke(color);
        c.setStrokeWidth(1);
        c.setMouseTransparent(true);
        c.setVisible(false);
        return c;
    }

    private static <S extends Shape> S dashed(S s) {
        s.setStroke(Color.WHITE);
        s.setStrokeWidth(1);
        s.getStrokeDashArray().setAll(4.0, 4.0);
        s.setEffect(new javafx.scene.effect.DropShadow(2, Color.BLACK));
        s.setMouseTransparent(true);
        s.setVisible(false);
        return s;
    }

    /** Timing of one stroke, logged when tracing: events, redraws, and the slowest of each. */
    private static final class StrokeTrace {
        private boolean on;
        private long started;
        private int events;
        private long eventNanos;
        private long maxEvent;
        private int redraws;
        private long redrawNanos;
        private long maxRedraw;

        void start(long pressNanos) {
            if (!TRACE) {
                return;
            }
            on = true;
            started = System.nanoTime();
            events = 1;
            eventNanos = pressNanos;
            maxEvent = pressNanos;
            redraws = 0;
            redrawNanos = 0;
            maxRedraw = 0;
        }

        void event(long nanos) {
            if (on) {
                events++;
                eventNanos += nanos;
                maxEvent = Math.max(maxEvent, nanos);
            }
        }

        void redraw(long nanos) {
            if (on) {
                redraws++;
                redrawNanos += nanos;
                maxRedraw = Math.max(maxRedraw, nanos);
            }
        }

        void end(String tool, long releaseNanos) {
            if (!on) {
                return;
            }
            on = false;
            System.getLogger(EditorView.class.getName()).log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "%s stroke: %.0f ms, %d pointer events (%.3f ms avg, %.3f ms max), %d redraws (%.2f ms avg, %.2f ms max),"
                            + " release with undo step %.1f ms",
                    tool, (System.nanoTime() - started) / 1e6, events, eventNanos / 1e6 / Math.max(1, events), maxEvent / 1e6,
                    redraws, redrawNanos / 1e6 / Math.max(1, redraws), maxRedraw / 1e6, releaseNanos / 1e6));
        }
    }
}
