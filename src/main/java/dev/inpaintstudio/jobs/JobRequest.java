package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A snapshot of what to generate: the full-resolution picture, a copy of its mask coverage and the
 * recipe (which backend, with its parameters). Nothing in it changes while the job runs, whatever
 * the artist does meanwhile. {@code resumeServerId} and {@code resumeFetchUrl}, when either is set,
 * name a job already on the server to collect instead of submitting a new one (one that outlived the
 * deadline, or that a previous run left under way); the fetch link is the one the server gave for it.
 * {@code crop} says how much context is sent and how the result is blended back.
 */
public record JobRequest(BufferedImage image, byte[] coverage, GenerationRecipe recipe, String sourceName,
                         String resumeServerId, String resumeFetchUrl, CropSettings crop) {
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

    /** A job to send anew, or to collect by server id alone. */
    public JobRequest(BufferedImage image, byte[] coverage, GenerationRecipe recipe, String sourceName,
                      String resumeServerId, CropSettings crop) {
        this(image, coverage, recipe, sourceName, resumeServerId, null, crop);
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
        return resuming(serverId, null);
    }

    /**
     * The same request, collecting the server's job (by its id, its fetch link or both) instead of
     * submitting anew; with neither it is sent anew.
     */
    public JobRequest resuming(String serverId, String fetchUrl) {
        return new JobRequest(image, coverage, recipe, sourceName, serverId, fetchUrl, crop);
    }

    /** The ModelsLab parameters, or null for an offline job. */
    public InpaintParameters modelsLabParameters() {
        return recipe instanceof GenerationRecipe.ModelsLab m ? m.parameters() : null;
    }
}
