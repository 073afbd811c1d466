package dev.inpaintstudio.editor;

import dev.inpaintstudio.app.AppWindowSetup;
import dev.inpaintstudio.app.AppContext;
import dev.inpaintstudio.app.MainWindow;
import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.settings.AppPaths;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The editor zoomed in and panned, driven with the mouse and keyboard. Targets are put on screen
 * with arithmetic of this test's own — the picture's known layout, the zoom typed into the zoom box,
 * and where the rendered frame shows a marker — never with the editor's {@link Viewport}, so a mask
 * landing off where it was aimed fails. Also: Alt with each tool, the brush outline's size, the
 * overlay's colour and opacity, undo and redo from the keyboard and toolbar, and a 12000×8000 picture.
 */
class ZoomedEditingUiTest extends ApplicationTest {
    static final int W = 400;
    static final int H = 300;
    static final int GREY = 0xffd0d0d0;
    static final int RED = 0xffe02020;
    static final int GREEN = 0xff20c040;
    /** The red marker: the wand's target, and where the frame is measured. */
    static final int RED_X0 = 230;
    static final int RED_Y0 = 140;
    static final int RED_SIDE = 30;
    static final int GREEN_X0 = 250;
    static final int GREEN_Y0 = 180;
    static final int GREEN_SIDE = 15;
    /** See {@link EditorUiTest}: the wheel turned away from the user under Monocle. */
    private static final VerticalDirection WHEEL_AWAY = VerticalDirection.DOWN;

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

    /** view = image × scale + offset, as measured by this test. */
    private record Mapping(double scale, double offsetX, double offsetY) {
        double viewX(double imageX) {
            return imageX * scale + offsetX;
        }

        double viewY(double imageY) {
            return imageY * scale + offsetY;
        }
    }

    // ---- (a) tools at 250 % after a pan ------------------------------------------------------

    @Test
    void rectangleLassoWandAndEraserLandWhereAimedAt250PercentAfterPanning() throws Exception {
        Document doc = open(picture());
        Mapping m = zoomTo250AndPan();

        type(KeyCode.R);
        dragImage(m, 180, 135, 200, 150);
        assertEdges(doc, "rectangle", 180, 135, 200, 150);

        type(KeyCode.L);
        moveTo(screen(m, 210, 150)).press(MouseButton.PRIMARY).moveTo(screen(m, 225, 150)).moveTo(screen(m, 225, 165))
                .moveTo(screen(m, 210, 165)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEdges(doc, "lasso", 210, 150, 225, 165);

        type(KeyCode.W);
        clickOn(screen(m, RED_X0 + 2.5, RED_Y0 + 15)); // near the square's left edge: an offset would miss it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(RED_X0, RED_Y0), "the wand took the red square");
        assertEquals(255, doc.mask().get(RED_X0 + RED_SIDE - 1, RED_Y0 + RED_SIDE - 1));
        assertEquals(0, doc.mask().get(RED_X0 - 1, RED_Y0 + 15), "and nothing around it");
        assertEquals(0, doc.mask().get(RED_X0 + RED_SIDE, RED_Y0 + 15));
        assertEquals(0, doc.mask().get(RED_X0 + 15, RED_Y0 - 1));

        type(KeyCode.R);
        dragImage(m, 175, 175, 225, 195);
        type(KeyCode.E);
        interact(() -> {
            editor.brushSizeProperty().set(8);
            editor.hardnessProperty().set(1);
        });
        // Along the middle of pixel row 185, so rows 183 and 187 are 2 px off it, well inside the 4 px radius.
        moveTo(screen(m, 185.5, 185.5)).press(MouseButton.PRIMARY).moveTo(screen(m, 200.5, 185.5))
                .moveTo(screen(m, 215.5, 185.5)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        for (int x = 185; x <= 215; x += 5) {
            assertEquals(0, doc.mask().get(x, 185), "erased on the stroke at x=" + x);
            assertEquals(0, doc.mask().get(x, 183), "2 px above it (radius 4) at x=" + x);
            assertEquals(0, doc.mask().get(x, 187), "2 px below it at x=" + x);
            assertEquals(255, doc.mask().get(x, 179), "6 px above it the mask stays, x=" + x);
            assertEquals(255, doc.mask().get(x, 191), "6 px below it, x=" + x);
        }
        assertEquals(255, doc.mask().get(179, 185), "6 px before the stroke's start");
        assertEquals(255, doc.mask().get(221, 185), "6 px past its end");
        assertEquals(5, doc.history().undoCount());
    }

    // ---- (b) Alt swaps add and subtract for every tool ---------------------------------------

    @Test
    void altErasesWithTheBrushAndSubtractsWithLassoPolygonAndWand() throws Exception {
        Document doc = open(picture());
        Mapping m = zoomTo250AndPan();
        type(KeyCode.R);
        dragImage(m, 175, 135, 230, 170);
        dragImage(m, 246, 176, 270, 200);
        assertEquals(255, doc.mask().get(200, 150));
        assertEquals(255, doc.mask().get(GREEN_X0 + 5, GREEN_Y0 + 5), "the green square is masked");

        type(KeyCode.B);
        interact(() -> {
            editor.brushSizeProperty().set(8);
            editor.hardnessProperty().set(1);
        });
        press(KeyCode.ALT);
        moveTo(screen(m, 180, 140)).press(MouseButton.PRIMARY).moveTo(screen(m, 180, 155)).moveTo(screen(m, 180, 165))
                .release(MouseButton.PRIMARY);
        release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(180, 152), "Alt+brush erases");
        assertEquals(255, doc.mask().get(187, 152), "only under the brush");
        assertFalse(editor.subtractProperty().get(), "Alt swaps for one stroke only");

        type(KeyCode.L);
        press(KeyCode.ALT);
        moveTo(screen(m, 190, 140)).press(MouseButton.PRIMARY).moveTo(screen(m, 200, 140)).moveTo(screen(m, 200, 150))
                .moveTo(screen(m, 190, 150)).release(MouseButton.PRIMARY);
        release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(195, 145), "Alt+lasso subtracts");
        assertEquals(255, doc.mask().get(186, 145), "only inside the lasso");

        type(KeyCode.P);
        clickOn(screen(m, 210, 145));
        clickOn(screen(m, 222, 145));
        clickOn(screen(m, 222, 162));
        clickOn(screen(m, 210, 162));
        press(KeyCode.ALT);
        clickOn(screen(m, 210, 145)); // the first corner closes it, Alt held
        release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(216, 153), "Alt at the closing click subtracts the polygon");
        assertEquals(255, doc.mask().get(226, 153), "only inside it");

        type(KeyCode.W);
        press(KeyCode.ALT);
        clickOn(screen(m, GREEN_X0 + 7.5, GREEN_Y0 + 7.5));
        release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(GREEN_X0, GREEN_Y0), "Alt+wand takes the green square out");
        assertEquals(0, doc.mask().get(GREEN_X0 + GREEN_SIDE - 1, GREEN_Y0 + GREEN_SIDE - 1));
        assertEquals(255, doc.mask().get(GREEN_X0 - 2, GREEN_Y0 + 5), "the grey around it stays");
        assertEquals(255, doc.mask().get(GREEN_X0 + GREEN_SIDE + 1, GREEN_Y0 + 5));
        assertFalse(editor.subtractProperty().get());
    }

    // ---- (c) the brush outline ---------------------------------------------------------------

    @Test
    void theBrushOutlineIsTheBrushSizeAtAnyZoom() throws Exception {
        Document doc = open(picture());
        ComboBox<?> zoom = lookup("#zoom").queryAs(ComboBox.class);
        typeZoom(zoom, "250");
        interact(() -> {
            editor.brushSizeProperty().set(40);
            editor.hardnessProperty().set(1);
        });
        Point2D centre = editor.localToScreen(editor.getWidth() / 2, editor.getHeight() / 2);
        moveTo(centre);
        WaitForAsyncUtils.waitForFxEvents();
        Circle outline = lookup("#brushCursor").queryAs(Circle.class);
        assertTrue(outline.isVisible(), "the outline shows over the picture");
        assertEquals(40 / 2.0 * 2.5, outline.getRadius(), 1e-9, "radius = size / 2 × zoom at 250 %");
        Point2D local = editor.screenToLocal(centre);
        assertEquals(local.getX(), outline.getCenterX(), 1, "centred on the pointer");
        assertEquals(local.getY(), outline.getCenterY(), 1);

        clickOn(centre);
        WaitForAsyncUtils.waitForFxEvents();
        double painted = tintedRun(local.getX(), local.getY());
        assertEquals(2 * outline.getRadius(), painted, 4, "the dab drawn is as wide as the outline");
        assertFalse(doc.mask().isEmpty());

        typeZoom(zoom, "50");
        moveTo(centre.add(-30, 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40 / 2.0 * 0.5, outline.getRadius(), 1e-9, "radius at 50 %");
        type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(48 / 2.0 * 0.5, outline.getRadius(), 1e-9, "and follows ]");
    }

    // ---- (d) overlay colour and opacity ------------------------------------------------------

    @Test
    void overlayColourAndOpacityChangeWhatIsShown() throws Exception {
        open(picture());
        type(KeyCode.R);
        Point2D from = screenAtFit(100, 50);
        Point2D to = screenAtFit(200, 120);
        drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D inside = screenAtFit(150, 85);
        moveTo(screenAtFit(350, 250)); // the pointer off the spot looked at
        int before = shown(inside);
        assertNotEquals(GREY, before, "the overlay tints the masked grey");

        Slider opacity = lookup("#overlayOpacity").queryAs(Slider.class);
        Node thumb = opacity.lookup(".thumb");
        drag(thumb, MouseButton.PRIMARY).moveBy(opacity.getWidth() + 40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.overlayOpacityProperty().get(), 1e-9, "the opacity slider at its right end");
        Color red = editor.overlayColorProperty().get();
        assertEquals(rgbOf(red), shown(inside) & 0xffffff, "fully opaque: the overlay colour itself");

        ColorPicker picker = lookup("#overlayColor").queryAs(ColorPicker.class);
        clickOn(picker);
        WaitForAsyncUtils.waitForFxEvents();
        Node square = pickableSwatch(red);
        clickOn(square);
        WaitForAsyncUtils.waitForFxEvents();
        Color picked = picker.getValue();
        assertNotEquals(rgbOf(red), rgbOf(picked), "another colour was picked");
        assertEquals(picked, editor.overlayColorProperty().get());
        assertEquals(rgbOf(picked), shown(inside) & 0xffffff, "the overlay shows in the picked colour");

        drag(thumb, MouseButton.PRIMARY).moveBy(-opacity.getWidth() - 40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(opacity.getMin(), editor.overlayOpacityProperty().get(), 1e-9, "the slider at its left end");
        int faint = shown(inside);
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = (faint >> shift) & 0xff;
            int g = (GREY >> shift) & 0xff;
            int p = (rgbOf(picked) >> shift) & 0xff;
            assertTrue(Math.abs(c - g) <= Math.abs(p - g) * 0.15 + 2,
                    String.format("at the lowest opacity the picture shows through: %08x", faint));
        }
        assertNotEquals(GREY, faint | 0xff000000, "but the mask is still tinted");
    }

    // ---- (e) undo and redo from the keyboard and toolbar -------------------------------------

    @Test
    void lassoPolygonWandEllipseAndImportUndoAndRedoFromTheUi() throws Exception {
        Document doc = open(picture());
        HistoryChecker session = HistoryChecker.record(doc.mask(), doc.history());
        List<byte[]> states = new ArrayList<>();
        states.add(doc.mask().copyCoverage());

        type(KeyCode.L);
        moveTo(screenAtFit(20, 20)).press(MouseButton.PRIMARY).moveTo(screenAtFit(120, 30)).moveTo(screenAtFit(60, 110))
                .release(MouseButton.PRIMARY);
        states.add(changed(doc, states, "lasso"));

        type(KeyCode.P);
        clickOn(screenAtFit(300, 220));
        clickOn(screenAtFit(380, 230));
        doubleClickOn(screenAtFit(330, 290));
        states.add(changed(doc, states, "polygon"));

        type(KeyCode.W);
        clickOn(screenAtFit(RED_X0 + 15, RED_Y0 + 15));
        states.add(changed(doc, states, "wand"));

        type(KeyCode.O);
        drag(screenAtFit(40, 180), MouseButton.PRIMARY).moveTo(screenAtFit(150, 280)).release(MouseButton.PRIMARY);
        states.add(changed(doc, states, "ellipse"));

        Path file = home.resolve("import-" + System.nanoTime() + ".png");
        BufferedImage stripes = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                stripes.getRaster().setSample(x, y, 0, (x / 20) % 2 == 0 ? 255 : 0);
            }
        }
        ImageIO.write(stripes, "png", file.toFile());
        EditorActions actions = new EditorActions(editor, Runnable::run);
        assertTrue(fx(() -> actions.importMask(file)).get(10, TimeUnit.SECONDS));
        states.add(changed(doc, states, "import"));
        assertEquals(5, doc.history().undoCount());

        for (int i = states.size() - 2; i >= 0; i--) {
            if (i % 2 == 0) {
                press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            } else {
                clickOn("#undo");
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(states.get(i), doc.mask().copyCoverage(), "undo back to state " + i);
        }
        assertFalse(doc.history().canUndo());
        for (int i = 1; i < states.size(); i++) {
            switch (i % 3) {
                case 0 -> press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
                case 1 -> press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
                default -> clickOn("#redo");
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertArrayEquals(states.get(i), doc.mask().copyCoverage(), "redo to state " + i);
        }
        assertFalse(doc.history().canRedo());
        interact(session::verifyAll); // undo and redo on the FX thread, where the app reads the mask
    }

    // ---- a picture of 12000 × 8000 -----------------------------------------------------------

    @Test
    void aStrokeOnA12000By8000PictureLandsWherePaintedWhenZoomedIn() throws Exception {
        int w = 12_000;
        int h = 8_000;
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) big.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, GREY);
        fillSquare(pixels, w, 9_000, 6_000, 40, RED);
        fillSquare(pixels, w, 9_100, 6_000, 40, GREEN);
        Document doc = show(new Document(big, "huge", null, History.DEFAULT_BUDGET_BYTES));
        double fit = Math.min(1, Math.min((editor.getWidth() - 16) / w, (editor.getHeight() - 16) / h));
        assertEquals(fit, editor.zoomProperty().get(), 1e-9, "fitted");

        // Where the fitted picture shows image point (9070, 6020), from the fit's own arithmetic.
        double offX = Math.round((editor.getWidth() - 16 - w * fit) / 2) + 8;
        double offY = Math.round((editor.getHeight() - 16 - h * fit) / 2) + 8;
        moveTo(editor.localToScreen(9_070 * fit + offX, 6_020 * fit + offY));
        scroll(20, WHEEL_AWAY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.zoomProperty().get() > 1, "zoomed in at the cursor: " + editor.zoomProperty().get());

        interact(() -> {
            editor.brushSizeProperty().set(10);
            editor.hardnessProperty().set(1);
        });
        Point2D red = screenPointShowing(RED);
        Point2D green = screenPointShowing(GREEN);
        moveTo(red).press(MouseButton.PRIMARY).moveTo(red.midpoint(green)).moveTo(green).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.history().undoCount());
        for (int x = 9_020; x <= 9_120; x += 10) {
            assertEquals(255, doc.mask().get(x, 6_020), "the stroke from the red to the green square, at x=" + x);
        }
        // The stroke runs along pixel boundaries (x 9020 to 9120, y 6020). The 10 px brush covers pixels
        // whose centre is 3.5 px off it fully and those 6.5 px off not at all: an offset of 2 px fails.
        assertEquals(255, doc.mask().get(9_070, 6_016), "3.5 px above the stroke");
        assertEquals(0, doc.mask().get(9_070, 6_013), "6.5 px above it");
        assertEquals(255, doc.mask().get(9_070, 6_023), "3.5 px below it");
        assertEquals(0, doc.mask().get(9_070, 6_026), "6.5 px below it");
        assertEquals(255, doc.mask().get(9_016, 6_020), "3.5 px before its start (the red square's centre)");
        assertEquals(0, doc.mask().get(9_013, 6_020), "6.5 px before it");
        assertEquals(255, doc.mask().get(9_123, 6_020), "3.5 px past its end (the green square's centre)");
        assertEquals(0, doc.mask().get(9_126, 6_020), "6.5 px past it");
        assertTint(red.midpoint(green), "the screen shows the stroke where it was painted");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Grey, a red square at (230–260, 140–170) and a green one at (250–265, 180–195). */
    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, GREY);
        fillSquare(pixels, W, RED_X0, RED_Y0, RED_SIDE, RED);
        fillSquare(pixels, W, GREEN_X0, GREEN_Y0, GREEN_SIDE, GREEN);
        return img;
    }

    private static void fillSquare(int[] pixels, int width, int x0, int y0, int side, int argb) {
        for (int y = y0; y < y0 + side; y++) {
            Arrays.fill(pixels, y * width + x0, y * width + x0 + side, argb);
        }
    }

    /**
     * Types 250 % into the zoom box, then pans with a middle-drag of (−60, −40), and measures where
     * the frame now shows the red square. Checks that against the fit, zoom and pan arithmetic and
     * returns it.
     */
    private Mapping zoomTo250AndPan() throws Exception {
        double vw = editor.getWidth();
        double vh = editor.getHeight();
        double fit = Math.min(1, Math.min((vw - 16) / W, (vh - 16) / H));
        assertEquals(1, fit, 1e-9, "the test picture is shown at 100 % when fitted");
        double offX = Math.round((vw - 16 - W * fit) / 2) + 8;
        double offY = Math.round((vh - 16 - H * fit) / 2) + 8;
        // Zooming at the view's centre keeps the image point there in place.
        double zoomedX = vw / 2 - (vw / 2 - offX) / fit * 2.5;
        double zoomedY = vh / 2 - (vh / 2 - offY) / fit * 2.5;

        typeZoom(lookup("#zoom").queryAs(ComboBox.class), "250");
        assertEquals(2.5, editor.zoomProperty().get(), 1e-9);
        Point2D start = editor.localToScreen(Math.round(vw / 2), Math.round(vh / 2));
        drag(start, MouseButton.MIDDLE).moveBy(-30, -20).moveBy(-30, -20).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        Mapping expected = new Mapping(2.5, zoomedX - 60, zoomedY - 40);

        double[] box = shownBox(RED, expected.viewX(RED_X0 + RED_SIDE / 2.0), expected.viewY(RED_Y0 + RED_SIDE / 2.0));
        double shownScale = (box[2] - box[0]) / RED_SIDE;
        assertEquals(2.5, shownScale, 0.1, "the red square is shown 2.5 times its size");
        Mapping measured = new Mapping(2.5, box[0] - RED_X0 * 2.5, box[1] - RED_Y0 * 2.5);
        assertEquals(expected.offsetX(), measured.offsetX(), 2, "the picture is where fit, zoom and pan put it (x)");
        assertEquals(expected.offsetY(), measured.offsetY(), 2, "(y)");
        for (double[] p : new double[][] {{170, 130}, {275, 205}}) {
            double x = measured.viewX(p[0]);
            double y = measured.viewY(p[1]);
            assertTrue(x > 4 && y > 4 && x < vw - 4 && y < vh - 4, "image point " + Arrays.toString(p) + " is in view");
        }
        return measured;
    }

    /**
     * The bounds (left, top, right, bottom, in view pixels) of the pixels shown in {@code argb}
     * around view point (x, y), read from the rendered frame.
     */
    private double[] shownBox(int argb, double x, double y) throws Exception {
        return fx(() -> {
            double cx = Math.floor(x) + 0.5;
            double cy = Math.floor(y) + 0.5;
            assertEquals(argb, editor.shownArgb(cx, cy), "the colour is shown at the expected place");
            double left = cx;
            while (editor.shownArgb(left - 1, cy) == argb) {
                left--;
            }
            double right = cx;
            while (editor.shownArgb(right + 1, cy) == argb) {
                right++;
            }
            double top = cy;
            while (editor.shownArgb(cx, top - 1) == argb) {
                top--;
            }
            double bottom = cy;
            while (editor.shownArgb(cx, bottom + 1) == argb) {
                bottom++;
            }
            return new double[] {left - 0.5, top - 0.5, right + 0.5, bottom + 0.5};
        });
    }

    /** How many view pixels in a row, through (x, y), show the mask's tint. */
    private double tintedRun(double x, double y) throws Exception {
        return fx(() -> {
            double cy = Math.floor(y) + 0.5;
            double left = Math.floor(x) + 0.5;
            while (isTint(editor.shownArgb(left - 1, cy))) {
                left--;
            }
            double right = Math.floor(x) + 0.5;
            while (isTint(editor.shownArgb(right + 1, cy))) {
                right++;
            }
            return right - left + 1;
        });
    }

    private static boolean isTint(int c) {
        return c != 0 && c != GREY && ((c >> 16) & 0xff) > ((c >> 8) & 0xff) + 20;
    }

    /** Drags a shape from image point (x0, y0) to (x1, y1). */
    private void dragImage(Mapping m, double x0, double y0, double x1, double y1) {
        drag(screen(m, x0, y0), MouseButton.PRIMARY).moveTo(screen(m, x1, y1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A shape dragged or lassoed over [x0, x1) × [y0, y1) covers it: fully 2 px inside every edge,
     * not at all 2 px outside. A mask offset by 2 image px (5 screen px) fails.
     */
    private static void assertEdges(Document doc, String what, int x0, int y0, int x1, int y1) {
        int cx = (x0 + x1) / 2;
        int cy = (y0 + y1) / 2;
        assertEquals(255, doc.mask().get(x0 + 2, cy), what + ": inside its left edge");
        assertEquals(255, doc.mask().get(x1 - 3, cy), what + ": inside its right edge");
        assertEquals(255, doc.mask().get(cx, y0 + 2), what + ": inside its top edge");
        assertEquals(255, doc.mask().get(cx, y1 - 3), what + ": inside its bottom edge");
        assertEquals(0, doc.mask().get(x0 - 2, cy), what + ": outside its left edge");
        assertEquals(0, doc.mask().get(x1 + 1, cy), what + ": outside its right edge");
        assertEquals(0, doc.mask().get(cx, y0 - 2), what + ": outside its top edge");
        assertEquals(0, doc.mask().get(cx, y1 + 1), what + ": outside its bottom edge");
    }

    private Point2D screen(Mapping m, double imageX, double imageY) {
        return editor.localToScreen(m.viewX(imageX), m.viewY(imageY));
    }

    /** Where the fitted test picture (shown at 100 %, centred) has image point (x, y), by the fit's arithmetic. */
    private Point2D screenAtFit(double x, double y) {
        double offX = Math.round((editor.getWidth() - 16 - W) / 2) + 8;
        double offY = Math.round((editor.getHeight() - 16 - H) / 2) + 8;
        return editor.localToScreen(x + 0.5 + offX, y + 0.5 + offY);
    }

    private byte[] changed(Document doc, List<byte[]> states, String what) {
        WaitForAsyncUtils.waitForFxEvents();
        byte[] now = doc.mask().copyCoverage();
        assertFalse(Arrays.equals(states.get(states.size() - 1), now), what + " changed the mask");
        assertEquals(states.size(), doc.history().undoCount(), what + " is one step");
        return now;
    }

    /** A swatch of the open colour palette, not the current colour, on screen. */
    private Node pickableSwatch(Color current) {
        List<Node> squares = new ArrayList<>(lookup(".color-square").queryAll());
        for (Node n : squares) {
            if (n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing()
                    && n.getLayoutBounds().getWidth() > 4 && n instanceof javafx.scene.layout.Region) {
                javafx.scene.shape.Rectangle r = (javafx.scene.shape.Rectangle) ((javafx.scene.Parent) n)
                        .getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.shape.Rectangle)
                        .findFirst().orElse(null);
                if (r != null && r.getFill() instanceof Color c && c.getOpacity() == 1 && rgbOf(c) != rgbOf(current)
                        && Math.abs(c.getBlue() - c.getRed()) > 0.4) {
                    return n;
                }
            }
        }
        fail("no colour swatch found among " + squares.size());
        return null;
    }

    private static int rgbOf(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private void typeZoom(ComboBox<?> zoom, String percent) {
        doubleClickOn(zoom.getEditor());
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write(percent).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Document open(BufferedImage image) throws Exception {
        Path file = home.resolve("picture-" + System.nanoTime() + ".png");
        ImageIO.write(image, "png", file.toFile());
        window.open(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = editor.documentProperty().get();
        assertNotNull(doc);
        return doc;
    }

    private Document show(Document doc) {
        interact(() -> {
            editor.documentProperty().set(doc);
            editor.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return doc;
    }

    private <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
    }

    private int shown(Point2D screen) throws Exception {
        Point2D local = editor.screenToLocal(screen);
        return fx(() -> editor.shownArgb(local.getX(), local.getY()));
    }

    private void assertTint(Point2D screen, String message) throws Exception {
        int c = shown(screen);
        assertTrue(isTint(c), message + String.format(": shown %08x", c));
    }

    /** The centre, on screen, of the pixels the editor shows in {@code argb}, found in the rendered frame. */
    private Point2D screenPointShowing(int argb) throws Exception {
        double[] found = fx(() -> {
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int y = 0; y < editor.getHeight(); y += 2) {
                for (int x = 0; x < editor.getWidth(); x += 2) {
                    if (editor.shownArgb(x + 0.5, y + 0.5) == argb) {
                        sx += x + 0.5;
                        sy += y + 0.5;
                        n++;
                    }
                }
            }
            return new double[] {sx / Math.max(1, n), sy / Math.max(1, n), n};
        });
        assertTrue(found[2] > 10, "the colour is on screen");
        return editor.localToScreen(found[0], found[1]);
    }
}
