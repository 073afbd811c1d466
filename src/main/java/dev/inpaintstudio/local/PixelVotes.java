package dev.inpaintstudio.local;

/**
 * What the target patches covering one pixel say it should be, each counted with its vote weight:
 * their mean colour and how far apart their lumas are. Gathered for one pixel at a time.
 */
final class PixelVotes {
    private final FillLevel level;
    private final NearestNeighbourField field;
    private final float[] weight;
    private final int radius;
    private final double[] sums = new double[3];
    private double total;
    private double lumaSquares;

    /** @param weight each target patch's vote weight, as {@link PatchVoting} uses them */
    PixelVotes(FillLevel level, NearestNeighbourField field, float[] weight, int radius) {
        this.level = level;
        this.field = field;
        this.weight = weight;
        this.radius = radius;
    }

    /** Gathers the votes for (x, y); false when no patch with any weight covers it. */
    boolean collect(int x, int y) {
        int w = level.width;
        int h = level.height;
        float[] colour = level.colour;
        sums[0] = 0;
        sums[1] = 0;
        sums[2] = 0;
        total = 0;
        lumaSquares = 0;
        for (int cy = Math.max(0, y - radius); cy <= Math.min(h - 1, y + radius); cy++) {
            for (int cx = Math.max(0, x - radius); cx <= Math.min(w - 1, x + radius); cx++) {
                int c = cy * w + cx;
                if (!field.target[c]) {
                    continue;
                }
                float wc = weight[c];
                int s = (field.source[c] + (y - cy) * w + (x - cx)) * 3;
                sums[0] += wc * colour[s];
                sums[1] += wc * colour[s + 1];
                sums[2] += wc * colour[s + 2];
                lumaSquares += wc * colour[s] * colour[s];
                total += wc;
            }
        }
        return total > 0;
    }

    /** The weighted mean of one working-colour channel (0 is luma) of the last pixel collected. */
    float mean(int channel) {
        return (float) (sums[channel] / total);
    }

    /** The weighted variance of the lumas voted for the last pixel collected. */
    float lumaSpread() {
        double mean = sums[0] / total;
        return (float) Math.max(0, lumaSquares / total - mean * mean);
    }
}
