package dev.inpaintstudio.params;

import java.util.Locale;

/** Which backend the side panel's Generate uses, as the artist picks it. */
public enum BackendChoice {
    OFFLINE("local", "Offline — content-aware fill"),
    MODELSLAB("modelslab", "ModelsLab");

    private final String id;
    private final String label;

    BackendChoice(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** How files and the command line name it: {@code local} or {@code modelslab}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The choice named {@code local}/{@code offline} or {@code modelslab}, in any case. */
    public static BackendChoice fromId(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (BackendChoice b : values()) {
            if (b.id.equals(s) || b.name().toLowerCase(Locale.ROOT).equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown backend \"" + text + "\": use local or modelslab.");
    }

    @Override
    public String toString() {
        return label;
    }
}
