package dev.inpaintstudio.params;

/** The limits the v6 images inpaint endpoint documents for each field (see the API pages). */
public final class ParameterLimits {
    public static final double STRENGTH_MIN = 0;
    public static final double STRENGTH_MAX = 1;
    public static final double GUIDANCE_MIN = 1;
    public static final double GUIDANCE_MAX = 20;
    public static final int STEPS_MIN = 1;
    public static final int STEPS_MAX = 50;
    public static final int SAMPLES_MIN = 1;
    public static final int SAMPLES_MAX = 4;
    public static final int PROMPT_MAX_CHARS = 4000;

    public static final double DEFAULT_STRENGTH = 0.7;
    public static final double DEFAULT_GUIDANCE = 7.5;
    public static final int DEFAULT_STEPS = 21;
    public static final int DEFAULT_SAMPLES = 1;

    private ParameterLimits() {
    }
}
