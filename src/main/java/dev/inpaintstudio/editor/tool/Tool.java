package dev.inpaintstudio.editor.tool;

/**
 * A mask tool driven by pointer events already converted to image coordinates by the viewport.
 * One tool object lives as long as its document, so it may remember things between strokes.
 */
public interface Tool {
    String name();

    void press(PointerInput p);

    void drag(PointerInput p);

    void release(PointerInput p);

    /** The pointer moved with no button down. */
    default void move(PointerInput p) {
    }

    /** A key while this tool is active; true if the tool used it. */
    default boolean key(ToolKey key) {
        return false;
    }

    /** True while the tool holds unfinished work (a polygon being clicked in). */
    default boolean isWorking() {
        return false;
    }

    /** Drops unfinished work, if any, without changing the mask. */
    default void cancel() {
    }

    default ToolOverlay overlay() {
        return ToolOverlay.NONE;
    }

    default void press(double x, double y) {
        press(PointerInput.at(x, y));
    }

    default void drag(double x, double y) {
        drag(PointerInput.at(x, y));
    }

    default void release(double x, double y) {
        release(PointerInput.at(x, y));
    }
}
