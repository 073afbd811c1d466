package dev.inpaintstudio.local;

/**
 * Sum of squared colour differences between the patch around a target and the patch around a
 * source. Target patches may hang over the picture's edge (only the inside is compared); source
 * patches never do.
 */
final class PatchDistance {
    private final float[] rgb;
    private final int width;
    private final int height;
    private final int radius;

    PatchDistance(FillLevel level, int radius) {
        this.rgb = level.rgb;
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
        int span = (x1 - x0 + 1) * 3;
        float sum = 0;
        for (int dy = y0; dy <= y1; dy++) {
            int t = (target + dy * width + x0) * 3;
            int s = (source + dy * width + x0) * 3;
            for (int k = 0; k < span; k++) {
                float d = rgb[t + k] - rgb[s + k];
                sum += d * d;
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
