package dev.inpaintstudio.params;

import java.util.Locale;

/**
 * The offline engine's speed/quality presets as the side panel offers them; the same names as the
 * engine's own presets, to which the window maps them.
 */
public enum FillPreset {
    FAST("Fast"),
    BALANCED("Balanced"),
    QUALITY("Best quality");

    private final String label;

    FillPreset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How files name it: {@code fast}, {@code balanced}, {@code quality}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset of an {@link #id()} (any case); {@link #BALANCED} for anything else. */
    public static FillPreset fromId(String text) {
        for (FillPreset p : values()) {
            if (p.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return p;
            }
        }
        return BALANCED;
    }

    @Override
    public String toString() {
        return label;
    }
}
