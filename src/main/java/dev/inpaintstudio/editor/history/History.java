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
    private long budgetBytes;
    private long usedBytes;

    public History() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public History(long budgetBytes) {
        this.budgetBytes = checkBudget(budgetBytes);
    }

    /** The memory the steps may hold; the oldest are forgotten past it (the newest is always kept). */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Changes the budget, forgetting the oldest steps at once if they no longer fit. */
    public void setBudgetBytes(long budgetBytes) {
        this.budgetBytes = checkBudget(budgetBytes);
        if (trim()) {
            changed();
        }
    }

    private static long checkBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("History budget must be positive: " + bytes);
        }
        return bytes;
    }

    private boolean trim() {
        boolean dropped = false;
        while (usedBytes > budgetBytes && undo.size() + redo.size() > 1) {
            Edit oldest = undo.isEmpty() ? redo.removeLast() : undo.removeLast();
            usedBytes -= oldest.sizeInBytes();
            dropped = true;
        }
        return dropped;
    }

    /** Records an edit that has already been applied. */
    public void push(Edit edit) {
        undo.push(edit);
        usedBytes += edit.sizeInBytes();
        redo.forEach(e -> usedBytes -= e.sizeInBytes());
        redo.clear();
        trim();
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

    /** The step {@link #undo()} would undo, or null. */
    public Edit peekUndo() {
        return undo.peek();
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

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
