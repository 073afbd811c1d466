package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;

/**
 * A snapshot of what to generate: the full-resolution picture, a copy of its mask coverage and the
 * parameters. Nothing in it changes while the job runs, whatever the artist does meanwhile.
 * {@code resumeServerId}, when set, names a job already on the server to collect instead of
 * submitting a new one (one that outlived the deadline). {@code crop} says how much context is sent
 * and how the result is blended back.
 */
public record JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName,
                         String resumeServerId, CropSettings crop) {
    public JobRequest {
        if (crop == null) {
            crop = CropSettings.DEFAULT;
        }
        if (coverage.length != image.getWidth() * image.getHeight()) {
            throw new IllegalArgumentException("The mask does not have the image's size");
        }
    }

    public JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName) {
        this(image, coverage, parameters, sourceName, null, CropSettings.DEFAULT);
    }

    public JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName,
                      String resumeServerId) {
        this(image, coverage, parameters, sourceName, resumeServerId, CropSettings.DEFAULT);
    }

    /** The same request, collecting {@code serverId} instead of submitting anew. */
    public JobRequest resuming(String serverId) {
        return new JobRequest(image, coverage, parameters, sourceName, serverId, crop);
    }
}
