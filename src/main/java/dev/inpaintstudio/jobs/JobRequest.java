package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;

/**
 * A snapshot of what to generate: the full-resolution picture, a copy of its mask coverage and the
 * parameters. Nothing in it changes while the job runs, whatever the artist does meanwhile.
 */
public record JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName) {
    public JobRequest {
        if (coverage.length != image.getWidth() * image.getHeight()) {
            throw new IllegalArgumentException("The mask does not have the image's size");
        }
    }
}
