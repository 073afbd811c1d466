package dev.inpaintstudio.local;

/**
 * Sum of squared colour differences between the patch around a target and the patch around a
 * source. Target patches may hang over the picture's edge (only the inside is compared); source
 * patches never do.
 */
final class PatchDistance {
    private final float[] rgb;
    /** Per target pixel: how much its difference counts (known pixels are truth, estimates less so). */
    private final float[] trust;
    private final float[] texture;
    private final float textureWeight;
    private final int width;
    private final int height;
    private final int radius;

    PatchDistance(FillLevel level, float[] trust, TextureFeatures texture, float textureWeight, int radius) {
        this.rgb = level.colour;
        this.trust = trust;
        this.texture = texture.values;
        this.textureWeight = textureWeight;
        this.width = level.width;
        this.height = level.height;
        this.radius = radius;
    }

    /** Stops early once the sum reaches {@code cap} (the best so far): the exact value no longer matters. */
    float between(int target, int source, float cap) {
        int tx = target % width;
        int ty = target / width;
        int x0 = Math.max(-radius, -tx);
        int x1 = Math.min(radius, width - 1 - tx);
        int y0 = Math.max(-radius, -ty);
        int y1 = Math.min(radius, height - 1 - ty);
        int span = x1 - x0 + 1;
        float sum = 0;
        for (int dy = y0; dy <= y1; dy++) {
            int tp = target + dy * width + x0;
            int t = tp * 3;
            int s = (source + dy * width + x0) * 3;
            int sp = source + dy * width + x0;
            for (int k = 0; k < span; k++, t += 3, s += 3) {
                float d0 = rgb[t] - rgb[s];
                float d1 = rgb[t + 1] - rgb[s + 1];
                float d2 = rgb[t + 2] - rgb[s + 2];
                float e0 = texture[(tp + k) * 2] - texture[(sp + k) * 2];
                float e1 = texture[(tp + k) * 2 + 1] - texture[(sp + k) * 2 + 1];
                sum += trust[tp + k] * (d0 * d0 + d1 * d1 + d2 * d2 + textureWeight * (e0 * e0 + e1 * e1));
            }
            if (sum >= cap) {
                return sum;
            }
        }
        return sum;
    }

    /** How many pixels of the target's patch lie inside the picture. */
    int overlap(int target) {
        int tx = target % width;
        int ty = target / width;
        int nx = Math.min(radius, width - 1 - tx) - Math.max(-radius, -tx) + 1;
        int ny = Math.min(radius, height - 1 - ty) - Math.max(-radius, -ty) + 1;
        return nx * ny;
    }
}
