package dev.inpaintstudio.jobs;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A backend's outputs at the generation size, with what the server said about them.
 *
 * @param serverGenerationSeconds the generation time the server reported, in seconds; null when it
 *                                gave none (or for the offline engine)
 */
public record BackendResult(List<BufferedImage> images, String serverId, boolean nsfwContentDetected, String metaJson,
                            Double serverGenerationSeconds) {
    public BackendResult {
        images = List.copyOf(images);
    }

    public BackendResult(List<BufferedImage> images, String serverId, boolean nsfwContentDetected, String metaJson) {
        this(images, serverId, nsfwContentDetected, metaJson, null);
    }
}
