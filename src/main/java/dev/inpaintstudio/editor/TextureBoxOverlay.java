package dev.inpaintstudio.editor;

import dev.inpaintstudio.imaging.CropBox;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The region the offline fill may take texture from, drawn over the editor as a green dashed box
 * with a caption; also the rubber band while the artist drags a new one. Placed in view
 * coordinates through the editor's {@link Viewport}, so it follows zoom and pan.
 */
final class TextureBoxOverlay {
    private final Rectangle under = new Rectangle();
    private final Rectangle box = new Rectangle();
    private final Label label = new Label("Texture from here");
    private final Group node = new Group(under, box, label);

    TextureBoxOverlay() {
        under.setFill(Color.rgb(60, 220, 120, 0.12));
        under.setStroke(Color.BLACK);
        under.setStrokeWidth(1);
        box.setId("textureBox");
        box.setFill(null);
        box.setStroke(Color.rgb(60, 220, 120));
        box.setStrokeWidth(1.5);
        box.getStrokeDashArray().setAll(8.0, 4.0);
        label.setId("textureBoxLabel");
        label.setTextFill(Color.WHITE);
        label.setStyle("-fx-background-color: #1d6b3cd0; -fx-background-radius: 3; -fx-padding: 2 6 2 6; -fx-font-size: 11px;");
        node.setMouseTransparent(true);
        node.setManaged(false);
        node.setVisible(false);
    }

    Group node() {
        return node;
    }

    Rectangle shape() {
        return box;
    }

    /** Shows {@code b} (image pixels) over the view, or hides the overlay when it is null. */
    void update(CropBox b, Viewport viewport, double viewWidth) {
        node.setVisible(b != null);
        if (b == null) {
            return;
        }
        BoxOutline outline = new BoxOutline(b, viewport);
        outline.place(under, box);
        label.autosize();
        double lx = Math.max(0, Math.min(viewWidth - label.getWidth(), outline.x0 + 3));
        label.relocate(Math.round(lx), Math.round(Math.max(0, outline.y1 - label.getHeight() - 3)));
    }
}
