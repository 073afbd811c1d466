package dev.inpaintstudio.local;

import java.util.Arrays;

/**
 * The M-step of Wexler et al.: each hole pixel becomes the weighted mean of what every patch
 * covering it says it should be. A patch's weight is its confidence (high near the hole's border)
 * times how well it matched, so a few good, well-anchored patches outvote many poor ones instead
 * of averaging into blur.
 */
final class PatchVoting {
    static final double SIGMA_PERCENTILE = 0.9;
    private final FillLevel level;
    private final NearestNeighbourField field;
    private final float[] confidence;
    private final int radius;
    private final RowBands bands;
    private final PatchDistance distance;
    private final TextureFeatures texture;

    PatchVoting(FillLevel level, NearestNeighbourField field, float[] confidence, TextureFeatures texture,
                PatchDistance distance, int radius, RowBands bands) {
        this.texture = texture;
        this.level = level;
        this.field = field;
        this.confidence = confidence;
        this.radius = radius;
        this.bands = bands;
        this.distance = distance;
    }

    /** Writes the new estimate into the hole pixels of the level; returns the patch weights it voted with. */
    float[] vote() {
        float[] weight = patchWeights();
        int w = level.width;
        int h = level.height;
        float[] colour = level.colour;
        float[] features = texture.values;
        // Sources lie wholly outside the hole, so reading them while hole pixels are written is safe.
        bands.forEach(h, band -> {
            for (int y = RowBands.firstRow(band); y < RowBands.endRow(band, h); y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (!level.hole[p]) {
                        continue;
                    }
                    float c0 = 0;
                    float c1 = 0;
                    float c2 = 0;
                    float tx = 0;
                    float ty = 0;
                    float sum = 0;
                    int qy0 = Math.max(0, y - radius);
                    int qy1 = Math.min(h - 1, y + radius);
                    int qx0 = Math.max(0, x - radius);
                    int qx1 = Math.min(w - 1, x + radius);
                    for (int qy = qy0; qy <= qy1; qy++) {
                        for (int qx = qx0; qx <= qx1; qx++) {
                            int q = qy * w + qx;
                            float wq = weight[q];
                            int s = field.source[q] + (y - qy) * w + (x - qx);
                            c0 += wq * colour[s * 3];
                            c1 += wq * colour[s * 3 + 1];
                            c2 += wq * colour[s * 3 + 2];
                            tx += wq * features[s * 2];
                            ty += wq * features[s * 2 + 1];
                            sum += wq;
                        }
                    }
                    if (sum > 0) {
                        colour[p * 3] = c0 / sum;
                        colour[p * 3 + 1] = c1 / sum;
                        colour[p * 3 + 2] = c2 / sum;
                        // Texture is voted like colour, not measured on the estimate: a still-blurry
                        // estimate would otherwise ask for flat patches and stay blurry.
                        features[p * 2] = tx / sum;
                        features[p * 2 + 1] = ty / sum;
                    }
                }
            }
        });
        return weight;
    }

    /**
     * confidence × exp(−d / 2σ²), σ² the 90th percentile of the per-pixel distances. Wexler et al.
     * take the 75th; the flatter weights let more good patches share each pixel, which measured
     * closer to the lost texture on photographs (docs/offline-fill-evaluation.md) without smearing it.
     */
    float[] patchWeights() {
        int n = field.target.length;
        float[] perPixel = new float[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (field.target[i]) {
                perPixel[i] = field.cost[i] / distance.overlap(i);
                count++;
            }
        }
        float[] sorted = new float[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (field.target[i]) {
                sorted[k++] = perPixel[i];
            }
        }
        Arrays.sort(sorted);
        float sigma2 = count == 0 ? 1f : Math.max(1f, sorted[(int) (SIGMA_PERCENTILE * (count - 1))]);
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            if (field.target[i]) {
                weight[i] = (float) (confidence[i] * Math.exp(-perPixel[i] / (2 * sigma2)));
            }
        }
        return weight;
    }
}
