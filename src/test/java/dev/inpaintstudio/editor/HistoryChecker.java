package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.Edit;
import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.editor.tool.ToolKind;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checks that edits restore the mask byte for byte on undo, and again on redo: one edit at a time
 * ({@link #assertUndoRedoExact}), or a whole session ({@link #record}): every step pushed while
 * recording remembers the mask before and after it, and {@link #verifyAll()} undoes back to the
 * start and redoes to the end, comparing each state — so an edit that was added but does not
 * undo or redo exactly, or a step that went missing, fails.
 */
public final class HistoryChecker {
    private record Step(String name, byte[] before, byte[] after) {
    }

    private final MaskLayer mask;
    private final History history;
    private final Map<Edit, Step> steps = new IdentityHashMap<>();
    private final Runnable listener;
    private byte[] lastState;

    private HistoryChecker(MaskLayer mask, History history) {
        this.mask = mask;
        this.history = history;
        this.lastState = mask.copyCoverage();
        listener = () -> {
            byte[] now = mask.copyCoverage();
            Edit top = history.peekUndo();
            if (top != null && !steps.containsKey(top) && !history.canRedo()) {
                steps.put(top, new Step(top.name(), lastState, now));
            }
            lastState = now;
        };
        history.addListener(listener);
    }

    /** Starts recording every step pushed to {@code history}; finish with {@link #verifyAll()}. */
    public static HistoryChecker record(MaskLayer mask, History history) {
        return new HistoryChecker(mask, history);
    }

    /** Undoes every recorded step, then redoes them all, checking the mask before and after each. */
    public void verifyAll() {
        history.removeListener(listener);
        List<Step> undone = new ArrayList<>();
        while (history.canUndo() && steps.containsKey(history.peekUndo())) {
            Step s = steps.get(history.peekUndo());
            assertArrayEquals(s.after(), mask.copyCoverage(), "the mask after \"" + s.name() + "\"");
            history.undo();
            assertArrayEquals(s.before(), mask.copyCoverage(), "undo of \"" + s.name() + "\" restores the mask exactly");
            undone.add(s);
        }
        assertFalse(undone.isEmpty(), "some edits were recorded");
        assertEquals(steps.size(), undone.size(), "every recorded step is still in the history");
        for (int i = undone.size() - 1; i >= 0; i--) {
            Step s = undone.get(i);
            assertTrue(history.canRedo(), "\"" + s.name() + "\" can be redone");
            history.redo();
            assertArrayEquals(s.after(), mask.copyCoverage(), "redo of \"" + s.name() + "\" restores the mask exactly");
        }
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
        history.undo();
        history.redo();
        assertArrayEquals(after, mask.copyCoverage(), "a second undo and redo too");
    }

    /**
     * The mask operations {@link MaskCommands} offers: its public instance methods that return a
     * future, found by reflection, so one added later is in this set without anyone listing it.
     */
    public static Set<String> maskOperations() {
        return Arrays.stream(MaskCommands.class.getMethods())
                .filter(m -> m.getDeclaringClass() == MaskCommands.class && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == CompletableFuture.class)
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Fails unless every tool on the toolbar ({@link ToolKind}) and every mask operation of
     * {@link MaskCommands} is among those exercised: a new tool or operation needs its undo/redo check.
     */
    public static void assertEveryEditType(Set<ToolKind> toolsExercised, Set<String> operationsExercised) {
        Set<ToolKind> missingTools = EnumSet.allOf(ToolKind.class);
        missingTools.removeAll(toolsExercised);
        assertTrue(missingTools.isEmpty(), "tools with no undo/redo check: " + missingTools);
        Set<String> missingOperations = maskOperations();
        missingOperations.removeAll(operationsExercised);
        assertTrue(missingOperations.isEmpty(), "MaskCommands operations with no undo/redo check: " + missingOperations);
    }
}
