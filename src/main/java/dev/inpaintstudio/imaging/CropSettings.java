package dev.inpaintstudio.imaging;

/**
 * How much of the picture is sent and how the result goes back.
 *
 * @param padding     pixels of context kept around the mask's bounding box before the box is grown
 *                    to the generation aspect
 * @param wholeImage  send the whole picture scaled to fit instead of a crop around the mask
 * @param featherPx   how far the mask edge is softened when the result is blended back; pixels the
 *                    softened mask does not reach stay exactly the original's
 * @param colorMatch  shift the result's mean colour to the original's in a ring just beyond the
 *                    feather before blending, which hides seams from a global colour drift
 */
public record CropSettings(int padding, boolean wholeImage, int featherPx, boolean colorMatch) {
    public static final int DEFAULT_PADDING = 32;
    /** 8 px: wide enough to hide a seam at the 1–2× scales a crop is usually sent at, narrow enough
     * that the unmasked context right next to a small mask keeps its detail. */
    public static final int DEFAULT_FEATHER = 8;
    public static final CropSettings DEFAULT = new CropSettings(DEFAULT_PADDING, false, DEFAULT_FEATHER, true);
    /** The behaviour before crops: whole picture, hard mask edge, no colour matching. */
    public static final CropSettings WHOLE_IMAGE = new CropSettings(DEFAULT_PADDING, true, 0, false);

    public CropSettings {
        if (padding < 0 || padding > 4096) {
            throw new IllegalArgumentException("Padding must be 0–4096 px, not " + padding);
        }
        if (featherPx < 0 || featherPx > 256) {
            throw new IllegalArgumentException("Feather must be 0–256 px, not " + featherPx);
        }
    }
}
