package dev.inpaintstudio.editor;

/**
 * The mask at the same levels as {@link PicturePyramid}, each the 2×2 average of the one above, so a
 * thin stroke stays visible when zoomed out. Level 0 is the mask itself; {@link #update} refreshes
 * the smaller levels inside a dirty rectangle only (a third of its area in all).
 */
public final class MaskPyramid {
    private final MaskLayer mask;
    private final byte[][] levels = new byte[PicturePyramid.MAX_LEVEL + 1][];
    private final int[] widths = new int[PicturePyramid.MAX_LEVEL + 1];
    private final int[] heights = new int[PicturePyramid.MAX_LEVEL + 1];

    public MaskPyramid(MaskLayer mask) {
        this.mask = mask;
        levels[0] = mask.data();
        widths[0] = mask.width();
        heights[0] = mask.height();
        for (int l = 1; l <= PicturePyramid.MAX_LEVEL; l++) {
            widths[l] = (widths[l - 1] + 1) / 2;
            heights[l] = (heights[l - 1] + 1) / 2;
            levels[l] = new byte[widths[l] * heights[l]];
        }
        update(mask.bounds());
    }

    public byte[] level(int l) {
        return levels[l];
    }

    public int width(int l) {
        return widths[l];
    }

    public int height(int l) {
        return heights[l];
    }

    /** Recomputes the smaller levels over the image area {@code dirty}. */
    public void update(PixelRect dirty) {
        PixelRect r = dirty.intersect(mask.bounds());
        if (r.isEmpty()) {
            return;
        }
        int x0 = r.x();
        int y0 = r.y();
        int x1 = r.right();
        int y1 = r.bottom();
        for (int l = 1; l <= PicturePyramid.MAX_LEVEL; l++) {
            x0 >>= 1;
            y0 >>= 1;
            x1 = (x1 + 1) >> 1;
            y1 = (y1 + 1) >> 1;
            byte[] src = levels[l - 1];
            byte[] dst = levels[l];
            int sw = widths[l - 1];
            int sh = heights[l - 1];
            int w = widths[l];
            for (int y = y0; y < y1; y++) {
                int r0 = 2 * y * sw;
                int r1 = Math.min(2 * y + 1, sh - 1) * sw;
                int o = y * w;
                for (int x = x0; x < x1; x++) {
                    int a = 2 * x;
                    int b = Math.min(a + 1, sw - 1);
                    dst[o + x] = (byte) (((src[r0 + a] & 0xff) + (src[r0 + b] & 0xff)
                            + (src[r1 + a] & 0xff) + (src[r1 + b] & 0xff) + 2) >> 2);
                }
            }
        }
    }
}
