package dev.inpaintstudio.editor.history;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Undo and redo stacks with a memory budget: past it, the oldest steps are forgotten. */
public final class History {
    public static final long DEFAULT_BUDGET_BYTES = 256L * 1024 * 1024;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final long budgetBytes;
    private long usedBytes;

    public History() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public History(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** Records an edit that has already been applied. */
    public void push(Edit edit) {
        undo.push(edit);
        usedBytes += edit.sizeInBytes();
        redo.forEach(e -> usedBytes -= e.sizeInBytes());
        redo.clear();
        while (usedBytes > budgetBytes && undo.size() > 1) {
            usedBytes -= undo.removeLast().sizeInBytes();
        }
        changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit edit = undo.pop();
        edit.undo();
        redo.push(edit);
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Edit edit = redo.pop();
        edit.redo();
        undo.push(edit);
        changed();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        usedBytes = 0;
        changed();
    }

    public int undoCount() {
        return undo.size();
    }

    public long usedBytes() {
        return usedBytes;
    }

    public String undoName() {
        return undo.isEmpty() ? "" : undo.peek().name();
    }

    public String redoName() {
        return redo.isEmpty() ? "" : redo.peek().name();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
