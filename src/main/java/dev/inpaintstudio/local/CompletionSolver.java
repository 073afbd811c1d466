package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.util.List;

/**
 * Coarse-to-fine expectation-maximisation completion (Wexler, Shechtman and Irani, 2007): at each
 * level, alternate a PatchMatch search for every target patch's best source (E) with votes that
 * repaint the hole from those sources (M); then carry the matches up to the next finer level.
 */
final class CompletionSolver {
    /**
     * Weight of the texture features against colour in the patch distance: enough to keep busy
     * texture from being matched by flat patches, not so much that colour stops deciding.
     */
    static final float TEXTURE_WEIGHT = 1.5f;
    /** The part of the progress bar the last step, {@link GradientStitch}, takes: about its share of the time. */
    static final double STITCH_SHARE = 0.15;

    private final int patchSize;
    private final FillSchedule schedule;
    private final long seed;
    private final RowBands bands;
    private final Progress progress;
    private final CancellationToken cancel;

    CompletionSolver(int patchSize, FillSchedule schedule, long seed, RowBands bands, Progress progress,
                     CancellationToken cancel) {
        this.patchSize = patchSize;
        this.schedule = schedule;
        this.seed = seed;
        this.bands = bands;
        this.progress = progress;
        this.cancel = cancel;
    }

    /** Fills the hole of {@code finest} in place. */
    void complete(FillLevel finest) {
        int radius = patchSize / 2;
        List<FillLevel> levels = FillPyramid.build(finest, patchSize);
        int count = levels.size();
        double[] work = new double[count];
        double total = 0;
        for (int l = 0; l < count; l++) {
            work[l] = (double) levels.get(l).holeCount() * schedule.iterationsAt(l, count) * schedule.searchPasses();
            total += work[l];
        }
        double done = 0;

        NearestNeighbourField field = null;
        for (int l = count - 1; l >= 0; l--) {
            cancel.throwIfCancelled();
            FillLevel level = levels.get(l);
            SourcePatches sources = SourcePatches.find(level, radius);
            float[] holeDistance = HoleDistance.of(level.hole, level.width, level.height);
            float[] confidence = BorderConfidence.of(holeDistance);
            TextureFeatures texture = new TextureFeatures(level);
            PatchDistance distance = new PatchDistance(level, BorderConfidence.trust(confidence), texture, TEXTURE_WEIGHT,
                    radius);
            if (field == null) {
                OnionPeelFill.fill(level, sources, radius, seed, bands);
                texture.update(bands);
                field = NearestNeighbourField.random(level, sources, radius, seed, l, bands);
            } else {
                field = NearestNeighbourField.upsample(field, level, sources, radius, seed, l, bands);
                texture.update(bands);
                // The first estimate at this scale is what the carried matches say.
                new PatchVoting(level, field, confidence, texture, distance, radius, bands).vote();
            }
            PatchVoting voting = new PatchVoting(level, field, confidence, texture, distance, radius, bands);
            SourcePreference preference = new SourcePreference(field, holeDistance, radius);
            PatchMatchSearch search = new PatchMatchSearch(level, sources, field, distance, preference, bands);
            int iterations = schedule.iterationsAt(l, count);
            float[] weights = null;
            for (int it = 0; it < iterations; it++) {
                cancel.throwIfCancelled();
                search.rescore();
                preference.countUses();
                for (int pass = 0; pass < schedule.searchPasses(); pass++) {
                    if (pass > 0) {
                        cancel.throwIfCancelled();
                    }
                    search.pass(seed, l, it, pass);
                }
                weights = voting.vote();
                done += work[l] / iterations;
                progress.report(Progress.Stage.FILLING, (1 - STITCH_SHARE) * (total == 0 ? 1 : Math.min(1, done / total)),
                        "Scale " + (count - l) + " of " + count + ", pass " + (it + 1) + " of " + iterations);
            }
            if (l == 0) {
                // The last vote's weights: nothing has changed the matches since.
                float[] lastWeights = weights != null ? weights : voting.patchWeights();
                progress.report(Progress.Stage.FILLING, 1 - STITCH_SHARE, "Blending the pieces together");
                GradientStitch.apply(level, field, lastWeights, radius, bands, cancel);
                RimBlend.apply(level, holeDistance, field, lastWeights, radius);
                progress.report(Progress.Stage.FILLING, 1, "Filled");
            }
        }
    }
}
