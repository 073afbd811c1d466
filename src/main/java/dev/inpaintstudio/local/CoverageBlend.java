package dev.inpaintstudio.local;

/**
 * Puts the fill back into the picture through the coverage: fill × a + original × (1 − a), so a
 * feathered edge blends and pixels with coverage 0 stay exactly as they were.
 */
final class CoverageBlend {
    private CoverageBlend() {
    }

    /** Writes into {@code pixels} (the whole picture, packed RGB) the filled part of {@code area}. */
    static void apply(int[] pixels, int imageWidth, byte[] coverage, FillLevel filled, WorkArea area) {
        float[] fill = new float[3];
        for (int y = 0; y < area.height(); y++) {
            for (int x = 0; x < area.width(); x++) {
                int p = (area.y() + y) * imageWidth + area.x() + x;
                int a = coverage[p] & 0xff;
                if (a == 0) {
                    continue;
                }
                WorkingColour.toRgb(filled.colour, (y * area.width() + x) * 3, fill);
                int rgb = pixels[p];
                int r = blend(fill[0], (rgb >> 16) & 0xff, a);
                int g = blend(fill[1], (rgb >> 8) & 0xff, a);
                int b = blend(fill[2], rgb & 0xff, a);
                pixels[p] = (r << 16) | (g << 8) | b;
            }
        }
    }

    private static int blend(float fill, int original, int alpha) {
        float v = (fill * alpha + original * (255 - alpha)) / 255f;
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
