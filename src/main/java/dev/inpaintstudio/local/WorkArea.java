package dev.inpaintstudio.local;

/**
 * The part of the picture the engine works on: the hole's bounding box with a margin a few times
 * the hole's size (so there is texture to copy), grown to take in the source region when one is
 * given. A small hole in a large picture then costs what the hole costs, not what the picture does.
 */
record WorkArea(int x, int y, int width, int height) {
    /** Margin in hole sizes; a few make sure nearby texture of every kind around the hole is there. */
    static final int MARGIN_HOLE_SIZES = 3;
    /** Smallest margin in pixels, for tiny holes whose surroundings still need room for patches. */
    static final int MIN_MARGIN = 96;

    /** @return null when nothing is covered */
    static WorkArea around(byte[] coverage, byte[] sourceRegion, int imageWidth, int imageHeight) {
        int[] hole = bounds(coverage, imageWidth, imageHeight);
        if (hole == null) {
            return null;
        }
        int margin = ContentAwareFill.preferredMargin(hole[2] - hole[0] + 1, hole[3] - hole[1] + 1);
        int x0 = Math.max(0, hole[0] - margin);
        int y0 = Math.max(0, hole[1] - margin);
        int x1 = Math.min(imageWidth - 1, hole[2] + margin);
        int y1 = Math.min(imageHeight - 1, hole[3] + margin);
        if (sourceRegion != null) {
            int[] source = bounds(sourceRegion, imageWidth, imageHeight);
            if (source != null) {
                x0 = Math.min(x0, source[0]);
                y0 = Math.min(y0, source[1]);
                x1 = Math.max(x1, source[2]);
                y1 = Math.max(y1, source[3]);
            }
        }
        return new WorkArea(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** {minX, minY, maxX, maxY} of the non-zero bytes, or null when all are zero. */
    private static int[] bounds(byte[] mask, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (mask[row + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[]{minX, minY, maxX, maxY};
    }
}
