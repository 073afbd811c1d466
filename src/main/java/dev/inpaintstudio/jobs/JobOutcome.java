package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.GenerationSize;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/**
 * A finished job: results at the original's full size, pasted back through the mask; {@code cropBox}
 * is the part that was sent; {@code serverGenerationSeconds} the generation time the server reported,
 * or null.
 */
public record JobOutcome(JobRequest request, List<BufferedImage> results, GenerationSize sentSize,
                         String serverId, boolean nsfwContentDetected, String metaJson, Duration elapsed,
                         CropBox cropBox, Double serverGenerationSeconds) {
    public JobOutcome {
        results = List.copyOf(results);
        if (cropBox == null) {
            cropBox = CropBox.whole(request.image().getWidth(), request.image().getHeight());
        }
    }

    public JobOutcome(JobRequest request, List<BufferedImage> results, GenerationSize sentSize,
                      String serverId, boolean nsfwContentDetected, String metaJson, Duration elapsed, CropBox cropBox) {
        this(request, results, sentSize, serverId, nsfwContentDetected, metaJson, elapsed, cropBox, null);
    }

    /** An outcome for which the whole picture was sent. */
    public JobOutcome(JobRequest request, List<BufferedImage> results, GenerationSize sentSize,
                      String serverId, boolean nsfwContentDetected, String metaJson, Duration elapsed) {
        this(request, results, sentSize, serverId, nsfwContentDetected, metaJson, elapsed, null, null);
    }
}
