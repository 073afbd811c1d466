package dev.inpaintstudio.params;

import java.util.Objects;

/**
 * The offline engine's options as the side panel holds them.
 *
 * @param preset     speed/quality preset
 * @param patchSize  side of the patches compared and copied: odd, {@value #MIN_PATCH}–{@value #MAX_PATCH} px
 * @param seed       the seed as typed; used only while {@code randomSeed} is off
 * @param randomSeed a new random seed each time
 */
public record FillSettings(FillPreset preset, int patchSize, String seed, boolean randomSeed) {
    public static final int MIN_PATCH = 3;
    public static final int MAX_PATCH = 21;
    public static final int DEFAULT_PATCH = 9;
    public static final FillSettings DEFAULT = new FillSettings(FillPreset.BALANCED, DEFAULT_PATCH, "", true);

    public FillSettings {
        preset = preset == null ? FillPreset.BALANCED : preset;
        seed = seed == null ? "" : seed;
        patchSize = clampPatch(patchSize);
    }

    /** The nearest valid patch size: odd, within the engine's limits. */
    public static int clampPatch(int size) {
        int s = Math.max(MIN_PATCH, Math.min(MAX_PATCH, size));
        return s % 2 == 0 ? s + 1 : s;
    }

    /** The fixed seed, or null while it is random; throws {@link IllegalArgumentException} for text that is no seed. */
    public Long fixedSeed() {
        if (randomSeed) {
            return null;
        }
        return parseSeed(seed);
    }

    /** A seed from text: a whole number from 0 up. */
    public static long parseSeed(String text) {
        String s = Objects.requireNonNullElse(text, "").strip();
        try {
            long value = Long.parseLong(s);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("Seed (offline): enter a whole number from 0 up, or turn on Random.");
    }
}
