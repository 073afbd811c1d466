package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.ops.MaskOps;
import dev.inpaintstudio.editor.ops.Selection;
import dev.inpaintstudio.editor.tool.BrushTool;
import dev.inpaintstudio.editor.tool.LassoTool;
import dev.inpaintstudio.editor.tool.MagicWandTool;
import dev.inpaintstudio.editor.tool.PointerInput;
import dev.inpaintstudio.editor.tool.PolygonLassoTool;
import dev.inpaintstudio.editor.tool.ShapeTool;
import dev.inpaintstudio.editor.tool.StrokeEnd;
import dev.inpaintstudio.editor.tool.ToolKey;
import dev.inpaintstudio.editor.tool.ToolKind;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every kind of mask edit is one history step that undo and redo restore byte for byte; the test
 * fails when a tool or a {@link MaskCommands} operation has no such check.
 */
class EditTypesUndoTest {
    private static final Executor SAME_THREAD = Runnable::run;

    private final Document doc = new Document(picture(320, 240), "t", null, History.DEFAULT_BUDGET_BYTES);
    private final MaskLayer mask = doc.mask();
    private final History history = doc.history();
    private final MaskCommands commands = new MaskCommands(doc, SAME_THREAD, SAME_THREAD, null);
    private boolean subtract;
    /** What {@link #everyEditTypeUndoesAndRedoesExactly} went through, checked against every tool and operation. */
    private final Set<ToolKind> toolsExercised = EnumSet.noneOf(ToolKind.class);
    private final Set<String> operationsExercised = new TreeSet<>();

    @Test
    void everyEditTypeUndoesAndRedoesExactly() {
        HistoryChecker all = HistoryChecker.record(mask, history);
        StrokeEnd strokeEnd = new StrokeEnd();
        BrushTool hard = new BrushTool(mask, history, () -> 30, () -> 1, () -> false, strokeEnd);
        BrushTool soft = new BrushTool(mask, history, () -> 50, () -> 0.2, () -> false, strokeEnd);
        BrushTool eraser = new BrushTool(mask, history, () -> 12, () -> 0.7, () -> true, strokeEnd);
        step(ToolKind.BRUSH, () -> stroke(hard, 20, 20, 300, 60));
        step(ToolKind.BRUSH, () -> stroke(soft, 40, 200, 280, 120));
        step(ToolKind.ERASER, () -> stroke(eraser, 150, 10, 150, 230));
        step(ToolKind.BRUSH, () -> {
            hard.press(PointerInput.at(300, 200).withShift()); // straight line from the last stroke's end
            hard.release(PointerInput.at(300, 200).withShift());
        });
        step(ToolKind.ERASER, () -> {
            eraser.press(PointerInput.at(20, 20).withShift()); // from the brush's line back to the start
            eraser.release(PointerInput.at(20, 20).withShift());
        });
        step(ToolKind.BRUSH, () -> stroke(hard, 60, 120, 60, 120)); // a single dab…
        step(ToolKind.BRUSH, () -> {
            hard.press(PointerInput.at(120, 120).withAlt()); // …and Alt erases with the brush
            hard.release(PointerInput.at(60, 120).withAlt());
        });
        ShapeTool rect = new ShapeTool(commands, false, () -> subtract);
        ShapeTool ellipse = new ShapeTool(commands, true, () -> subtract);
        step(ToolKind.RECTANGLE, () -> drag(rect, PointerInput.at(200, 150), PointerInput.at(260, 220)));
        step(ToolKind.RECTANGLE, () -> drag(rect, PointerInput.at(210, 160).withAlt(), PointerInput.at(230, 180).withAlt()));
        step(ToolKind.ELLIPSE, () -> drag(ellipse, PointerInput.at(10, 100), PointerInput.at(90, 180)));
        subtract = true;
        step(ToolKind.ELLIPSE, () -> drag(ellipse, PointerInput.at(30, 120), PointerInput.at(60, 150)));
        subtract = false;
        LassoTool lasso = new LassoTool(commands, () -> subtract);
        step(ToolKind.LASSO, () -> {
            lasso.press(PointerInput.at(100, 100));
            lasso.drag(PointerInput.at(180, 110));
            lasso.drag(PointerInput.at(170, 190));
            lasso.release(PointerInput.at(110, 170));
        });
        step(ToolKind.LASSO, () -> {
            lasso.press(PointerInput.at(120, 120).withAlt());
            lasso.drag(PointerInput.at(150, 125).withAlt());
            lasso.release(PointerInput.at(140, 160).withAlt());
        });
        PolygonLassoTool polygon = new PolygonLassoTool(commands, () -> subtract);
        step(ToolKind.POLYGON, () -> {
            polygon.press(PointerInput.at(250, 20));
            polygon.press(PointerInput.at(310, 30));
            polygon.press(PointerInput.at(290, 90));
            assertTrue(polygon.key(ToolKey.ENTER));
        });
        MagicWandTool wand = new MagicWandTool(commands, () -> 10, () -> true, () -> subtract);
        step(ToolKind.WAND, () -> wand.press(PointerInput.at(5, 235)));
        MagicWandTool globalWand = new MagicWandTool(commands, () -> 10, () -> false, () -> subtract);
        step(ToolKind.WAND, () -> globalWand.press(PointerInput.at(170, 5).withAlt()));
        step("invert", commands::invert);
        step("grow", () -> commands.grow(5));
        step("shrink", () -> commands.shrink(9));
        step("feather", () -> commands.feather(6));
        step("fillAll", commands::fillAll);
        step("clear", commands::clear);
        step("applySelection", () -> commands.applySelection("Selection", () -> square(40, 40, 30), false, false));
        step("applySelection", () -> commands.applySelection("Selection", () -> square(50, 50, 10), true, false));
        step("replace", () -> commands.replace("Import mask", MaskOps.invert(MaskOpsTestData.stripes(320, 240))));
        step("Document.clearMask", doc::clearMask);
        all.verifyAll();
        HistoryChecker.assertEveryEditType(toolsExercised, operationsExercised);
    }

    @Test
    void theCheckNamesAToolOrOperationLeftOut() {
        Set<ToolKind> allTools = EnumSet.allOf(ToolKind.class);
        Set<String> allOperations = HistoryChecker.maskOperations();
        assertTrue(allOperations.containsAll(Set.of("invert", "clear", "fillAll", "grow", "shrink", "feather", "replace",
                "applySelection")), "found by reflection: " + allOperations);
        HistoryChecker.assertEveryEditType(allTools, allOperations);

        Set<ToolKind> noWand = EnumSet.complementOf(EnumSet.of(ToolKind.WAND));
        AssertionFailedError tool = assertThrows(AssertionFailedError.class,
                () -> HistoryChecker.assertEveryEditType(noWand, allOperations));
        assertTrue(tool.getMessage().contains("WAND"), tool.getMessage());
        Set<String> noFeather = new TreeSet<>(allOperations);
        noFeather.remove("feather");
        AssertionFailedError operation = assertThrows(AssertionFailedError.class,
                () -> HistoryChecker.assertEveryEditType(allTools, noFeather));
        assertTrue(operation.getMessage().contains("feather"), operation.getMessage());
    }

    @Test
    void largeMasksAreTransformedInTheBackgroundAsOneStep() {
        int w = 2100;
        int h = 2100; // over MaskCommands.INLINE_PIXELS
        Document big = new Document(picture(w, h), "big", null, History.DEFAULT_BUDGET_BYTES);
        Queue<Runnable> worker = new ArrayDeque<>();
        Queue<Runnable> ui = new ArrayDeque<>();
        StringBuilder busyLog = new StringBuilder();
        MaskCommands big8 = new MaskCommands(big, worker::add, ui::add, t -> busyLog.append(t == null ? "idle;" : "busy;"));
        BrushTool brush = new BrushTool(big.mask(), big.history(), () -> 200, false);
        brush.press(1000, 1000);
        brush.release(1000, 1000);
        byte[] before = big.mask().copyCoverage();
        HistoryChecker all = HistoryChecker.record(big.mask(), big.history());

        CompletableFuture<Boolean> done = big8.feather(20);
        assertTrue(big8.isBusy(), "busy while the feather runs");
        assertFalse(big8.grow(3).join(), "a second operation is refused meanwhile");
        assertArrayEquals(before, big.mask().copyCoverage(), "nothing applied before the work is done");
        worker.remove().run();
        assertArrayEquals(before, big.mask().copyCoverage(), "the result waits for the UI thread");
        ui.remove().run();
        assertTrue(done.join());
        assertFalse(big8.isBusy());
        assertEquals("busy;idle;", busyLog.toString());
        assertEquals(2, big.history().undoCount(), "the stroke and one feather step");
        assertTrue(big.mask().get(1000 + 100, 1000) > 0 && big.mask().get(1000 + 100, 1000) < 255, "the edge is soft now");
        all.verifyAll();
    }

    @Test
    void historyBudgetCanChangeAndDropsTheOldestSteps() {
        for (int i = 0; i < 10; i++) {
            commands.invert();
            stroke(new BrushTool(mask, history, () -> 40, i % 2 == 0), 10 + i * 25, 10, 10 + i * 25, 230);
        }
        assertEquals(20, history.undoCount());
        long used = history.usedBytes();
        history.setBudgetBytes(used / 2);
        assertTrue(history.usedBytes() <= used / 2, "within the new budget");
        assertTrue(history.undoCount() < 20 && history.undoCount() > 0, "oldest dropped, newest kept: " + history.undoCount());
        assertEquals("Brush stroke", history.undoName(), "the newest step stays");
        history.undo();
        history.redo();
        assertThrows(IllegalArgumentException.class, () -> history.setBudgetBytes(0));
    }

    private void step(Runnable edit) {
        HistoryChecker.assertUndoRedoExact(mask, history, edit);
    }

    private void step(ToolKind tool, Runnable edit) {
        toolsExercised.add(tool);
        step(edit);
    }

    private void step(String operation, Runnable edit) {
        operationsExercised.add(operation);
        step(edit);
    }

    private static Selection square(int x, int y, int side) {
        byte[] coverage = new byte[side * side];
        java.util.Arrays.fill(coverage, (byte) 255);
        return new Selection(new PixelRect(x, y, side, side), coverage);
    }

    private static void stroke(BrushTool tool, double x0, double y0, double x1, double y1) {
        tool.press(x0, y0);
        for (int i = 1; i <= 8; i++) {
            tool.drag(x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8);
        }
        tool.release(x1, y1);
    }

    private static void drag(dev.inpaintstudio.editor.tool.Tool tool, PointerInput from, PointerInput to) {
        tool.press(from);
        tool.drag(to);
        tool.release(to);
    }

    /** Left half dark blue, right half light grey, a red square at the top right. */
    static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = x < w / 2 ? 0xff102060 : 0xffd0d0d0;
                if (x >= w - 80 && x < w - 20 && y < 60) {
                    c = 0xffe02020;
                }
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    /** Test masks. */
    static final class MaskOpsTestData {
        static byte[] stripes(int w, int h) {
            byte[] m = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    m[y * w + x] = (byte) (((x / 16) % 2 == 0) ? 255 : (y % 256));
                }
            }
            return m;
        }
    }
}
