package dev.inpaintstudio.editor;

import dev.inpaintstudio.imaging.CropBox;
import javafx.scene.shape.Rectangle;

/** A picture-pixel box placed over the view as 1 px outlines that stay crisp at any zoom. */
final class BoxOutline {
    final double x0;
    final double y0;
    final double x1;
    final double y1;

    /** The box's corners in whole view pixels. */
    BoxOutline(CropBox b, Viewport viewport) {
        x0 = Math.round(viewport.toViewX(b.x()));
        y0 = Math.round(viewport.toViewY(b.y()));
        x1 = Math.round(viewport.toViewX(b.right()));
        y1 = Math.round(viewport.toViewY(b.bottom()));
    }

    /** Sets each rectangle to the box, on half pixels so its 1 px stroke covers exactly one pixel. */
    void place(Rectangle... shapes) {
        for (Rectangle r : shapes) {
            r.setX(x0 + 0.5);
            r.setY(y0 + 0.5);
            r.setWidth(Math.max(0, x1 - x0 - 1));
            r.setHeight(Math.max(0, y1 - y0 - 1));
        }
    }
}
