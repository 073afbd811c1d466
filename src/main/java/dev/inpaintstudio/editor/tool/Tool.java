package dev.inpaintstudio.editor.tool;

/** A mask tool driven by pointer events already converted to image coordinates by the viewport. */
public interface Tool {
    String name();

    void press(double x, double y);

    void drag(double x, double y);

    void release(double x, double y);
}
