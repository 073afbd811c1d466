package dev.inpaintstudio.editor.ops;

import dev.inpaintstudio.editor.PixelRect;

/**
 * Coverage (0–255) of a region to add to or take from the mask: {@code coverage} holds
 * {@code bounds.width() × bounds.height()} bytes, row by row, for the pixels inside {@code bounds}.
 */
public record Selection(PixelRect bounds, byte[] coverage) {
    public static final Selection EMPTY = new Selection(PixelRect.EMPTY, new byte[0]);

    public Selection {
        if (coverage.length != bounds.area()) {
            throw new IllegalArgumentException("Coverage has " + coverage.length + " bytes for " + bounds);
        }
    }

    public boolean isEmpty() {
        if (bounds.isEmpty()) {
            return true;
        }
        for (byte b : coverage) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Coverage at image pixel (x, y), 0 outside the bounds. */
    public int get(int x, int y) {
        if (x < bounds.x() || y < bounds.y() || x >= bounds.right() || y >= bounds.bottom()) {
            return 0;
        }
        return coverage[(y - bounds.y()) * bounds.width() + (x - bounds.x())] & 0xff;
    }

    /**
     * Combines this selection into a whole-mask array: adding raises each pixel to the selection's
     * coverage, subtracting lowers it to the complement, so the edge stays anti-aliased either way.
     */
    public void combineInto(byte[] mask, int maskWidth, boolean subtract) {
        int w = bounds.width();
        for (int r = 0; r < bounds.height(); r++) {
            int m = (bounds.y() + r) * maskWidth + bounds.x();
            int s = r * w;
            for (int c = 0; c < w; c++) {
                int v = coverage[s + c] & 0xff;
                if (v == 0) {
                    continue;
                }
                int old = mask[m + c] & 0xff;
                if (subtract) {
                    int n = 255 - v;
                    if (n < old) {
                        mask[m + c] = (byte) n;
                    }
                } else if (v > old) {
                    mask[m + c] = (byte) v;
                }
            }
        }
    }
}
