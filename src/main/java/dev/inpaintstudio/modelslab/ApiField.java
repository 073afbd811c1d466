package dev.inpaintstudio.modelslab;

import java.util.Locale;

/**
 * A request parameter the artist can set, independent of the endpoint. Which endpoints have it, its
 * wire name(s) there, its limits and default are in each endpoint's {@link EndpointProfile}.
 *
 * <p>The API key, the init and mask images, the size and the {@code base64} flag are not here: the
 * client sets them itself.
 */
public enum ApiField {
    MODEL_ID(ValueType.TEXT, "Model id",
            "The model to repaint with: a public model or one you trained."),
    PROMPT(ValueType.TEXT, "Prompt",
            "What the repainted region should show."),
    NEGATIVE_PROMPT(ValueType.TEXT, "Negative prompt",
            "What the repainted region should not show."),
    SAMPLES(ValueType.INTEGER, "Samples",
            "How many images to generate."),
    STEPS(ValueType.INTEGER, "Steps",
            "Number of denoising steps: more is slower and usually more detailed."),
    GUIDANCE_SCALE(ValueType.DECIMAL, "Guidance scale",
            "How closely the image follows the prompt."),
    STRENGTH(ValueType.DECIMAL, "Strength",
            "How much of the masked region is replaced: 1 ignores what was there."),
    SEED(ValueType.SEED, "Seed",
            "The same seed with the same settings gives the same image; empty for a random one."),
    SCHEDULER(ValueType.CHOICE, "Scheduler",
            "The sampler that runs the denoising steps."),
    SAFETY_CHECKER(ValueType.YES_NO, "Safety checker",
            "Check the output for NSFW content and hide it when found."),
    SAFETY_CHECKER_TYPE(ValueType.CHOICE, "Safety checker type",
            "How an image flagged by the safety checker is hidden."),
    ENHANCE_PROMPT(ValueType.YES_NO, "Enhance prompt",
            "Let the server rewrite the prompt with extra words (less predictable)."),
    TOMESD(ValueType.YES_NO, "Token merging",
            "Merge tokens (tomesd) for faster generation."),
    USE_KARRAS_SIGMAS(ValueType.YES_NO, "Karras sigmas",
            "Use the Karras noise schedule."),
    ALGORITHM_TYPE(ValueType.CHOICE, "Algorithm type",
            "Solver variant of the DPMSolverMultistepScheduler."),
    VAE(ValueType.TEXT, "VAE",
            "A custom VAE to decode the image with."),
    LORA_MODEL(ValueType.TEXT, "LoRA models",
            "LoRA model ids, comma-separated (for example contrast-fix,yae-miko-genshin)."),
    LORA_STRENGTH(ValueType.TEXT, "LoRA strengths",
            "Strength of each LoRA model, comma-separated in the same order, each from 0.1 to 1."),
    EMBEDDINGS_MODEL(ValueType.TEXT, "Embeddings model",
            "A textual-inversion embeddings model id."),
    CLIP_SKIP(ValueType.INTEGER, "CLIP skip",
            "Number of last CLIP layers to skip."),
    TEMP(ValueType.YES_NO, "Temporary links",
            "Store the results under temporary links that live 24 hours."),
    LOADBALANCER(ValueType.YES_NO, "Load balancer",
            "Spread the job over your enterprise servers (needs more than one)."),
    IP_ADAPTER_ID(ValueType.CHOICE, "IP adapter",
            "An IP adapter that guides the image with a reference picture."),
    IP_ADAPTER_SCALE(ValueType.DECIMAL, "IP adapter scale",
            "How strongly the IP adapter's reference picture guides the image."),
    IP_ADAPTER_IMAGE(ValueType.TEXT, "IP adapter image",
            "Link (URL) of the IP adapter's reference picture."),
    WEBHOOK(ValueType.TEXT, "Webhook",
            "A URL the server calls when the job is done (the app still polls)."),
    TRACK_ID(ValueType.TEXT, "Track id",
            "Your own id for the job, returned in the webhook call.");

    /** What kind of value a field holds, and so its Java type in {@link InpaintParameters}. */
    public enum ValueType {
        /** {@link String}. */
        TEXT(String.class),
        /** {@link Integer}; sent as a string ({@code "512"}), like every official example. */
        INTEGER(Integer.class),
        /** {@link Double}; sent as a JSON number. */
        DECIMAL(Double.class),
        /** {@link Boolean}; sent as {@code "yes"} / {@code "no"}. */
        YES_NO(Boolean.class),
        /** {@link String}, one of the endpoint's allowed values. */
        CHOICE(String.class),
        /** {@link Long}, or unset for a random seed; sent as a JSON number or {@code null}. */
        SEED(Long.class);

        private final Class<?> javaType;

        ValueType(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }
    }

    private final ValueType type;
    private final String label;
    private final String description;

    ApiField(ValueType type, String label, String description) {
        this.type = type;
        this.label = label;
        this.description = description;
    }

    public ValueType type() {
        return type;
    }

    /** A short human name, e.g. "Guidance scale". */
    public String label() {
        return label;
    }

    /** One line saying what the field does. */
    public String description() {
        return description;
    }

    /** The command-line spelling, e.g. {@code guidance-scale} for {@code --guidance-scale}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field of a {@link #optionName()} (a leading {@code --} is allowed), or null when there is none. */
    public static ApiField fromOptionName(String option) {
        if (option == null) {
            return null;
        }
        String s = option.strip();
        if (s.startsWith("--")) {
            s = s.substring(2);
        }
        for (ApiField f : values()) {
            if (f.optionName().equalsIgnoreCase(s)) {
                return f;
            }
        }
        return null;
    }
}
