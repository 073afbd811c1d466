package dev.inpaintstudio.imaging;

/** A rectangle in a picture's pixels. */
public record CropBox(int x, int y, int width, int height) {
    public CropBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Empty box " + width + "×" + height);
        }
    }

    public static CropBox whole(int width, int height) {
        return new CropBox(0, 0, width, height);
    }

    public boolean isWhole(int imageWidth, int imageHeight) {
        return x == 0 && y == 0 && width == imageWidth && height == imageHeight;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }
}
