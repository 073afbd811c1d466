package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import static dev.inpaintstudio.params.ParameterLimits.*;

/** The request as the side panel edits it, with validation; the panel binds to these properties. */
public final class ParametersViewModel {
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "https://modelslab.com");
    private final StringProperty modelId = new SimpleStringProperty(this, "modelId", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty negativePrompt = new SimpleStringProperty(this, "negativePrompt", "");
    private final DoubleProperty strength = new SimpleDoubleProperty(this, "strength", DEFAULT_STRENGTH);
    private final DoubleProperty guidanceScale = new SimpleDoubleProperty(this, "guidanceScale", DEFAULT_GUIDANCE);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", DEFAULT_STEPS);
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", DEFAULT_SAMPLES);
    /** Blank for a random seed. */
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");

    private final ObjectBinding<List<String>> problems;
    private final BooleanBinding valid;

    public ParametersViewModel() {
        problems = Bindings.createObjectBinding(this::validate, apiKey, baseUrl, modelId, prompt, negativePrompt,
                strength, guidanceScale, steps, samples, seed);
        valid = Bindings.createBooleanBinding(() -> problems.get().isEmpty(), problems);
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelIdProperty() {
        return modelId;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty negativePromptProperty() {
        return negativePrompt;
    }

    public DoubleProperty strengthProperty() {
        return strength;
    }

    public DoubleProperty guidanceScaleProperty() {
        return guidanceScale;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** What stops a request from being sent, one sentence each; empty when it can go. */
    public ObjectBinding<List<String>> problemsProperty() {
        return problems;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ApiKey apiKey() {
        return new ApiKey(apiKey.get() == null ? "" : apiKey.get());
    }

    public InpaintParameters toParameters() {
        List<String> issues = problems.get();
        if (!issues.isEmpty()) {
            throw new IllegalStateException(String.join(" ", issues));
        }
        // v6 images until the side panel is generated from the endpoint profiles.
        return InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, modelId.get() == null ? null : modelId.get().strip())
                .with(ApiField.PROMPT, prompt.get() == null ? "" : prompt.get())
                .with(ApiField.NEGATIVE_PROMPT, negativePrompt.get() == null ? "" : negativePrompt.get())
                .with(ApiField.SAMPLES, samples.get())
                .with(ApiField.STEPS, steps.get())
                .with(ApiField.GUIDANCE_SCALE, guidanceScale.get())
                .with(ApiField.STRENGTH, strength.get())
                .with(ApiField.SEED, parseSeed(seed.get()));
    }

    /** Saves everything but the API key, through {@code put(name, value)}. */
    public void saveTo(BiConsumer<String, String> put) {
        put.accept("baseUrl", baseUrl.get());
        put.accept("modelId", modelId.get());
        put.accept("prompt", prompt.get());
        put.accept("negativePrompt", negativePrompt.get());
        put.accept("strength", Double.toString(strength.get()));
        put.accept("guidanceScale", Double.toString(guidanceScale.get()));
        put.accept("steps", Integer.toString(steps.get()));
        put.accept("samples", Integer.toString(samples.get()));
        put.accept("seed", seed.get());
    }

    /** Restores what {@link #saveTo} wrote; a missing or garbled value keeps its default. */
    public void loadFrom(BiFunction<String, String, String> get) {
        baseUrl.set(get.apply("baseUrl", baseUrl.get()));
        modelId.set(get.apply("modelId", modelId.get()));
        prompt.set(get.apply("prompt", prompt.get()));
        negativePrompt.set(get.apply("negativePrompt", negativePrompt.get()));
        strength.set(parseDouble(get.apply("strength", null), strength.get()));
        guidanceScale.set(parseDouble(get.apply("guidanceScale", null), guidanceScale.get()));
        steps.set((int) parseDouble(get.apply("steps", null), steps.get()));
        samples.set((int) parseDouble(get.apply("samples", null), samples.get()));
        seed.set(get.apply("seed", seed.get()));
    }

    private List<String> validate() {
        List<String> out = new ArrayList<>();
        if (apiKey.get() == null || apiKey.get().isBlank()) {
            out.add("Enter your ModelsLab API key.");
        }
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip().toLowerCase(Locale.ROOT);
        if (!(url.startsWith("http://") || url.startsWith("https://")) || url.length() < 10) {
            out.add("Server URL must start with http:// or https://.");
        }
        if (modelId.get() == null || modelId.get().isBlank()) {
            out.add("Enter a model id (for example \"realistic-vision-v51\").");
        }
        if (prompt.get() != null && prompt.get().length() > PROMPT_MAX_CHARS) {
            out.add("Prompt is longer than " + PROMPT_MAX_CHARS + " characters.");
        }
        if (strength.get() < STRENGTH_MIN || strength.get() > STRENGTH_MAX) {
            out.add("Strength must be between 0 and 1.");
        }
        if (guidanceScale.get() < GUIDANCE_MIN || guidanceScale.get() > GUIDANCE_MAX) {
            out.add("Guidance scale must be between 1 and 20.");
        }
        if (steps.get() < STEPS_MIN || steps.get() > STEPS_MAX) {
            out.add("Steps must be between " + STEPS_MIN + " and " + STEPS_MAX + ".");
        }
        if (samples.get() < SAMPLES_MIN || samples.get() > SAMPLES_MAX) {
            out.add("Samples must be between 1 and 4.");
        }
        String s = seed.get() == null ? "" : seed.get().strip();
        if (!s.isEmpty() && parseSeed(s) == null) {
            out.add("Seed must be a whole number from 0 to 4294967295, or empty for random.");
        }
        return List.copyOf(out);
    }

    static Long parseSeed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value >= 0 && value <= 0xFFFF_FFFFL ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double parseDouble(String text, double fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
