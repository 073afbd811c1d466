package dev.inpaintstudio.local;

/**
 * One scale of the picture being completed: its colours, which pixels are hole and where texture
 * may be taken from.
 */
final class FillLevel {
    final int width;
    final int height;
    /** Three interleaved channels per pixel in {@link WorkingColour}; hole pixels hold the current estimate. */
    final float[] colour;
    final boolean[] hole;
    /** Inside the artist's "take texture only from" region (everywhere when none was given). */
    final boolean[] allowed;

    FillLevel(int width, int height, float[] colour, boolean[] hole, boolean[] allowed) {
        this.width = width;
        this.height = height;
        this.colour = colour;
        this.hole = hole;
        this.allowed = allowed;
    }

    int holeCount() {
        int n = 0;
        for (boolean h : hole) {
            if (h) {
                n++;
            }
        }
        return n;
    }
}
