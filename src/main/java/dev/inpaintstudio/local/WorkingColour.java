package dev.inpaintstudio.local;

/**
 * The colour space patches are compared in: luma and two colour differences, the colour ones
 * scaled down. The eye (and structure) lives mostly in luma, so a match that gets brightness
 * right beats one that only gets the hue right. Linear, so pyramid smoothing and votes mean the
 * same as in RGB, and the inverse is exact up to float rounding.
 */
final class WorkingColour {
    /** Weight of the colour differences against luma in the patch distance. */
    static final float CHROMA_WEIGHT = 0.5f;

    private WorkingColour() {
    }

    static void fromRgb(int rgb, float[] out, int at) {
        float r = (rgb >> 16) & 0xff;
        float g = (rgb >> 8) & 0xff;
        float b = rgb & 0xff;
        float y = 0.299f * r + 0.587f * g + 0.114f * b;
        out[at] = y;
        out[at + 1] = CHROMA_WEIGHT * (b - y);
        out[at + 2] = CHROMA_WEIGHT * (r - y);
    }

    /** Back to R, G, B (unclamped floats) into {@code rgb[0..2]}. */
    static void toRgb(float[] in, int at, float[] rgb) {
        float y = in[at];
        float cb = in[at + 1] / CHROMA_WEIGHT;
        float cr = in[at + 2] / CHROMA_WEIGHT;
        float r = cr + y;
        float b = cb + y;
        float g = (y - 0.299f * r - 0.114f * b) / 0.587f;
        rgb[0] = r;
        rgb[1] = g;
        rgb[2] = b;
    }
}
