package dev.inpaintstudio.gallery;

/** How the compare view shows a result against its original. */
public enum CompareMode {
    /** One over the other, split by a divider you drag. */
    SLIDER("Slider", "Before left of the divider, after right of it; drag to move it"),
    /** Both at once, same zoom, same place. */
    SIDE_BY_SIDE("Side by side", "Before and after next to each other, zoomed and panned together"),
    /** The result; hold F to see the original in its place. */
    FLIP("Flip", "The result; hold F to flip to the original"),
    /** What changed: amplified inside the mask, changes outside it in magenta. */
    DIFFERENCE("Difference", "What changed, amplified; anything that changed outside the mask in magenta");

    private final String label;
    private final String description;

    CompareMode(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
