package dev.inpaintstudio.local;

/**
 * Wexler's confidence: a hole pixel close to known pixels is trusted more, so votes from patches
 * near the border win and the fill grows inward from what is really there.
 */
final class BorderConfidence {
    /**
     * Confidence falls by this factor per pixel into the hole. Wexler et al. use 1.3; 1.5 lets the
     * patches anchored at the border decide a little more, which measured closer to the lost texture
     * on photographs with the holes placed from every seed tried (docs/offline-fill-evaluation.md),
     * while 2 and more wash large holes out to grey.
     */
    static final float DECAY = 1.5f;

    /**
     * In the patch distance an estimated pixel counts at least this much against a kept one.
     * Deep in the hole the confidences across one patch differ by DECAY^(patch size), and without
     * a floor the distance would hear only the patch's side nearest the rim.
     */
    static final float ESTIMATE_TRUST = 0.3f;

    private BorderConfidence() {
    }

    /** 1 for known pixels, DECAY^-distance inside the hole. */
    static float[] of(float[] holeDistance) {
        float[] c = new float[holeDistance.length];
        double logDecay = Math.log(DECAY);
        for (int i = 0; i < c.length; i++) {
            float d = holeDistance[i];
            // The floor keeps far-inside votes from vanishing to zero weight (all would be 0/0).
            c[i] = d == 0 ? 1f : (float) Math.max(1e-6, Math.exp(-d * logDecay));
        }
        return c;
    }

    /** How much each pixel's difference counts in the patch distance: its confidence, floored for estimates. */
    static float[] trust(float[] confidence) {
        float[] t = new float[confidence.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.max(confidence[i], ESTIMATE_TRUST);
        }
        return t;
    }
}
