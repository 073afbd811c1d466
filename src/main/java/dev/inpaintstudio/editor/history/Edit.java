package dev.inpaintstudio.editor.history;

/** One undoable step. It has already been done when it reaches the history. */
public interface Edit {
    String name();

    void undo();

    void redo();

    /** Memory held by this step, for the history's budget. */
    long sizeInBytes();
}
