package dev.inpaintstudio.local;

/**
 * What the search asks of a source besides a close match, as a factor on its patch distance (below
 * 1 favours it, above 1 holds it back). Without these, the middle of a large hole is pieced from
 * many small, unrelated copies whose votes disagree, and averaging them blurs the texture away.
 * <ul>
 *   <li>Coherence: a source that carries on a neighbour's copy (the same offset) is favoured, so
 *   the hole is filled with whole pieces that agree. The favour grows over the first few pixels
 *   into the hole: at the rim, pieces that differ are left to average into a seamless join.</li>
 *   <li>Nearness: a source further away than the hole's nearest kept pixels costs more. Texture
 *   nearby matches in scale, light and perspective (the courses of a wall narrowing with
 *   distance), and is what a retoucher would clone from.</li>
 *   <li>Reuse: a source area already copied more than once costs more, so nearness
 *   does not stamp the same leaf or stone over and over.</li>
 * </ul>
 */
final class SourcePreference {
    /** How much cheaper a coherent source is, once deep enough into the hole. */
    static final float COHERENCE_BONUS = 0.7f;
    /** Pixels into the hole over which the coherence bonus grows from nothing to full. */
    static final float COHERENCE_RAMP = 4;
    /** A source one picture-diagonal beyond the hole's nearest kept pixels costs this many times more, plus one. */
    static final float NEARNESS = 16;
    /** Each extra copy of a source area (on average over a patch) adds this to the factor. */
    static final float REUSE = 1;

    private final NearestNeighbourField field;
    private final float[] holeDistance;
    private final int radius;
    private final float diagonal;
    private final float[] uses;

    /**
     * @param holeDistance per pixel, the distance to the nearest kept pixel (0 outside the hole)
     * @param radius       the patch radius: reuse is counted over a patch-sized area
     */
    SourcePreference(NearestNeighbourField field, float[] holeDistance, int radius) {
        this.field = field;
        this.holeDistance = holeDistance;
        this.radius = radius;
        this.diagonal = (float) Math.hypot(field.width, field.height);
        this.uses = new float[field.width * field.height];
    }

    /**
     * Counts how often each source area is copied by the current matches. Called between passes,
     * not during them, so that the result does not depend on the order the threads run in.
     */
    void countUses() {
        int w = field.width;
        int h = field.height;
        float[] count = new float[w * h];
        for (int i = 0; i < count.length; i++) {
            if (field.target[i]) {
                count[field.source[i]]++;
            }
        }
        // Mean over the patch-sized square around each source: a piece copied once averages 1.
        float[] rows = new float[w * h];
        for (int y = 0; y < h; y++) {
            float sum = 0;
            for (int x = -radius; x < w; x++) {
                if (x + radius < w) {
                    sum += count[y * w + x + radius];
                }
                if (x - radius - 1 >= 0) {
                    sum -= count[y * w + x - radius - 1];
                }
                if (x >= 0) {
                    rows[y * w + x] = sum;
                }
            }
        }
        float area = (2 * radius + 1) * (2 * radius + 1);
        for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int y = -radius; y < h; y++) {
                if (y + radius < h) {
                    sum += rows[(y + radius) * w + x];
                }
                if (y - radius - 1 >= 0) {
                    sum -= rows[(y - radius - 1) * w + x];
                }
                if (y >= 0) {
                    uses[y * w + x] = sum / area;
                }
            }
        }
    }

    /** The factor on the distance from {@code target}'s patch to {@code source}'s. */
    float factor(int target, int source) {
        int w = field.width;
        int tx = target % w;
        int ty = target / w;
        float dx = source % w - tx;
        float dy = source / w - ty;
        float beyondNearest = Math.max(0f, (float) Math.sqrt(dx * dx + dy * dy) - holeDistance[target]);
        float factor = (1f + NEARNESS * beyondNearest / diagonal) * (1f + REUSE * Math.max(0f, uses[source] - 1f));
        if (continuesANeighbour(target, source, tx, ty)) {
            factor *= 1f - COHERENCE_BONUS * Math.min(1f, holeDistance[target] / COHERENCE_RAMP);
        }
        return factor;
    }

    private boolean continuesANeighbour(int target, int source, int tx, int ty) {
        int w = field.width;
        boolean[] isTarget = field.target;
        int[] from = field.source;
        return tx > 0 && isTarget[target - 1] && from[target - 1] == source - 1
                || tx + 1 < w && isTarget[target + 1] && from[target + 1] == source + 1
                || ty > 0 && isTarget[target - w] && from[target - w] == source - w
                || ty + 1 < field.height && isTarget[target + w] && from[target + w] == source + w;
    }
}
