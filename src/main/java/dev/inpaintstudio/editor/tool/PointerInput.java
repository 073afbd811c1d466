package dev.inpaintstudio.editor.tool;

/**
 * A pointer event in image coordinates (already converted by the viewport), with the modifiers
 * tools care about. {@code viewPixel} is the size of one screen pixel in image pixels, for
 * click tolerances that should feel the same at any zoom.
 */
public record PointerInput(double x, double y, boolean shift, boolean alt, int clickCount, double viewPixel) {
    public static PointerInput at(double x, double y) {
        return new PointerInput(x, y, false, false, 1, 1);
    }

    public PointerInput withShift() {
        return new PointerInput(x, y, true, alt, clickCount, viewPixel);
    }

    public PointerInput withAlt() {
        return new PointerInput(x, y, shift, true, clickCount, viewPixel);
    }

    public PointerInput withClicks(int clicks) {
        return new PointerInput(x, y, shift, alt, clicks, viewPixel);
    }
}
