package dev.inpaintstudio.local;

/** The offline engine's speed/quality trade-off, in words an artist picks from. */
public enum FillQuality {
    FAST("Fast"),
    BALANCED("Balanced"),
    QUALITY("Best quality");

    private final String label;

    FillQuality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
