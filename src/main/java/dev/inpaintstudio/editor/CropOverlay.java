package dev.inpaintstudio.editor;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.GenerationSize;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/**
 * The part of the picture Generate sends, drawn over the editor: the rest of the view dimmed, the box
 * outlined in black and white dashes (visible on any picture), and a label saying the size sent.
 * Placed in view coordinates through the editor's {@link Viewport}, so it follows zoom and pan.
 */
final class CropOverlay {
    private final Path shade = new Path();
    private final Rectangle under = new Rectangle();
    private final Rectangle box = new Rectangle();
    private final Label label = new Label();
    private final Group node = new Group(shade, under, box, label);

    CropOverlay() {
        shade.setFillRule(FillRule.EVEN_ODD);
        shade.setFill(Color.rgb(0, 0, 0, 0.3));
        shade.setStroke(null);
        under.setFill(null);
        under.setStroke(Color.BLACK);
        under.setStrokeWidth(1);
        box.setId("cropBox");
        box.setFill(null);
        box.setStroke(Color.WHITE);
        box.setStrokeWidth(1);
        box.getStrokeDashArray().setAll(6.0, 4.0);
        label.setId("cropBoxLabel");
        label.setTextFill(Color.WHITE);
        label.setStyle("-fx-background-color: #000000b0; -fx-background-radius: 3; -fx-padding: 2 6 2 6; -fx-font-size: 11px;");
        node.setMouseTransparent(true);
        node.setManaged(false);
        node.setVisible(false);
    }

    Group node() {
        return node;
    }

    /** Shows {@code plan}'s box over the view, or hides the overlay when {@code plan} is null. */
    void update(ContextCrop plan, String verb, Viewport viewport, double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        node.setVisible(plan != null);
        if (plan == null) {
            return;
        }
        CropBox b = plan.box();
        BoxOutline outline = new BoxOutline(b, viewport);
        outline.place(under, box);
        double x0 = outline.x0;
        double y0 = outline.y0;
        double x1 = outline.x1;
        double y1 = outline.y1;
        shade.getElements().setAll(
                new MoveTo(0, 0), new LineTo(viewWidth, 0), new LineTo(viewWidth, viewHeight), new LineTo(0, viewHeight), new ClosePath(),
                new MoveTo(x0, y0), new LineTo(x1, y0), new LineTo(x1, y1), new LineTo(x0, y1), new ClosePath());
        label.setText(describe(plan, verb, imageWidth, imageHeight));
        label.autosize();
        double lx = Math.max(0, Math.min(viewWidth - label.getWidth(), x0));
        double ly = y0 - label.getHeight() - 3;
        if (ly < 0) {
            ly = Math.max(0, y0) + 3; // no room above: just inside the box's top edge
            lx = Math.max(0, x0) + 3;
        }
        label.relocate(Math.round(lx), Math.round(ly));
    }

    /**
     * What the box means, e.g. "Sends 1016 × 768 of this 3200 × 2400 area (scaled ×0.32)", or of "the
     * whole 6000 × 4000 picture" when that is what goes; {@code verb} is "Sends", or "Works on" for
     * the offline engine, which sends nothing.
     */
    static String describe(ContextCrop plan, String verb, int imageWidth, int imageHeight) {
        CropBox b = plan.box();
        GenerationSize sent = plan.size();
        String what = b.isWhole(imageWidth, imageHeight)
                ? "the whole " + b.width() + " × " + b.height() + " picture"
                : "this " + b.width() + " × " + b.height() + " area";
        double scale = sent.width() / (double) b.width();
        String how = sent.width() == b.width() && sent.height() == b.height() ? "as it is"
                : "scaled ×" + String.format(Locale.ROOT, "%.2f", scale).replaceAll("\\.?0+$", "");
        return verb + " " + sent.width() + " × " + sent.height() + " of " + what + " (" + how + ")";
    }
}
