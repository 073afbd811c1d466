package dev.inpaintstudio.local;

/** How far each hole pixel lies from the nearest known pixel (chamfer 3-4, in pixels). */
final class HoleDistance {
    private HoleDistance() {
    }

    /** 0 outside the hole; for hole pixels an approximate Euclidean distance to the hole's border. */
    static float[] of(boolean[] hole, int width, int height) {
        final int big = Integer.MAX_VALUE / 4;
        int[] d = new int[width * height];
        for (int i = 0; i < d.length; i++) {
            d[i] = hole[i] ? big : 0;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = d[i];
                if (x > 0) {
                    v = Math.min(v, d[i - 1] + 3);
                }
                if (y > 0) {
                    v = Math.min(v, d[i - width] + 3);
                    if (x > 0) {
                        v = Math.min(v, d[i - width - 1] + 4);
                    }
                    if (x < width - 1) {
                        v = Math.min(v, d[i - width + 1] + 4);
                    }
                }
                d[i] = v;
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                int i = y * width + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = d[i];
                if (x < width - 1) {
                    v = Math.min(v, d[i + 1] + 3);
                }
                if (y < height - 1) {
                    v = Math.min(v, d[i + width] + 3);
                    if (x < width - 1) {
                        v = Math.min(v, d[i + width + 1] + 4);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[i + width - 1] + 4);
                    }
                }
                d[i] = v;
            }
        }
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            // A hole with no known pixel at all keeps a huge distance; callers have refused that case.
            out[i] = d[i] >= big ? Float.MAX_VALUE : d[i] / 3f;
        }
        return out;
    }

    static float max(float[] distance) {
        float m = 0;
        for (float v : distance) {
            if (v != Float.MAX_VALUE) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
