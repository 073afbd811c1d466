package dev.inpaintstudio.gallery;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Before and after, one over the other: left of the divider shows the original, right the result.
 * Drag anywhere to move the divider.
 */
public final class CompareView extends Region {
    private final ObjectProperty<StoredResult> result = new SimpleObjectProperty<>(this, "result");
    private final DoubleProperty divider = new SimpleDoubleProperty(this, "divider", 0.5);
    private final ImageView before = new ImageView();
    private final ImageView after = new ImageView();
    private final Rectangle afterClip = new Rectangle();
    private final Line dividerLine = new Line();
    private final Circle handle = new Circle(9);
    private final Label beforeLabel = new Label("Before");
    private final Label afterLabel = new Label("After");
    private final Label placeholder = new Label("Select a result in the gallery to compare it with the original.");

    public CompareView() {
        getStyleClass().add("compare-view");
        for (ImageView view : new ImageView[] {before, after}) {
            view.setPreserveRatio(true);
            view.setSmooth(true);
        }
        after.setClip(afterClip);
        dividerLine.getStyleClass().add("compare-divider");
        handle.getStyleClass().add("compare-handle");
        beforeLabel.getStyleClass().add("compare-label");
        afterLabel.getStyleClass().add("compare-label");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setAlignment(Pos.CENTER);
        getChildren().addAll(before, after, dividerLine, handle, beforeLabel, afterLabel, placeholder);
        setCursor(Cursor.H_RESIZE);
        setOnMousePressed(this::moveDivider);
        setOnMouseDragged(this::moveDivider);
        result.addListener((obs, o, r) -> show(r));
        divider.addListener((obs, o, n) -> requestLayout());
        show(null);
    }

    public ObjectProperty<StoredResult> resultProperty() {
        return result;
    }

    /** Where the divider stands, 0 (all after) to 1 (all before), as a fraction of the picture's width. */
    public DoubleProperty dividerProperty() {
        return divider;
    }

    /** The result image being shown, once loaded; for tests and for saving. */
    public Image afterImage() {
        return after.getImage();
    }

    public Image beforeImage() {
        return before.getImage();
    }

    private void show(StoredResult r) {
        boolean has = r != null;
        before.setImage(has ? new Image(r.beforeFile().toUri().toString(), true) : null);
        after.setImage(has ? new Image(r.resultFile().toUri().toString(), true) : null);
        for (var node : new javafx.scene.Node[] {before, after, dividerLine, handle, beforeLabel, afterLabel}) {
            node.setVisible(has);
        }
        placeholder.setVisible(!has);
        if (has) {
            before.getImage().progressProperty().addListener((o, a, b) -> requestLayout());
            after.getImage().progressProperty().addListener((o, a, b) -> requestLayout());
        }
        requestLayout();
    }

    private void moveDivider(MouseEvent e) {
        double[] box = pictureBox();
        if (box != null && box[2] > 0) {
            divider.set(Math.max(0, Math.min(1, (e.getX() - box[0]) / box[2])));
        }
    }

    /** x, y, width, height of the picture fitted into this region, or null with nothing to show. */
    private double[] pictureBox() {
        StoredResult r = result.get();
        if (r == null || r.width() <= 0 || r.height() <= 0) {
            return null;
        }
        double pad = 12;
        double availW = Math.max(1, getWidth() - 2 * pad);
        double availH = Math.max(1, getHeight() - 2 * pad);
        double scale = Math.min(1, Math.min(availW / r.width(), availH / r.height()));
        double w = r.width() * scale;
        double h = r.height() * scale;
        return new double[] {(getWidth() - w) / 2, (getHeight() - h) / 2, w, h};
    }

    @Override
    protected void layoutChildren() {
        placeholder.resizeRelocate(0, 0, getWidth(), getHeight());
        double[] box = pictureBox();
        if (box == null) {
            return;
        }
        double x = box[0];
        double y = box[1];
        double w = box[2];
        double h = box[3];
        for (ImageView view : new ImageView[] {before, after}) {
            view.setFitWidth(w);
            view.setFitHeight(h);
            view.relocate(x, y);
        }
        double split = w * divider.get();
        afterClip.setX(split);
        afterClip.setY(0);
        afterClip.setWidth(Math.max(0, w - split));
        afterClip.setHeight(h);
        dividerLine.setStartX(x + split);
        dividerLine.setEndX(x + split);
        dividerLine.setStartY(y);
        dividerLine.setEndY(y + h);
        handle.setCenterX(x + split);
        handle.setCenterY(y + h / 2);
        beforeLabel.autosize();
        afterLabel.autosize();
        beforeLabel.relocate(x + 8, y + 8);
        afterLabel.relocate(x + w - afterLabel.getWidth() - 8, y + 8);
    }
}
