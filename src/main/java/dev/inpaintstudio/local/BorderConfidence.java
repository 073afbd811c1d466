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
}
