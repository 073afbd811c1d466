package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.tool.BrushTool;
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
            BrushTool brush = new BrushTool(mask, small, () -> 60, (i % 2) == 1);
            brush.press(100 + i, 100);
            brush.release(100 + i, 100);
        }
        assertTrue(small.usedBytes() <= 30_000 || small.undoCount() == 1, "used " + small.usedBytes());
        assertTrue(small.undoCount() < 20, "oldest steps dropped: " + small.undoCount());
        assertTrue(small.canUndo());
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
