package dev.inpaintstudio.local;

/**
 * The last touch at the finest scale: where the copied patches disagree about a pixel just inside
 * the hole, it leans toward the kept pixels next to them, up to three quarters of the way one
 * pixel in and a quarter three pixels in. Such texture begins at the hole's edge with no relation
 * to the pixel beside it, while neighbouring pixels of a photograph are alike; this brings the rim
 * closer to what was lost (docs/offline-fill-evaluation.md). Where the patches agree (a pattern
 * copied exactly), they are left alone.
 */
final class RimBlend {
    /** How far into the hole, in pixels, the kept pixels still pull. */
    static final int BAND = 3;
    /** Kept pixels within this many pixels (a square window) are the ones that pull. */
    private static final int REACH = 3;

    private RimBlend() {
    }

    /**
     * Spread (variance, luma levels²) of the votes at which a pixel takes half its full pull: above
     * the noise of a photograph copied exactly, well below the disagreement over a random texture.
     */
    static final float HALF_PULL_SPREAD = 40;

    /**
     * @param holeDistance {@link HoleDistance#of} the level's hole
     * @param weight       each target patch's vote weight, as {@link PatchVoting} used them last
     */
    static void apply(FillLevel level, float[] holeDistance, NearestNeighbourField field, float[] weight, int radius) {
        int w = level.width;
        int h = level.height;
        float[] colour = level.colour;
        PixelVotes votes = new PixelVotes(level, field, weight, radius);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                float d = holeDistance[p];
                if (!level.hole[p] || d > BAND) {
                    continue;
                }
                // Only kept pixels are read, so blending in place reads no blended value.
                float c0 = 0;
                float c1 = 0;
                float c2 = 0;
                float sum = 0;
                for (int qy = Math.max(0, y - REACH); qy <= Math.min(h - 1, y + REACH); qy++) {
                    for (int qx = Math.max(0, x - REACH); qx <= Math.min(w - 1, x + REACH); qx++) {
                        int q = qy * w + qx;
                        if (level.hole[q]) {
                            continue;
                        }
                        float r2 = (qx - x) * (qx - x) + (qy - y) * (qy - y);
                        // Steep, so the nearest kept pixels speak and farther ones only steady them.
                        float k = 1f / (r2 * r2);
                        c0 += k * colour[q * 3];
                        c1 += k * colour[q * 3 + 1];
                        c2 += k * colour[q * 3 + 2];
                        sum += k;
                    }
                }
                if (sum == 0) {
                    continue;
                }
                float spread = votes.collect(x, y) ? votes.lumaSpread() : 0;
                float pull = (BAND + 1 - d) / (BAND + 1) * spread / (spread + HALF_PULL_SPREAD);
                colour[p * 3] += pull * (c0 / sum - colour[p * 3]);
                colour[p * 3 + 1] += pull * (c1 / sum - colour[p * 3 + 1]);
                colour[p * 3 + 2] += pull * (c2 / sum - colour[p * 3 + 2]);
            }
        }
    }
}
