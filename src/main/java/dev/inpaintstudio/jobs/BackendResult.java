package dev.inpaintstudio.jobs;

import java.awt.image.BufferedImage;
import java.util.List;

/** A backend's outputs at the generation size, with what the server said about them. */
public record BackendResult(List<BufferedImage> images, String serverId, boolean nsfwContentDetected, String metaJson) {
    public BackendResult {
        images = List.copyOf(images);
    }
}
