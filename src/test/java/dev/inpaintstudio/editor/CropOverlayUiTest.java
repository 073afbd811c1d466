package dev.inpaintstudio.editor;

import dev.inpaintstudio.app.AppWindowSetup;
import dev.inpaintstudio.app.AppContext;
import dev.inpaintstudio.app.MainWindow;
import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.jobs.LocalBackend;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.settings.AppPaths;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The crop box over the editor: it outlines exactly what Generate sends (the plan of the mask as
 * painted), follows zoom and pan through the viewport, says the size sent, and toggles.
 */
class CropOverlayUiTest extends ApplicationTest {
    @TempDir
    static Path home;

    private AppContext context;
    private MainWindow window;
    private EditorView editor;

    @Override
    public void start(Stage stage) {
        context = AppWindowSetup.context(AppPaths.under(home));
        window = context.window();
        editor = window.editor();
        AppWindowSetup.show(stage, context);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theBoxOutlinesWhatIsSentWhereTheMaskIsAfterZoomAndPanAndToggles() throws Exception {
        Document doc = open(3000, 2000);
        interact(() -> context.parameters().backendProperty().set(BackendChoice.MODELSLAB));
        Rectangle box = editor.cropBoxShape();
        assertFalse(isShown(box), "no mask, no box");

        // Paint a short stroke with the mouse near the right of the picture.
        interact(() -> editor.brushSizeProperty().set(60));
        moveTo(screenOf(2300, 700)).press(MouseButton.PRIMARY).moveTo(screenOf(2500, 760)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(2400, 730), "the stroke is in the mask");

        ContextCrop plan = context.generation().cropPreviewProperty().get();
        ContextCrop expected = ContextCrop.plan(doc.mask().copyCoverage(), doc.width(), doc.height(), CropSettings.DEFAULT);
        assertEquals(expected, plan, "the preview is the plan Generate sends, from the mask's kept bounds");
        interact(() -> context.parameters().backendProperty().set(BackendChoice.OFFLINE));
        assertEquals(LocalBackend.plan(doc.mask().copyCoverage(), null, doc.width(), doc.height(), CropSettings.DEFAULT),
                context.generation().cropPreviewProperty().get(), "offline: the offline engine's plan");
        Label offlineLabel = (Label) box.getParent().lookup("#cropBoxLabel");
        ContextCrop offlinePlan = context.generation().cropPreviewProperty().get();
        assertTrue(offlineLabel.getText().startsWith("Works on " + offlinePlan.size().width() + " × "), "offline sends nothing: "
                + offlineLabel.getText());
        interact(() -> context.parameters().backendProperty().set(BackendChoice.MODELSLAB));
        assertEquals(expected, context.generation().cropPreviewProperty().get());
        assertTrue(plan.box().width() < 3000 && plan.box().x() > 1000, "a crop around the stroke: " + plan.box());
        assertTrue(isShown(box), "a mask: the box shows");
        assertBoxAt(plan.box(), box);
        Label label = (Label) box.getParent().lookup("#cropBoxLabel");
        assertTrue(label.getText().startsWith("Sends " + plan.size().width() + " × " + plan.size().height()
                + " of this " + plan.box().width() + " × " + plan.box().height() + " area"), label.getText());

        // Zoom in at a point and pan: the box stays on the same picture pixels.
        interact(() -> editor.zoomAt(2.5, 500, 300));
        interact(() -> editor.panBy(-140, 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertBoxAt(plan.box(), box);

        // A second stroke far to the left grows the box, and it follows at once.
        moveTo(screenOfVisible(doc)).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        ContextCrop grown = context.generation().cropPreviewProperty().get();
        assertNotEquals(plan.box(), grown.box());
        assertEquals(ContextCrop.plan(doc.mask().copyCoverage(), doc.width(), doc.height(), CropSettings.DEFAULT), grown);
        assertBoxAt(grown.box(), box);

        // C and the View menu hide and show it.
        type(KeyCode.C);
        assertFalse(isShown(box), "C hides the box");
        CheckMenuItem item = (CheckMenuItem) lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals("View")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "menu-crop-box".equals(i.getId())).findFirst().orElseThrow();
        assertFalse(item.isSelected(), "the menu shows it hidden");
        interact(() -> item.setSelected(true));
        assertTrue(isShown(box), "the menu shows it again");
        assertBoxAt(grown.box(), box);

        // Whole-image mode: the box is the whole picture, said so.
        interact(() -> context.generation().cropSettingsProperty().set(new CropSettings(32, true, 8, true)));
        assertBoxAt(CropBox.whole(3000, 2000), box);
        assertTrue(label.getText().contains("the whole 3000 × 2000 picture"), label.getText());

        // Clearing the mask hides it.
        interact(() -> doc.clearMask());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(isShown(box), "an empty mask sends nothing: no box");
    }

    private static boolean isShown(Rectangle box) {
        return box.isVisible() && box.getParent().isVisible();
    }

    /** The drawn rectangle is the plan's box through the viewport (to the pixel the lines are snapped to). */
    private void assertBoxAt(CropBox expected, Rectangle drawn) {
        Viewport v = editor.viewport();
        assertTrue(isShown(drawn));
        assertEquals(v.toViewX(expected.x()), drawn.getX(), 1.0, "left");
        assertEquals(v.toViewY(expected.y()), drawn.getY(), 1.0, "top");
        assertEquals(v.toViewX(expected.right()), drawn.getX() + drawn.getWidth(), 1.5, "right");
        assertEquals(v.toViewY(expected.bottom()), drawn.getY() + drawn.getHeight(), 1.5, "bottom");
    }

    private Document open(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x / 100) % 2 == 0) ? 0x305080 : 0x6080a0);
            }
        }
        Path file = home.resolve("big-" + System.nanoTime() + ".png");
        ImageIO.write(img, "png", file.toFile());
        window.open(file).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = editor.documentProperty().get();
        assertNotNull(doc);
        return doc;
    }

    private Point2D screenOf(double x, double y) {
        return editor.localToScreen(editor.viewport().toViewX(x + 0.5), editor.viewport().toViewY(y + 0.5));
    }

    /** A picture point left of the first stroke that is inside the view after zooming and panning. */
    private Point2D screenOfVisible(Document doc) {
        Viewport v = editor.viewport();
        double x = Math.max(0, v.toImageX(40));
        double y = Math.min(doc.height() - 1, Math.max(0, v.toImageY(editor.getHeight() / 2)));
        assertTrue(x < 2000, "the view shows picture left of the first stroke: " + x);
        return screenOf(x, y);
    }
}
