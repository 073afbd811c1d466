package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.tool.BrushTool;
import dev.inpaintstudio.editor.tool.PointerInput;
import dev.inpaintstudio.editor.tool.StrokeEnd;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MaskEditingTest {
    private final MaskLayer mask = new MaskLayer(500, 300);
    private final History history = new History();

    @Test
    void aBrushStrokeIsOneUndoStepRestoredExactly() {
        HistoryChecker.assertUndoRedoExact(mask, history, () -> stroke(false, 10, 10, 480, 280, 30));
        assertEquals(255, mask.get(245, 145), "the stroke's path is covered");
        assertEquals(0, mask.get(480, 10), "far from the path stays clear");
    }

    @Test
    void fastStrokesLeaveNoGaps() {
        BrushTool brush = new BrushTool(mask, history, () -> 10, false);
        brush.press(20, 150);
        brush.drag(480, 150); // one big jump, as a fast mouse sends
        brush.release(480, 150);
        for (int x = 20; x <= 480; x++) {
            assertEquals(255, mask.get(x, 150), "covered at x=" + x);
        }
    }

    @Test
    void theEraserRemovesCoverageAndUndoesExactly() {
        stroke(false, 50, 150, 450, 150, 60);
        HistoryChecker.assertUndoRedoExact(mask, history, () -> stroke(true, 250, 100, 250, 200, 20));
        assertEquals(0, mask.get(250, 150));
        assertEquals(255, mask.get(150, 150));
    }

    @Test
    void shiftClickWithTheEraserStartsWhereTheBrushStrokeEnded() {
        StrokeEnd end = new StrokeEnd();
        BrushTool brush = new BrushTool(mask, history, () -> 20, () -> 1, () -> false, end);
        BrushTool eraser = new BrushTool(mask, history, () -> 20, () -> 1, () -> true, end);
        brush.press(50, 150);
        brush.drag(450, 150);
        brush.release(450, 150);
        eraser.press(PointerInput.at(100, 150).withShift());
        eraser.release(PointerInput.at(100, 150).withShift());
        for (int x = 100; x <= 450; x += 10) {
            assertEquals(0, mask.get(x, 150), "erased along the line from the brush stroke's end, at x=" + x);
        }
        assertEquals(255, mask.get(70, 150), "and only from there");

        brush.press(PointerInput.at(100, 250).withShift());
        brush.release(PointerInput.at(100, 250).withShift());
        assertEquals(255, mask.get(100, 200), "the brush's line starts where the eraser's ended");
        assertEquals(0, mask.get(300, 200), "not where the brush last was");
    }

    @Test
    void clearingTheMaskIsUndoable() {
        Document doc = new Document(new BufferedImage(500, 300, BufferedImage.TYPE_INT_ARGB), "t", null, History.DEFAULT_BUDGET_BYTES);
        new BrushTool(doc.mask(), doc.history(), () -> 40, false).press(100, 100);
        HistoryChecker.assertUndoRedoExact(doc.mask(), doc.history(), doc::clearMask);
        assertTrue(doc.mask().isEmpty());
    }

    @Test
    void strokesNotifyOnlyTheirDirtyArea() {
        List<PixelRect> dirty = new ArrayList<>();
        mask.addListener(dirty::add);
        stroke(false, 100, 100, 110, 100, 20);
        assertFalse(dirty.isEmpty());
        for (PixelRect r : dirty) {
            assertTrue(r.width() <= 24 && r.height() <= 24, "dab rect " + r);
        }
    }

    @Test
    void historyDropsTheOldestStepsPastItsBudget() {
        History small = new History(30_000);
        for (int i = 0; i < 20; i++) {
            // soft dabs on new ground: each step holds a few thousand distinct changed values
            BrushTool brush = new BrushTool(mask, small, () -> 60, () -> 0.1, () -> false);
            brush.press(30 + (i % 10) * 45, i < 10 ? 60 : 220);
            brush.release(30 + (i % 10) * 45, i < 10 ? 60 : 220);
        }
        assertTrue(small.usedBytes() <= 30_000 || small.undoCount() == 1, "used " + small.usedBytes());
        assertTrue(small.undoCount() < 20, "oldest steps dropped: " + small.undoCount());
        assertTrue(small.canUndo());
    }

    @Test
    void stepsStoreOnlyWhatChanged() {
        BrushTool brush = new BrushTool(mask, history, () -> 6, false);
        brush.press(5, 5);
        brush.drag(495, 295);
        brush.release(495, 295);
        assertTrue(history.usedBytes() < 20_000, "a thin diagonal over the whole mask is stored in "
                + history.usedBytes() + " bytes (its bounding box is 150 000)");
    }

    @Test
    void softBrushesGivePartialCoverageTowardsTheEdge() {
        BrushTool soft = new BrushTool(mask, history, () -> 60, () -> 0.3, () -> false);
        soft.press(250, 150);
        soft.release(250, 150);
        assertEquals(255, mask.get(250, 150), "full in the hard core");
        int mid = mask.get(250 + 20, 150);
        assertTrue(mid > 20 && mid < 235, "partial between core and edge: " + mid);
        assertTrue(mask.get(250 + 25, 150) < mid, "fading outward");
        assertEquals(0, mask.get(250 + 32, 150), "nothing past the radius");
        assertEquals(mask.get(250 - 20, 150), mask.get(250 + 19, 150), 40, "round");
    }

    @Test
    void shiftPressDrawsAStraightLineFromTheLastStroke() {
        BrushTool brush = new BrushTool(mask, history, () -> 8, false);
        brush.press(50, 50);
        brush.release(50, 50);
        brush.press(dev.inpaintstudio.editor.tool.PointerInput.at(450, 250).withShift());
        brush.release(dev.inpaintstudio.editor.tool.PointerInput.at(450, 250).withShift());
        assertEquals(2, history.undoCount(), "the line is its own step");
        for (int x = 50; x <= 450; x += 5) {
            int y = 50 + (x - 50) / 2;
            assertEquals(255, mask.get(x, y), "on the line at " + x + "," + y);
        }
        assertEquals(0, mask.get(250, 50), "not a fill, a line");
    }

    @Test
    void dabsFollowTheBrushSpacingWhateverTheEventRate() {
        MaskLayer a = new MaskLayer(500, 300);
        MaskLayer b = new MaskLayer(500, 300);
        BrushTool one = new BrushTool(a, history, () -> 20, false);
        one.press(20, 150);
        one.release(480, 150);
        BrushTool many = new BrushTool(b, history, () -> 20, false);
        many.press(20, 150);
        for (int x = 21; x < 480; x += 3) {
            many.drag(x, 150);
        }
        many.release(480, 150);
        assertArrayEquals(a.copyCoverage(), b.copyCoverage(), "the same dabs for one event or a hundred");
    }

    @Test
    void viewportConvertsBothWays() {
        Viewport v = new Viewport();
        v.fit(2000, 1000, 1000, 800);
        assertEquals(0.5, v.scale(), 1e-9);
        double ix = v.toImageX(v.toViewX(1234.5));
        assertEquals(1234.5, ix, 1e-9);
        double underCursorX = v.toImageX(300);
        double underCursorY = v.toImageY(400);
        v.zoomAt(2, 300, 400);
        assertEquals(1.0, v.scale(), 1e-9);
        assertEquals(underCursorX, v.toImageX(300), 1e-9, "the point under the cursor stays put");
        assertEquals(underCursorY, v.toImageY(400), 1e-9);
    }

    private void stroke(boolean erase, double x0, double y0, double x1, double y1, double size) {
        BrushTool tool = new BrushTool(mask, history, () -> size, erase);
        tool.press(x0, y0);
        for (int i = 1; i <= 10; i++) {
            tool.drag(x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10);
        }
        tool.release(x1, y1);
    }
}
