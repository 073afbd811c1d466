package dev.inpaintstudio.gallery;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.DifferenceImage;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.MaskImages;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A result against its original, in one of four {@link CompareMode modes}: a draggable divider,
 * side by side, flip (hold F to see the original) and a difference picture. The wheel zooms at the
 * pointer, the middle button or Space+drag pans, a double click fits; the transform is the editor's
 * (view = image × scale + offset), so {@link #showTransform} can mirror the editor's zoom and pan.
 * Pictures load and the difference is computed in the background.
 */
public final class CompareView extends Region {
    private static final Color BACKGROUND = Color.web("#2b2d30");
    private static final Executor SHARED_BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inpaint-compare");
        t.setDaemon(true);
        return t;
    });

    private final Executor background;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<StoredResult> result = new SimpleObjectProperty<>(this, "result");
    private final DoubleProperty divider = new SimpleDoubleProperty(this, "divider", 0.5);
    private final ObjectProperty<CompareMode> mode = new SimpleObjectProperty<>(this, "mode", CompareMode.SLIDER);
    private final BooleanProperty flipped = new SimpleBooleanProperty(this, "flipped");
    private final ObjectProperty<Image> difference = new SimpleObjectProperty<>(this, "difference");
    private final SimpleStringProperty differenceSummary = new SimpleStringProperty(this, "differenceSummary", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final IntegerProperty fallbackFeather = new SimpleIntegerProperty(this, "fallbackFeather", CropSettings.DEFAULT_FEATHER);

    private Image before;
    private Image after;
    private CompletableFuture<?> differenceJob;
    private boolean fitToView = true;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean spaceDown;
    private boolean panning;
    private double lastX;
    private double lastY;

    public CompareView() {
        this(SHARED_BACKGROUND);
    }

    public CompareView(Executor background) {
        this.background = background;
        getStyleClass().add("compare-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(e -> {
            panning = false;
            updateCursor();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                fit();
            }
        });
        canvas.setOnScroll(this::scrolled);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F) {
                flipped.set(true);
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                updateCursor();
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.F) {
                flipped.set(false);
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                updateCursor();
                e.consume();
            }
        });
        focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                flipped.set(false);
                spaceDown = false;
            }
        });
        result.addListener((obs, o, r) -> {
            if (o == null || r == null || o.width() != r.width() || o.height() != r.height()) {
                fitToView = true;
            }
            show(r);
        });
        mode.addListener((obs, o, m) -> {
            updateCursor();
            if (fitToView) {
                layoutTransform();
            }
            if (m == CompareMode.DIFFERENCE) {
                computeDifference();
            }
            redraw();
        });
        divider.addListener((obs, o, n) -> redraw());
        flipped.addListener((obs, o, n) -> redraw());
        difference.addListener((obs, o, n) -> redraw());
        updateCursor();
    }

    public ObjectProperty<StoredResult> resultProperty() {
        return result;
    }

    /** Where the divider stands, 0 (all after) to 1 (all before), as a fraction of the picture's width. */
    public DoubleProperty dividerProperty() {
        return divider;
    }

    public ObjectProperty<CompareMode> modeProperty() {
        return mode;
    }

    /** True while the original is shown in the result's place (F held). */
    public BooleanProperty flippedProperty() {
        return flipped;
    }

    /** The difference picture, once computed in {@link CompareMode#DIFFERENCE}. */
    public ReadOnlyObjectProperty<Image> differenceProperty() {
        return difference;
    }

    /** In words, how much changed inside and outside the mask. */
    public ReadOnlyStringProperty differenceSummaryProperty() {
        return differenceSummary;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The result image being shown, once loaded; for tests and for saving. */
    public Image afterImage() {
        return after;
    }

    public Image beforeImage() {
        return before;
    }

    public boolean isFitToView() {
        return fitToView;
    }

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    /**
     * The feather (px) assumed for results whose record does not say which one they were pasted back
     * with: the difference counts as "outside" only what lies beyond the mask grown by the feather.
     */
    public IntegerProperty fallbackFeatherProperty() {
        return fallbackFeather;
    }

    /** Shows the picture at this scale and offset (view = image × scale + offset), like the editor's viewport. */
    public void showTransform(double newScale, double newOffsetX, double newOffsetY) {
        fitToView = false;
        scale = newScale;
        offsetX = newOffsetX;
        offsetY = newOffsetY;
        redraw();
    }

    /** Shows the whole picture, as the editor's Fit does. */
    public void fit() {
        fitToView = true;
        layoutTransform();
        redraw();
    }

    private void show(StoredResult r) {
        before = r == null ? null : new Image(r.beforeFile().toUri().toString(), true);
        after = r == null ? null : new Image(r.resultFile().toUri().toString(), true);
        for (Image image : new Image[] {before, after}) {
            if (image != null) {
                image.progressProperty().addListener((o, a, b) -> redraw());
            }
        }
        difference.set(null);
        differenceSummary.set("");
        if (differenceJob != null) {
            differenceJob.cancel(false);
        }
        differenceJob = null;
        if (mode.get() == CompareMode.DIFFERENCE) {
            computeDifference();
        }
        if (fitToView) {
            layoutTransform();
        }
        redraw();
    }

    private void computeDifference() {
        StoredResult r = result.get();
        if (r == null || difference.get() != null || differenceJob != null) {
            return;
        }
        differenceSummary.set("Computing the difference…");
        int feather = r.featherPx() != null ? r.featherPx() : fallbackFeather.get();
        CompletableFuture<DifferenceImage> job = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedImage b = ImageFiles.read(r.beforeFile());
                BufferedImage a = ImageFiles.read(r.resultFile());
                byte[] coverage = null;
                if (r.maskFile() != null && r.maskFile().toFile().isFile()) {
                    BufferedImage m = ImageFiles.read(r.maskFile());
                    if (m.getWidth() == b.getWidth() && m.getHeight() == b.getHeight()) {
                        coverage = MaskImages.toCoverage(m);
                    }
                }
                return DifferenceImage.of(b, a, coverage, feather);
            } catch (ImageReadException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background);
        differenceJob = job;
        job.whenComplete((d, error) -> {
            Image image = d == null ? null : SwingFXUtils.toFXImage(d.image(), null);
            Platform.runLater(() -> {
                if (result.get() != r || differenceJob != job) {
                    return;
                }
                differenceJob = null;
                if (error != null) {
                    differenceSummary.set("The difference could not be computed: "
                            + (error.getCause() == null ? error : error.getCause()).getMessage());
                    return;
                }
                differenceSummary.set(summary(d, r.maskFile() != null, feather));
                difference.set(image);
            });
        });
    }

    static String summary(DifferenceImage d, boolean hasMask, int featherPx) {
        if (!hasMask) {
            return String.format(Locale.ROOT, "%,d pixels changed (no mask recorded for this result)", d.changedInside());
        }
        String where = featherPx > 0 ? "inside the mask and its " + featherPx + " px feather; " : "inside the mask; ";
        return String.format(Locale.ROOT, "%,d pixels changed ", d.changedInside()) + where
                + (d.changedOutside() == 0 ? "none outside it."
                : String.format(Locale.ROOT, "%,d outside it (magenta).", d.changedOutside()));
    }

    // ---- input -------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        e.consume(); // else the tab pane around takes the focus back, and F would not reach us
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)
                || (e.getButton() == MouseButton.PRIMARY && mode.get() != CompareMode.SLIDER)) {
            panning = true;
            lastX = e.getX();
            lastY = e.getY();
            setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() == MouseButton.PRIMARY) {
            moveDivider(e);
        }
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            fitToView = false;
            offsetX += e.getX() - lastX;
            offsetY += e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            redraw();
        } else if (e.isPrimaryButtonDown() && mode.get() == CompareMode.SLIDER) {
            moveDivider(e);
        }
    }

    private void moveDivider(MouseEvent e) {
        StoredResult r = result.get();
        if (r == null || r.width() <= 0) {
            return;
        }
        double x = (viewX(e.getX()) - offsetX) / scale;
        divider.set(Math.max(0, Math.min(1, x / r.width())));
    }

    /** In side by side, a point in either half maps to the picture as in the single view. */
    private double viewX(double x) {
        if (mode.get() != CompareMode.SIDE_BY_SIDE) {
            return x;
        }
        double w = getWidth();
        return x < w / 2 ? x + w / 4 : x - w / 4;
    }

    private void scrolled(ScrollEvent e) {
        if (result.get() == null || e.getDeltaY() == 0) {
            return;
        }
        fitToView = false;
        double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
        double x = viewX(e.getX());
        double imageX = (x - offsetX) / scale;
        double imageY = (e.getY() - offsetY) / scale;
        scale = clamp(scale * factor);
        offsetX = x - imageX * scale;
        offsetY = e.getY() - imageY * scale;
        redraw();
        e.consume();
    }

    private void updateCursor() {
        if (spaceDown || mode.get() != CompareMode.SLIDER) {
            setCursor(Cursor.OPEN_HAND);
        } else {
            setCursor(Cursor.H_RESIZE);
        }
    }

    private static double clamp(double s) {
        return Math.max(0.05, Math.min(32, s));
    }

    // ---- drawing -----------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (fitToView) {
            layoutTransform();
        }
        redraw();
    }

    /** The editor's fit: the whole picture in the view less an 8 px margin, never enlarged. */
    private void layoutTransform() {
        StoredResult r = result.get();
        if (r == null || r.width() <= 0 || r.height() <= 0 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        // Side by side, each picture fits its half; the offset stays the single view's (centred).
        double viewW = (mode.get() == CompareMode.SIDE_BY_SIDE ? getWidth() / 2 : getWidth()) - 16;
        double viewH = getHeight() - 16;
        scale = clamp(Math.min(1.0, Math.min(viewW / r.width(), viewH / r.height())));
        offsetX = Math.round((getWidth() - 16 - r.width() * scale) / 2) + 8;
        offsetY = Math.round((viewH - r.height() * scale) / 2) + 8;
    }

    private void redraw() {
        zoom.set(scale);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        StoredResult r = result.get();
        if (r == null) {
            g.setFill(Color.gray(0.6));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Select a result in the gallery to compare it with the original.", w / 2, h / 2);
            return;
        }
        g.setImageSmoothing(scale < 1);
        double pw = r.width() * scale;
        double ph = r.height() * scale;
        if (flipped.get()) {
            draw(g, before, offsetX, 0, w);
            label(g, "Before (F)", 8, 8);
            return;
        }
        switch (mode.get()) {
            case SLIDER -> {
                double split = offsetX + pw * divider.get();
                draw(g, before, offsetX, 0, Math.max(0, split));
                draw(g, after, offsetX, Math.max(0, split), w);
                if (split >= 0 && split <= w) {
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(2);
                    double top = Math.max(0, offsetY);
                    double bottom = Math.min(h, offsetY + ph);
                    g.strokeLine(split, top, split, bottom);
                    double cy = (top + bottom) / 2;
                    g.setFill(Color.WHITE);
                    g.fillOval(split - 9, cy - 9, 18, 18);
                    g.setStroke(Color.web("#1f2124"));
                    g.setLineWidth(1);
                    g.strokeOval(split - 9, cy - 9, 18, 18);
                }
                label(g, "Before", 8, 8);
                labelRight(g, "After", w - 8, 8);
            }
            case SIDE_BY_SIDE -> {
                double half = w / 2;
                draw(g, before, offsetX - w / 4, 0, half);
                draw(g, after, offsetX + w / 4, half, w);
                g.setStroke(Color.web("#1f2124"));
                g.setLineWidth(2);
                g.strokeLine(half, 0, half, h);
                label(g, "Before", 8, 8);
                label(g, "After", half + 8, 8);
            }
            case FLIP -> {
                draw(g, after, offsetX, 0, w);
                label(g, "After — hold F for before", 8, 8);
            }
            case DIFFERENCE -> {
                if (difference.get() != null) {
                    draw(g, difference.get(), offsetX, 0, w);
                }
                label(g, differenceSummary.get().isEmpty() ? "Difference" : differenceSummary.get(), 8, 8);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Draws {@code image} with its left edge at view x {@code left}, showing only view x in [clipFrom, clipTo). */
    private void draw(GraphicsContext g, Image image, double left, double clipFrom, double clipTo) {
        if (image == null || image.getProgress() < 1 || image.isError() || clipTo <= clipFrom) {
            return;
        }
        StoredResult r = result.get();
        double sx = image.getWidth() / r.width();
        double sy = image.getHeight() / r.height();
        double pw = r.width() * scale;
        double ph = r.height() * scale;
        double x0 = Math.max(left, clipFrom);
        double x1 = Math.min(left + pw, clipTo);
        double y0 = Math.max(offsetY, 0);
        double y1 = Math.min(offsetY + ph, getHeight());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        // Only the visible part of the picture is drawn, so a deep zoom costs no more than a fit.
        double srcX = (x0 - left) / scale * sx;
        double srcY = (y0 - offsetY) / scale * sy;
        double srcW = (x1 - x0) / scale * sx;
        double srcH = (y1 - y0) / scale * sy;
        g.drawImage(image, srcX, srcY, srcW, srcH, x0, y0, x1 - x0, y1 - y0);
    }

    private void label(GraphicsContext g, String text, double x, double y) {
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double width = textWidth(text) + 16;
        g.setFill(Color.color(0, 0, 0, 0.65));
        g.fillRoundRect(x, y, width, 22, 8, 8);
        g.setFill(Color.WHITE);
        g.fillText(text, x + 8, y + 4);
    }

    private void labelRight(GraphicsContext g, String text, double right, double y) {
        label(g, text, right - textWidth(text) - 16, y);
    }

    private static double textWidth(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(Font.font(12));
        return t.getLayoutBounds().getWidth();
    }
}
