package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;

import static org.junit.jupiter.api.Assertions.*;

/** Checks that the last edit on a history restores the mask byte for byte on undo, and again on redo. */
public final class HistoryChecker {
    private HistoryChecker() {
    }

    /** Run {@code edit} (which must push exactly one step) and verify undo and redo around it. */
    public static void assertUndoRedoExact(MaskLayer mask, History history, Runnable edit) {
        byte[] before = mask.copyCoverage();
        int steps = history.undoCount();
        edit.run();
        byte[] after = mask.copyCoverage();
        assertEquals(steps + 1, history.undoCount(), "the edit added exactly one history step");
        assertFalse(java.util.Arrays.equals(before, after), "the edit changed the mask");
        history.undo();
        assertArrayEquals(before, mask.copyCoverage(), "undo restores the mask exactly");
        history.redo();
        assertArrayEquals(after, mask.copyCoverage(), "redo restores the edited mask exactly");
    }
}
