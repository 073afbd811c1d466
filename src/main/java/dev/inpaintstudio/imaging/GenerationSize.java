package dev.inpaintstudio.imaging;

/**
 * The size sent to the API for a picture: at most {@link #MAX_SIDE} a side, both sides multiples of
 * {@link #MULTIPLE}, the picture's aspect kept as closely as those allow, never below {@link #MIN_SIDE}.
 */
public record GenerationSize(int width, int height) {
    public static final int MAX_SIDE = 1024;
    public static final int MIN_SIDE = 256;
    public static final int MULTIPLE = 8;

    public static GenerationSize fit(int sourceWidth, int sourceHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("Empty image: " + sourceWidth + "×" + sourceHeight);
        }
        double longSide = Math.max(sourceWidth, sourceHeight);
        double shortSide = Math.min(sourceWidth, sourceHeight);
        // Shrink anything larger than the limit; bring tiny pictures up so the model has room to work.
        double scale = Math.min(MAX_SIDE / longSide, 1.0);
        if (shortSide * scale < MIN_SIDE) {
            scale = Math.min(MIN_SIDE / shortSide, MAX_SIDE / longSide);
        }
        return new GenerationSize(snap(sourceWidth * scale), snap(sourceHeight * scale));
    }

    private static int snap(double side) {
        int snapped = (int) Math.round(side / MULTIPLE) * MULTIPLE;
        return Math.max(MULTIPLE, Math.min(MAX_SIDE, snapped));
    }
}
