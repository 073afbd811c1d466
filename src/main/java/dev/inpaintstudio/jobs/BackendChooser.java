package dev.inpaintstudio.jobs;

import java.util.function.Supplier;

/** Picks the backend for a job from its recipe, so jobs for different backends share one queue. */
@FunctionalInterface
public interface BackendChooser {
    Backend backendFor(GenerationRecipe recipe);

    /** ModelsLab recipes to {@code modelsLab}, offline ones to {@code local}; suppliers, so a changed client takes effect on the next job. */
    static BackendChooser of(Supplier<? extends Backend> modelsLab, Supplier<? extends Backend> local) {
        return recipe -> recipe instanceof GenerationRecipe.LocalFill ? local.get() : modelsLab.get();
    }
}
