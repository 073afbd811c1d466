package dev.inpaintstudio.editor;

/** A rectangle of whole pixels in image coordinates; empty when width or height is 0. */
public record PixelRect(int x, int y, int width, int height) {
    public static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("Negative size " + width + "×" + height);
        }
    }

    public static PixelRect ofBounds(int x0, int y0, int x1, int y1) {
        return x1 <= x0 || y1 <= y0 ? EMPTY : new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public PixelRect union(PixelRect other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        return ofBounds(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(right(), other.right()), Math.max(bottom(), other.bottom()));
    }

    public PixelRect intersect(PixelRect other) {
        return ofBounds(Math.max(x, other.x), Math.max(y, other.y),
                Math.min(right(), other.right()), Math.min(bottom(), other.bottom()));
    }

    public long area() {
        return (long) width * height;
    }
}
