package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.GenerationSize;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** A finished job: results at the original's full size, pasted back through the mask. */
public record JobOutcome(JobRequest request, List<BufferedImage> results, GenerationSize sentSize,
                         String serverId, boolean nsfwContentDetected, String metaJson, Duration elapsed) {
    public JobOutcome {
        results = List.copyOf(results);
    }
}
