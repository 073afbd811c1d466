package dev.inpaintstudio.imaging;

/**
 * The size sent to the API for a picture: at most {@link #MAX_SIDE} a side, both sides multiples of
 * {@link #MULTIPLE}, the picture's aspect kept as closely as those allow, never below {@link #MIN_SIDE}.
 */
public record GenerationSize(int width, int height) {
    public static final int MAX_SIDE = 1024;
    public static final int MIN_SIDE = 256;
    public static final int MULTIPLE = 8;

    /**
     * Shrinks anything larger than the limit and brings tiny pictures up so the model has room to
     * work. A picture thinner than {@code MAX_SIDE}:{@code MIN_SIDE} (4:1) cannot keep its aspect
     * and is sent at that extreme aspect, the closest allowed.
     */
    public static GenerationSize fit(int sourceWidth, int sourceHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("Empty image: " + sourceWidth + "×" + sourceHeight);
        }
        return ContextCrop.sizeFor(sourceWidth, sourceHeight, MAX_SIDE, MIN_SIDE);
    }
}
