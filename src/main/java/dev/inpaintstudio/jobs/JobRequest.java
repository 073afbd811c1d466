package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A snapshot of what to generate: the full-resolution picture, a copy of its mask coverage and the
 * recipe (which backend, with its parameters). Nothing in it changes while the job runs, whatever
 * the artist does meanwhile. {@code resumeServerId}, when set, names a job already on the server to
 * collect instead of submitting a new one (one that outlived the deadline). {@code crop} says how
 * much context is sent and how the result is blended back.
 */
public record JobRequest(BufferedImage image, byte[] coverage, GenerationRecipe recipe, String sourceName,
                         String resumeServerId, CropSettings crop) {
    public JobRequest {
        Objects.requireNonNull(recipe, "recipe");
        if (crop == null) {
            crop = CropSettings.DEFAULT;
        }
        if (coverage.length != image.getWidth() * image.getHeight()) {
            throw new IllegalArgumentException("The mask does not have the image's size");
        }
        if (recipe instanceof GenerationRecipe.LocalFill fill && fill.options().sourceRegion() != null
                && fill.options().sourceRegion().length != coverage.length) {
            throw new IllegalArgumentException("The texture source region does not have the image's size");
        }
    }

    /** A ModelsLab job. */
    public JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName) {
        this(image, coverage, new GenerationRecipe.ModelsLab(parameters), sourceName, null, CropSettings.DEFAULT);
    }

    /** A ModelsLab job, collecting {@code resumeServerId} when it is set. */
    public JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName,
                      String resumeServerId) {
        this(image, coverage, new GenerationRecipe.ModelsLab(parameters), sourceName, resumeServerId, CropSettings.DEFAULT);
    }

    /** A ModelsLab job with its crop settings. */
    public JobRequest(BufferedImage image, byte[] coverage, InpaintParameters parameters, String sourceName,
                      String resumeServerId, CropSettings crop) {
        this(image, coverage, new GenerationRecipe.ModelsLab(parameters), sourceName, resumeServerId, crop);
    }

    /** The same request, collecting {@code serverId} instead of submitting anew. */
    public JobRequest resuming(String serverId) {
        return new JobRequest(image, coverage, recipe, sourceName, serverId, crop);
    }

    /** The ModelsLab parameters, or null for an offline job. */
    public InpaintParameters modelsLabParameters() {
        return recipe instanceof GenerationRecipe.ModelsLab m ? m.parameters() : null;
    }
}
