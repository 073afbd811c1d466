package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.tool.BrushTool;
import dev.inpaintstudio.editor.tool.Tool;
import dev.inpaintstudio.editor.tool.ToolKind;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The canvas: shows the picture with the mask over it and turns pointer input into tool calls.
 * Left button paints with the current tool, middle button or Space+drag pans, the wheel zooms at the cursor.
 */
public final class EditorView extends Region {
    private static final Color BACKGROUND = Color.web("#2b2d30");
    private static final Color MASK_COLOR = Color.web("#ff3b5c");

    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private final ObjectProperty<Document> document = new SimpleObjectProperty<>(this, "document");
    private final ObjectProperty<ToolKind> tool = new SimpleObjectProperty<>(this, "tool", ToolKind.BRUSH);
    private final DoubleProperty brushSize = new SimpleDoubleProperty(this, "brushSize", 40);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    private Image picture;
    private MaskOverlay overlay;
    private final MaskLayer.ChangeListener maskListener = this::maskChanged;
    private boolean fitToView = true;
    private Tool activeTool;
    private boolean spaceDown;
    private double panLastX;
    private double panLastY;
    private boolean panning;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public EditorView() {
        getStyleClass().add("editor-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 200);
        document.addListener((obs, old, doc) -> documentChanged(old, doc));
        brushSize.addListener((obs, o, n) -> redraw());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> pointerMoved(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> pointerMoved(Double.NaN, Double.NaN));
        canvas.setOnScroll(this::scrolled);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                setCursor(Cursor.DEFAULT);
                e.consume();
            }
        });
    }

    public ObjectProperty<Document> documentProperty() {
        return document;
    }

    public ObjectProperty<ToolKind> toolProperty() {
        return tool;
    }

    public DoubleProperty brushSizeProperty() {
        return brushSize;
    }

    /** The current scale, 1 = 100 %. Read-only from outside; use {@link #zoomTo} or {@link #fit}. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void fit() {
        fitToView = true;
        layoutViewport();
        redraw();
    }

    public void zoomTo(double scale) {
        fitToView = false;
        viewport.setScaleAt(scale, getWidth() / 2, getHeight() / 2);
        redraw();
    }

    public void zoomBy(double factor) {
        fitToView = false;
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (fitToView) {
            layoutViewport();
        }
        redraw();
    }

    private void layoutViewport() {
        Document doc = document.get();
        if (doc != null && getWidth() > 0 && getHeight() > 0) {
            viewport.fit(doc.width(), doc.height(), getWidth() - 16, getHeight() - 16);
            viewport.panBy(8, 8);
        }
    }

    private void documentChanged(Document old, Document doc) {
        if (old != null) {
            old.mask().removeListener(maskListener);
        }
        activeTool = null;
        if (doc == null) {
            picture = null;
            overlay = null;
        } else {
            picture = SwingFXUtils.toFXImage(doc.image(), null);
            overlay = new MaskOverlay(doc.mask(), MASK_COLOR);
            doc.mask().addListener(maskListener);
        }
        fit();
    }

    private void maskChanged(PixelRect dirty) {
        if (overlay != null) {
            overlay.update(dirty);
        }
        redraw();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            panning = true;
            panLastX = e.getX();
            panLastY = e.getY();
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        Document doc = document.get();
        if (e.getButton() != MouseButton.PRIMARY || doc == null) {
            return;
        }
        activeTool = new BrushTool(doc.mask(), doc.history(), brushSize::get, tool.get() == ToolKind.ERASER);
        activeTool.press(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
    }

    private void dragged(MouseEvent e) {
        pointerMoved(e.getX(), e.getY());
        if (panning) {
            fitToView = false;
            viewport.panBy(e.getX() - panLastX, e.getY() - panLastY);
            panLastX = e.getX();
            panLastY = e.getY();
            redraw();
        } else if (activeTool != null) {
            activeTool.drag(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
        }
    }

    private void released(MouseEvent e) {
        if (panning) {
            panning = false;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        } else if (activeTool != null) {
            activeTool.release(viewport.toImageX(e.getX()), viewport.toImageY(e.getY()));
            activeTool = null;
        }
    }

    private void scrolled(ScrollEvent e) {
        if (document.get() == null || e.getDeltaY() == 0) {
            return;
        }
        fitToView = false;
        viewport.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        redraw();
        e.consume();
    }

    private void pointerMoved(double x, double y) {
        pointerX = x;
        pointerY = y;
        redraw();
    }

    private void redraw() {
        zoom.set(viewport.scale());
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        Document doc = document.get();
        if (doc == null) {
            g.setFill(Color.gray(0.7));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Open an image to start: File ▸ Open (Ctrl+O), drop a file here, or paste (Ctrl+V)", w / 2, h / 2);
            return;
        }
        double x = viewport.toViewX(0);
        double y = viewport.toViewY(0);
        double dw = doc.width() * viewport.scale();
        double dh = doc.height() * viewport.scale();
        // Crisp pixels when zoomed in; smooth when zoomed out.
        g.setImageSmoothing(viewport.scale() < 1);
        g.drawImage(picture, x, y, dw, dh);
        g.drawImage(overlay.image(), x, y, dw, dh);
        if (!Double.isNaN(pointerX) && !panning && !spaceDown) {
            double r = brushSize.get() / 2 * viewport.scale();
            g.setLineWidth(1);
            g.setStroke(Color.BLACK);
            g.strokeOval(pointerX - r - 1, pointerY - r - 1, 2 * r + 2, 2 * r + 2);
            g.setStroke(Color.WHITE);
            g.strokeOval(pointerX - r, pointerY - r, 2 * r, 2 * r);
        }
    }
}
