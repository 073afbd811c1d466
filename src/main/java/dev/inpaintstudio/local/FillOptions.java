package dev.inpaintstudio.local;

/**
 * How the offline engine fills a hole.
 *
 * @param patchSize    side of the square patches compared and copied, odd, 3–21 px
 * @param quality      speed/quality preset
 * @param seed         the same seed, image and mask give the same output
 * @param sourceRegion null (take texture from anywhere outside the hole), or one byte per image
 *                     pixel: non-zero where texture may be taken from
 */
public record FillOptions(int patchSize, FillQuality quality, long seed, byte[] sourceRegion) {
    public static final int DEFAULT_PATCH_SIZE = 9;
    public static final FillOptions DEFAULT = new FillOptions(DEFAULT_PATCH_SIZE, FillQuality.BALANCED, 0, null);

    public FillOptions {
        if (patchSize < 3 || patchSize > 21 || patchSize % 2 == 0) {
            throw new IllegalArgumentException("Patch size must be an odd number of pixels from 3 to 21, not " + patchSize);
        }
        if (quality == null) {
            throw new IllegalArgumentException("A quality preset is needed");
        }
    }
}
