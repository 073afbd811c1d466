package dev.inpaintstudio.local;

/**
 * The patch centres texture may be copied from at one level: the whole patch inside the picture,
 * no pixel of it in the hole, every pixel of it in the allowed region.
 */
final class SourcePatches {
    final boolean[] valid;
    /** The valid centres as pixel indices, for picking one at random. */
    final int[] centres;

    private SourcePatches(boolean[] valid, int[] centres) {
        this.valid = valid;
        this.centres = centres;
    }

    static SourcePatches find(FillLevel level, int radius) {
        int w = level.width;
        int h = level.height;
        // Summed-area table of unusable pixels: a patch is valid when its window sums to zero.
        int[] sat = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int rowSum = 0;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                rowSum += (level.hole[i] || !level.allowed[i]) ? 1 : 0;
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + rowSum;
            }
        }
        boolean[] valid = new boolean[w * h];
        int count = 0;
        for (int y = radius; y < h - radius; y++) {
            for (int x = radius; x < w - radius; x++) {
                int x0 = x - radius;
                int y0 = y - radius;
                int x1 = x + radius + 1;
                int y1 = y + radius + 1;
                int bad = sat[y1 * (w + 1) + x1] - sat[y0 * (w + 1) + x1] - sat[y1 * (w + 1) + x0] + sat[y0 * (w + 1) + x0];
                if (bad == 0) {
                    valid[y * w + x] = true;
                    count++;
                }
            }
        }
        int[] centres = new int[count];
        int n = 0;
        for (int i = 0; i < valid.length; i++) {
            if (valid[i]) {
                centres[n++] = i;
            }
        }
        return new SourcePatches(valid, centres);
    }

    boolean isEmpty() {
        return centres.length == 0;
    }
}
