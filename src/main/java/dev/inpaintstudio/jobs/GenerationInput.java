package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;

/**
 * What a backend repaints: the picture and its mask (grey, white = repaint) at the size the
 * backend asked for, and the recipe; a {@link GenerationRecipe.LocalFill}'s source region is
 * already cut to the same size. {@code resumeServerId} and {@code resumeFetchUrl} are null, or name
 * a job already on the server to collect instead of a new one (its id, the fetch link it gave, or both).
 */
public record GenerationInput(BufferedImage image, BufferedImage mask, GenerationRecipe recipe, String resumeServerId,
                              String resumeFetchUrl) {

    public GenerationInput(BufferedImage image, BufferedImage mask, GenerationRecipe recipe, String resumeServerId) {
        this(image, mask, recipe, resumeServerId, null);
    }

    /** A ModelsLab input. */
    public GenerationInput(BufferedImage image, BufferedImage mask, InpaintParameters parameters, String resumeServerId) {
        this(image, mask, new GenerationRecipe.ModelsLab(parameters), resumeServerId, null);
    }

    /** Whether to collect a job the server already has instead of sending a new one. */
    public boolean resumes() {
        return (resumeServerId != null && !resumeServerId.isBlank()) || (resumeFetchUrl != null && !resumeFetchUrl.isBlank());
    }

    /** The ModelsLab parameters; for a backend that only takes ModelsLab recipes. */
    public InpaintParameters parameters() {
        if (recipe instanceof GenerationRecipe.ModelsLab m) {
            return m.parameters();
        }
        throw new IllegalStateException("Not a ModelsLab job: " + recipe.backendId());
    }
}
