package dev.inpaintstudio.jobs;

import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.util.Objects;

/**
 * Which backend repaints a job, with what it needs: the ModelsLab request, or the offline engine's
 * fill options. Jobs of both kinds wait in the same queue; the runner picks the backend per job.
 */
public sealed interface GenerationRecipe permits GenerationRecipe.ModelsLab, GenerationRecipe.LocalFill {
    /** How records and the command line name the backend: {@code modelslab} or {@code local}. */
    String backendId();

    /** A short line for the queue panel: the prompt, or what the offline engine does. */
    String description();

    String MODELSLAB_ID = "modelslab";
    String LOCAL_ID = "local";

    /** Through the ModelsLab API, with every parameter as the endpoint takes it. */
    record ModelsLab(InpaintParameters parameters) implements GenerationRecipe {
        public ModelsLab {
            Objects.requireNonNull(parameters, "parameters");
        }

        @Override
        public String backendId() {
            return MODELSLAB_ID;
        }

        @Override
        public String description() {
            return parameters.prompt();
        }
    }

    /**
     * Content-aware fill by the offline engine. The options' {@code sourceRegion}, when set, has the
     * size of the job's whole picture; the runner cuts it to the crop.
     */
    record LocalFill(FillOptions options) implements GenerationRecipe {
        public LocalFill {
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String backendId() {
            return LOCAL_ID;
        }

        @Override
        public String description() {
            return "Content-aware fill (" + options.quality().label() + ", patch " + options.patchSize() + " px)";
        }
    }
}
