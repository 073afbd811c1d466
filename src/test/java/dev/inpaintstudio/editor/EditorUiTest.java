package dev.inpaintstudio.editor;

import dev.inpaintstudio.app.AppWindowSetup;
import dev.inpaintstudio.app.AppContext;
import dev.inpaintstudio.app.MainWindow;
import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.tool.PolygonLassoTool;
import dev.inpaintstudio.editor.tool.ToolKind;
import dev.inpaintstudio.settings.AppPaths;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mask editor as an artist drives it, in the real window: each tool and shortcut with the mouse
 * and keyboard, checked on the mask's pixels — after zooming and panning, by aiming at what the
 * screen shows, so a mask landing offset from the picture fails.
 */
class EditorUiTest extends ApplicationTest {
    static final int W = 400;
    static final int H = 300;
    static final int BLUE = 0xff102060;
    static final int GREY = 0xffd0d0d0;
    static final int RED = 0xffe02020;
    static final int GREEN = 0xff20c040;

    /**
     * The wheel turned away from the user (zoom in). Monocle's robot reports the wheel with AWT's sign,
     * negative for "up", the reverse of GTK and Windows, where turning it away gives a positive deltaY
     * (checked by hand with xdotool under Xvfb); TestFX's DOWN is the away turn here.
     */
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

    // ---- tools -----------------------------------------------------------------------------

    @Test
    void theBrushLandsOnWhatTheScreenShowsAfterZoomingAndPanning() throws Exception {
        Document doc = open(picture());
        press(KeyCode.SHIFT).type(KeyCode.CLOSE_BRACKET, KeyCode.CLOSE_BRACKET).release(KeyCode.SHIFT);
        assertEquals(1.0, editor.hardnessProperty().get(), 1e-9, "Shift+] twice: 80 % → 100 %");

        Point2D anchor = screenOf(200, 150);
        moveTo(anchor);
        scroll(3, WHEEL_AWAY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.zoomProperty().get() > 1.3, "the wheel zoomed in: " + editor.zoomProperty().get());
        Point2D local = editor.screenToLocal(anchor);
        assertEquals(200, editor.viewport().toImageX(local.getX()), 1, "the point under the cursor stays put");
        assertEquals(150, editor.viewport().toImageY(local.getY()), 1);

        double ox = editor.viewport().offsetX();
        drag(anchor, MouseButton.MIDDLE).moveBy(-90, -40).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ox - 90, editor.viewport().offsetX(), 2, "middle-drag pans");
        ox = editor.viewport().offsetX();
        press(KeyCode.SPACE);
        drag(anchor, MouseButton.PRIMARY).moveBy(25, 10).release(MouseButton.PRIMARY);
        release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ox + 25, editor.viewport().offsetX(), 2, "Space+drag pans");
        assertTrue(doc.mask().isEmpty(), "panning does not paint");

        type(KeyCode.B);
        interact(() -> editor.brushSizeProperty().set(12));
        Point2D red = screenPointShowing(RED);
        clickOn(red);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D dot = imagePointUnder(red);
        assertTrue(dot.getX() > 300 && dot.getX() < 360 && dot.getY() > 20 && dot.getY() < 80, "aimed at the red square " + dot);
        assertEquals(255, doc.mask().get((int) dot.getX(), (int) dot.getY()), "the dab landed on the red square as shown");
        assertEquals(0, doc.mask().get((int) dot.getX() + 10, (int) dot.getY()), "and only there (12 px brush)");
        assertTint(red, "the screen shows the mask where it was painted");
        assertEquals(1, doc.history().undoCount());
    }

    @Test
    void bracketsSizeTheBrushAndEraserAndShiftClickDrawLines() throws Exception {
        Document doc = open(picture());
        interact(() -> editor.hardnessProperty().set(1));
        interact(() -> editor.brushSizeProperty().set(20));
        type(KeyCode.CLOSE_BRACKET);
        assertEquals(24, editor.brushSizeProperty().get(), 1e-9, "] grows by about a fifth");
        type(KeyCode.OPEN_BRACKET, KeyCode.OPEN_BRACKET);
        assertEquals(17, editor.brushSizeProperty().get(), 1e-9, "[ shrinks");
        press(KeyCode.SHIFT).type(KeyCode.OPEN_BRACKET).release(KeyCode.SHIFT);
        assertEquals(0.9, editor.hardnessProperty().get(), 1e-9, "Shift+[ softens");
        interact(() -> editor.hardnessProperty().set(1));
        interact(() -> editor.brushSizeProperty().set(20));

        moveTo(screenOf(50, 150)).press(MouseButton.PRIMARY).moveTo(screenOf(350, 150)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        for (int x = 50; x <= 350; x += 10) {
            assertEquals(255, doc.mask().get(x, 150), "continuous stroke at " + x);
        }
        press(KeyCode.SHIFT).clickOn(screenOf(350, 260)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(350, 205), "Shift+click drew a straight line down from the stroke's end");

        type(KeyCode.E);
        assertEquals(ToolKind.ERASER, editor.toolProperty().get());
        assertTrue(lookup("#tool-eraser").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "the toolbar shows the eraser");
        moveTo(screenOf(200, 100)).press(MouseButton.PRIMARY).moveTo(screenOf(200, 200)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(200, 150), "erased");
        assertEquals(255, doc.mask().get(120, 150), "erasing only under the eraser");
        assertEquals(3, doc.history().undoCount(), "stroke, line, erase");
    }

    @Test
    void rectangleAndEllipseAddAndSubtract() throws Exception {
        Document doc = open(picture());
        type(KeyCode.R);
        drag(screenOf(20, 20), MouseButton.PRIMARY).moveTo(screenOf(120, 100)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(70, 60));
        assertEquals(255, doc.mask().get(21, 21), "corners are covered: a rectangle, snapped to pixels");
        assertEquals(0, doc.mask().get(70, 110));

        type(KeyCode.X);
        assertTrue(editor.subtractProperty().get(), "X switches to subtract");
        drag(screenOf(40, 40), MouseButton.PRIMARY).moveTo(screenOf(60, 80)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(50, 60), "subtracted");
        assertEquals(255, doc.mask().get(100, 60), "the rest stays");
        type(KeyCode.X);
        assertFalse(editor.subtractProperty().get());

        press(KeyCode.ALT);
        drag(screenOf(90, 30), MouseButton.PRIMARY).moveTo(screenOf(110, 50)).release(MouseButton.PRIMARY);
        release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(100, 40), "Alt subtracts once");

        type(KeyCode.M);
        assertEquals(ToolKind.ELLIPSE, editor.toolProperty().get(), "M cycles the marquee");
        type(KeyCode.M);
        assertEquals(ToolKind.RECTANGLE, editor.toolProperty().get());
        type(KeyCode.O);
        assertEquals(ToolKind.ELLIPSE, editor.toolProperty().get());
        drag(screenOf(200, 150), MouseButton.PRIMARY).moveTo(screenOf(300, 250)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(250, 200), "ellipse centre");
        assertEquals(0, doc.mask().get(203, 153), "the ellipse leaves its bounding box's corners");
        assertEquals(4, doc.history().undoCount());
    }

    @Test
    void lassoAndPolygonLasso() throws Exception {
        Document doc = open(picture());
        type(KeyCode.L);
        moveTo(screenOf(30, 30)).press(MouseButton.PRIMARY).moveTo(screenOf(180, 40)).moveTo(screenOf(100, 180))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(100, 80), "inside the lasso");
        assertEquals(0, doc.mask().get(170, 150), "outside");

        type(KeyCode.P);
        PolygonLassoTool polygon = (PolygonLassoTool) editor.tool(ToolKind.POLYGON);
        clickOn(screenOf(250, 150));
        clickOn(screenOf(380, 160));
        clickOn(screenOf(300, 280));
        assertEquals(3, polygon.corners());
        clickOn(screenOf(251, 151)); // the first corner closes it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, polygon.corners());
        assertEquals(255, doc.mask().get(310, 190), "inside the polygon");
        assertEquals(0, doc.mask().get(260, 260));

        clickOn(screenOf(20, 200));
        clickOn(screenOf(80, 200));
        clickOn(screenOf(50, 260));
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, polygon.corners(), "Esc drops the polygon");
        assertEquals(0, doc.mask().get(50, 220));

        clickOn(screenOf(20, 200));
        clickOn(screenOf(80, 200));
        doubleClickOn(screenOf(50, 260));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(50, 220), "a double-click closes it");

        clickOn(screenOf(150, 200));
        clickOn(screenOf(190, 200));
        clickOn(screenOf(190, 290)); // a misplaced corner…
        type(KeyCode.BACK_SPACE); // …taken back
        clickOn(screenOf(170, 240));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(172, 210), "Enter closes it");
        assertEquals(0, doc.mask().get(188, 280), "without the removed corner");
        assertEquals(4, doc.history().undoCount());
    }

    @Test
    void magicWandContiguousAndEverywhere() throws Exception {
        Document doc = open(picture());
        type(KeyCode.W);
        clickOn(screenOf(330, 50));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(301, 21), "the whole red square");
        assertEquals(255, doc.mask().get(359, 79));
        assertEquals(0, doc.mask().get(361, 50), "not the grey around it");
        assertEquals(0, doc.mask().get(230, 280), "not the far red square (not connected)");

        clickOn(lookup("#contiguous").queryAs(javafx.scene.control.CheckBox.class));
        assertFalse(editor.wandContiguousProperty().get());
        clickOn(screenOf(330, 50));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(230, 280), "every similar pixel when not contiguous");
        assertEquals(0, doc.mask().get(100, 100));
    }

    // ---- mask operations, view options ------------------------------------------------------

    @Test
    void maskMenuAndShortcutsInvertClearFillGrowAndShowHide() throws Exception {
        Document doc = open(picture());
        HistoryChecker session = HistoryChecker.record(doc.mask(), doc.history());
        type(KeyCode.R);
        drag(screenOf(100, 100), MouseButton.PRIMARY).moveTo(screenOf(200, 200)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(150, 150), "Ctrl+I inverted");
        assertEquals(255, doc.mask().get(10, 10));
        press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);

        clickOn("Mask").clickOn("Grow…");
        Spinner<?> spinner = lookup("#pixels").queryAs(Spinner.class);
        doubleClickOn(spinner.getEditor()).write("10").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(205, 150), "grown by 10 px");
        assertEquals(0, doc.mask().get(215, 150));

        clickOn("Mask").clickOn("Feather…");
        Spinner<?> feather = lookup("#pixels").queryAs(Spinner.class);
        doubleClickOn(feather.getEditor()).write("8");
        clickOn(lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        int edge = doc.mask().get(210, 150);
        assertTrue(edge > 20 && edge < 235, "feathered edge: " + edge);

        clickOn("Mask").clickOn("Shrink…");
        doubleClickOn(lookup("#pixels").queryAs(Spinner.class).getEditor()).write("20").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().get(195, 150), "shrunk by 20 px from the feathered edge at 210");
        assertEquals(255, doc.mask().get(185, 150));

        Point2D inside = screenOf(150, 150);
        moveTo(inside);
        assertTint(inside, "the mask shows");
        type(KeyCode.H);
        assertFalse(editor.maskVisibleProperty().get(), "H hides the mask");
        assertEquals(BLUE, shown(inside), "hidden: the picture shows");
        type(KeyCode.H);
        clickOn("#outlineOnly");
        assertEquals(BLUE, shown(inside), "outline only: no tint inside");
        clickOn("#outlineOnly");
        assertTint(inside, "filled again");

        press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(5, 5), "Shift+Delete fills all");
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc.mask().isEmpty(), "Delete clears");
        interact(session::verifyAll); // undo and redo on the FX thread, where the app reads the mask
    }

    @Test
    void undoAndRedoFromTheKeyboardAndToolbar() throws Exception {
        Document doc = open(picture());
        HistoryChecker session = HistoryChecker.record(doc.mask(), doc.history());
        interact(() -> editor.brushSizeProperty().set(30));
        moveTo(screenOf(50, 50)).press(MouseButton.PRIMARY).moveTo(screenOf(350, 250)).release(MouseButton.PRIMARY);
        type(KeyCode.R);
        drag(screenOf(250, 30), MouseButton.PRIMARY).moveTo(screenOf(380, 90)).release(MouseButton.PRIMARY);
        type(KeyCode.E);
        moveTo(screenOf(50, 250)).press(MouseButton.PRIMARY).moveTo(screenOf(350, 50)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        byte[] end = doc.mask().copyCoverage();
        assertEquals(3, doc.history().undoCount());

        press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.history().undoCount(), "Ctrl+Z twice");
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(end, doc.mask().copyCoverage(), "Ctrl+Shift+Z and Ctrl+Y redo exactly");
        clickOn("#undo");
        clickOn("#redo");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(end, doc.mask().copyCoverage(), "the toolbar buttons too");
        interact(session::verifyAll); // undo and redo on the FX thread, where the app reads the mask
    }

    @Test
    void zoomKeysMenuAndZoomBox() throws Exception {
        open(picture());
        press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertEquals(1, editor.zoomProperty().get(), 1e-9, "Ctrl+1 is 100 %");
        moveTo(screenOf(100, 100));
        type(KeyCode.ADD);
        assertEquals(1.5, editor.zoomProperty().get(), 1e-9, "+ steps up");
        type(KeyCode.MINUS, KeyCode.MINUS);
        assertEquals(0.6667, editor.zoomProperty().get(), 1e-9, "− steps down");
        press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.zoomProperty().get(), 1e-9, "Ctrl+0 fits (a small picture is not enlarged)");

        ComboBox<?> zoom = lookup("#zoom").queryAs(ComboBox.class);
        doubleClickOn(zoom.getEditor());
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write("250").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, editor.zoomProperty().get(), 1e-9, "typed 250 %");
        assertEquals("250 %", zoom.getEditor().getText());
        doubleClickOn(zoom.getEditor());
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write("99999").type(KeyCode.ENTER);
        assertEquals(32, editor.zoomProperty().get(), 1e-9, "at most 3200 %");
        doubleClickOn(zoom.getEditor());
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write("1").type(KeyCode.ENTER);
        assertEquals(0.05, editor.zoomProperty().get(), 1e-9, "at least 5 %");
    }

    @Test
    void theZoomBoxAppliesTheSameLevelAgainAfterTheWheelChangedIt() throws Exception {
        open(picture());
        ComboBox<?> zoom = lookup("#zoom").queryAs(ComboBox.class);
        typeZoom(zoom, "250");
        assertEquals(2.5, editor.zoomProperty().get(), 1e-9, "typed 250 %");
        moveTo(screenOf(200, 150));
        scroll(2, WHEEL_AWAY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(2.5, editor.zoomProperty().get(), 1e-3, "the wheel zoomed");
        assertEquals(EditorToolBar.percent(editor.zoomProperty().get()), zoom.getEditor().getText(), "the box follows the wheel");
        typeZoom(zoom, "250");
        assertEquals(2.5, editor.zoomProperty().get(), 1e-9, "typing the same level again applies it");
        assertEquals("250 %", zoom.getEditor().getText());

        pickZoom(zoom, "50 %");
        assertEquals(0.5, editor.zoomProperty().get(), 1e-9, "picked 50 %");
        moveTo(screenOf(200, 150));
        scroll(2, WHEEL_AWAY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(0.5, editor.zoomProperty().get(), 1e-3, "the wheel zoomed");
        pickZoom(zoom, "50 %");
        assertEquals(0.5, editor.zoomProperty().get(), 1e-9, "picking the same level again applies it");
        assertEquals("50 %", zoom.getEditor().getText());
    }

    @Test
    void theSizeSliderReachesAsFarAsTheBracketKeys() throws Exception {
        open(picture());
        Slider slider = lookup("#brushSize").queryAs(Slider.class);
        interact(() -> editor.brushSizeProperty().set(400));
        moveTo(screenOf(200, 150));
        type(KeyCode.CLOSE_BRACKET, KeyCode.CLOSE_BRACKET, KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(691, editor.brushSizeProperty().get(), 1e-9, "] past 500: 400 → 480 → 576 → 691");
        assertEquals(691, EditorToolBar.sliderToSize(slider.getValue()), 1e-9, "the slider shows 691 px too");
        assertTrue(slider.getValue() < slider.getMax(), "and is not pinned at its end");
        for (int i = 0; i < 5; i++) {
            type(KeyCode.CLOSE_BRACKET);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EditorShortcuts.MAX_BRUSH, editor.brushSizeProperty().get(), 1e-9, "] stops at the largest brush");
        assertEquals(slider.getMax(), slider.getValue(), 1e-9, "where the slider ends");
        assertEquals(EditorShortcuts.MAX_BRUSH, EditorToolBar.sliderToSize(slider.getMax()), 1e-9);
        assertEquals(EditorShortcuts.MIN_BRUSH, EditorToolBar.sliderToSize(slider.getMin()), 1e-9);

        // Dragging the slider drives the size: to the far left is the smallest brush, to the right the largest.
        javafx.scene.Node thumb = slider.lookup(".thumb");
        drag(thumb, MouseButton.PRIMARY).moveBy(-slider.getWidth() - 40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EditorShortcuts.MIN_BRUSH, editor.brushSizeProperty().get(), 1e-9, "slider at its left end");
        drag(thumb, MouseButton.PRIMARY).moveBy(slider.getWidth() + 40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EditorShortcuts.MAX_BRUSH, editor.brushSizeProperty().get(), 1e-9, "slider at its right end");
        moveTo(screenOf(200, 150));
        type(KeyCode.OPEN_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(833, editor.brushSizeProperty().get(), 1e-9, "[ from the slider's largest size");
        assertEquals(833, EditorToolBar.sliderToSize(slider.getValue()), 1e-9);
    }

    @Test
    void shiftClickWithTheEraserDrawsItsLineFromTheBrushStroke() throws Exception {
        Document doc = open(picture());
        interact(() -> {
            editor.hardnessProperty().set(1);
            editor.brushSizeProperty().set(20);
        });
        moveTo(screenOf(50, 150)).press(MouseButton.PRIMARY).moveTo(screenOf(350, 150)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.E);
        press(KeyCode.SHIFT).clickOn(screenOf(100, 150)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        for (int x = 100; x <= 350; x += 10) {
            assertEquals(0, doc.mask().get(x, 150), "erased along the line from the brush stroke's end, at x=" + x);
        }
        assertEquals(255, doc.mask().get(70, 150), "the stroke before the line stays");
        type(KeyCode.B);
        press(KeyCode.SHIFT).clickOn(screenOf(100, 250)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(100, 200), "and the brush's line from where the eraser stopped");
        assertEquals(3, doc.history().undoCount());
    }

    @Test
    void singleKeysDoNotFireWhileTypingInATextField() throws Exception {
        open(picture());
        ComboBox<?> zoom = lookup("#zoom").queryAs(ComboBox.class);
        clickOn(zoom.getEditor());
        assertTrue(EditorShortcuts.isTyping(zoom.getScene().getFocusOwner()), "the zoom box takes keys");
        interact(() -> editor.commands().fillAll());
        type(KeyCode.W, KeyCode.H, KeyCode.E, KeyCode.R, KeyCode.X, KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET);
        press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT);
        type(KeyCode.DELETE);
        assertEquals(ToolKind.BRUSH, editor.toolProperty().get(), "typing W, E, R in a field chose no tool");
        assertFalse(editor.subtractProperty().get(), "X did not switch to subtract");
        assertEquals(40, editor.brushSizeProperty().get(), 1e-9, "[ and ] did not size the brush");
        assertTrue(editor.maskVisibleProperty().get(), "nor did H hide the mask");
        assertEquals(255, editor.documentProperty().get().mask().get(10, 10), "nor did Delete clear it");
        assertEquals(1, editor.documentProperty().get().history().undoCount());
    }

    // ---- files -----------------------------------------------------------------------------

    @Test
    void exportAndImportRoundTripAndAMismatchAsksToRescale() throws Exception {
        Document doc = open(picture());
        EditorActions actions = new EditorActions(editor, Runnable::run);
        interact(() -> editor.hardnessProperty().set(0.3));
        moveTo(screenOf(60, 60)).press(MouseButton.PRIMARY).moveTo(screenOf(340, 240)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        byte[] painted = doc.mask().copyCoverage();

        Path file = home.resolve("exported-mask.png");
        actions.exportMask(file).get(10, TimeUnit.SECONDS);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
        assertArrayEquals(painted, dev.inpaintstudio.imaging.MaskImages.toCoverage(png), "lossless, white on black");

        interact(() -> doc.history().undo());
        assertTrue(doc.mask().isEmpty());
        assertTrue(fx(() -> actions.importMask(file)).get(10, TimeUnit.SECONDS));
        assertArrayEquals(painted, doc.mask().copyCoverage(), "the imported mask is the exported one");

        BufferedImage half = new BufferedImage(W / 2, H / 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H / 2; y++) {
            for (int x = 0; x < W / 4; x++) {
                half.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path small = home.resolve("half-size-mask.png");
        ImageIO.write(half, "png", small.toFile());
        byte[] before = doc.mask().copyCoverage();
        var declined = fx(() -> actions.importMask(small));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("Rescale").tryQuery().isPresent());
        clickOn(lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(javafx.scene.control.ButtonType.CANCEL));
        assertFalse(declined.get(10, TimeUnit.SECONDS));
        assertArrayEquals(before, doc.mask().copyCoverage(), "declining leaves the mask alone");

        var accepted = fx(() -> actions.importMask(small));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("Rescale").tryQuery().isPresent());
        clickOn(lookup("Rescale").queryAs(Button.class));
        assertTrue(accepted.get(10, TimeUnit.SECONDS));
        assertEquals(255, doc.mask().get(50, 150), "rescaled: the left quarter is masked");
        assertEquals(0, doc.mask().get(300, 150));
    }

    // ---- large pictures --------------------------------------------------------------------

    @Test
    void paintingLandsRightBeyondTheTextureLimit() throws Exception {
        int w = 17_000;
        int h = 1_200;
        BufferedImage wide = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        java.util.Arrays.fill(row, GREY);
        for (int x = 16_800; x < 16_860; x++) {
            row[x] = RED;
        }
        for (int y = 0; y < h; y++) {
            wide.setRGB(0, y, w, 1, row, 0, w);
        }
        Document doc = show(new Document(wide, "wide", null, History.DEFAULT_BUDGET_BYTES));
        assertTrue(editor.zoomProperty().get() < 0.06, "fitted: " + editor.zoomProperty().get());
        moveTo(screenOf(16_830, 600));
        scroll(20, WHEEL_AWAY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.zoomProperty().get() > 1, "zoomed in at the cursor: " + editor.zoomProperty().get());
        Point2D red = screenPointShowing(RED);
        interact(() -> editor.brushSizeProperty().set(10));
        interact(() -> editor.hardnessProperty().set(1));
        clickOn(red);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D hit = imagePointUnder(red);
        assertTrue(hit.getX() > 16_800 && hit.getX() < 16_860, "aimed at the red band past 16384 px: " + hit);
        assertEquals(255, doc.mask().get((int) hit.getX(), (int) hit.getY()), "the dab landed on the band as shown");
        assertEquals(0, doc.mask().get((int) hit.getX() - 20, (int) hit.getY()));
        assertTint(red, "and shows there");
    }

    @Test
    void aLargeMaskOperationRunsInTheBackgroundAndBlocksEditsMeanwhile() throws Exception {
        Queue<Runnable> tasks = new ArrayDeque<>();
        interact(() -> editor.setWorker(r -> {
            synchronized (tasks) {
                tasks.add(r);
            }
        }));
        Document doc = show(new Document(EditTypesUndoTest.picture(2100, 2100), "big", null, History.DEFAULT_BUDGET_BYTES));
        runQueued(tasks);
        type(KeyCode.R);
        drag(screenOf(500, 500), MouseButton.PRIMARY).moveTo(screenOf(1500, 1500)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.history().undoCount());

        clickOn("Mask").clickOn("Feather…");
        doubleClickOn(lookup("#pixels").queryAs(Spinner.class).getEditor()).write("30").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.isBusy(), "feathering 4.4 MP runs in the background");
        byte[] during = doc.mask().copyCoverage();
        drag(screenOf(100, 100), MouseButton.PRIMARY).moveTo(screenOf(300, 300)).release(MouseButton.PRIMARY);
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(during, doc.mask().copyCoverage(), "no painting or undo while it runs");
        assertTrue(lookup("#undo").queryAs(Button.class).isDisabled());

        runQueued(tasks);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !editor.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, doc.history().undoCount(), "one feather step");
        int edge = doc.mask().get(1000, 500);
        assertTrue(edge > 40 && edge < 215, "the edge is soft: " + edge);
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(255, doc.mask().get(1000, 500), "undone exactly");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Grey right half, blue left half, a red square at (300–360, 20–80), a similar red one at (200–260, 260–300). */
    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int c = x < W / 2 ? BLUE : GREY;
                if (x >= 300 && x < 360 && y >= 20 && y < 80) {
                    c = RED;
                }
                if (x >= 200 && x < 260 && y >= 260) {
                    c = 0xffe42224;
                }
                if (x >= 40 && x < 60 && y >= 280) {
                    c = GREEN;
                }
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    private Document open(BufferedImage image) throws Exception {
        Path file = home.resolve("picture-" + System.nanoTime() + ".png");
        ImageIO.write(image, "png", file.toFile());
        window.open(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = editor.documentProperty().get();
        assertNotNull(doc);
        interact(() -> editor.hardnessProperty().set(0.8));
        return doc;
    }

    private void typeZoom(ComboBox<?> zoom, String percent) {
        doubleClickOn(zoom.getEditor());
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write(percent).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the zoom box's list and clicks {@code item} in it. */
    private void pickZoom(ComboBox<?> zoom, String item) {
        clickOn(zoom.lookup(".arrow-button"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node cell = lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && item.equals(c.getText()) && c.isVisible() && c.getParent() != null && c.getParent().isVisible()).query();
        assertNotNull(cell, item + " in the list");
        clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Document show(Document doc) {
        interact(() -> {
            editor.documentProperty().set(doc);
            editor.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return doc;
    }

    private void runQueued(Queue<Runnable> tasks) {
        while (true) {
            Runnable r;
            synchronized (tasks) {
                r = tasks.poll();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    private <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private Point2D screenOf(double x, double y) {
        return editor.localToScreen(editor.viewport().toViewX(x + 0.5), editor.viewport().toViewY(y + 0.5));
    }

    private Point2D imagePointUnder(Point2D screen) {
        Point2D local = editor.screenToLocal(screen);
        return new Point2D(editor.viewport().toImageX(local.getX()), editor.viewport().toImageY(local.getY()));
    }

    private int shown(Point2D screen) throws Exception {
        Point2D local = editor.screenToLocal(screen);
        return fx(() -> editor.shownArgb(local.getX(), local.getY()));
    }

    private void assertTint(Point2D screen, String message) throws Exception {
        int c = shown(screen);
        assertTrue(((c >> 16) & 0xff) > ((c >> 8) & 0xff) + 40 || ((c >> 16) & 0xff) > 0xc0,
                message + String.format(": shown %08x", c));
        assertTrue(c != RED && c != GREY && c != BLUE, message + String.format(": shown %08x is the bare picture", c));
    }

    /** The centre, on screen, of the pixels the editor shows in {@code argb} — found on the screen, not computed. */
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
