package dev.inpaintstudio.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The coarse-to-fine ladder: each level half the size of the one below, smoothed with a small
 * Gaussian-like kernel over known pixels only so the hole's contents never leak into the source.
 */
final class FillPyramid {
    private FillPyramid() {
    }

    /**
     * A level needs this many valid source patches per hole pixel: coarser than that, the few
     * sources left cannot carry the structure, and the coarse guess does more harm than good.
     */
    static final double SOURCES_PER_HOLE_PIXEL = 1.5;

    /** Binomial taps centred between two fine pixels: a separable stand-in for a Gaussian. */
    private static final float[] TAPS = {1, 3, 3, 1};

    /**
     * Levels from finest (index 0) to coarsest. Halving stops before a level would be too small to
     * hold a few patches, once the hole is only about a patch wide, or when too few valid sources remain.
     */
    static List<FillLevel> build(FillLevel finest, int patchSize) {
        int radius = patchSize / 2;
        List<FillLevel> levels = new ArrayList<>();
        levels.add(finest);
        FillLevel current = finest;
        while (true) {
            int nextW = (current.width + 1) / 2;
            int nextH = (current.height + 1) / 2;
            if (Math.min(nextW, nextH) < 3 * patchSize) {
                break;
            }
            float holeWidth = HoleDistance.max(HoleDistance.of(current.hole, current.width, current.height));
            if (holeWidth <= radius) {
                break;
            }
            FillLevel next = halve(current);
            if (SourcePatches.find(next, radius).centres.length < Math.max(4 * patchSize, SOURCES_PER_HOLE_PIXEL * next.holeCount())) {
                break;
            }
            levels.add(next);
            current = next;
        }
        return levels;
    }

    static FillLevel halve(FillLevel fine) {
        int fw = fine.width;
        int fh = fine.height;
        int w = (fw + 1) / 2;
        int h = (fh + 1) / 2;
        boolean[] hole = new boolean[w * h];
        boolean[] allowed = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean anyHole = false;
                int allowedChildren = 0;
                int children = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int fx = 2 * x + dx;
                        int fy = 2 * y + dy;
                        if (fx < fw && fy < fh) {
                            int f = fy * fw + fx;
                            anyHole |= fine.hole[f];
                            allowedChildren += fine.allowed[f] ? 1 : 0;
                            children++;
                        }
                    }
                }
                // Any hole child makes a hole: a coarse pixel is known only when all of it is.
                hole[y * w + x] = anyHole;
                allowed[y * w + x] = 2 * allowedChildren >= children;
            }
        }
        float[] rgb = smoothDecimate(fine, w, h);
        return new FillLevel(w, h, rgb, hole, allowed);
    }

    /** Normalised convolution over known fine pixels, sampled at every other pixel. */
    private static float[] smoothDecimate(FillLevel fine, int w, int h) {
        int fw = fine.width;
        int fh = fine.height;
        // Horizontal pass: (weighted sum r,g,b, weight) at coarse x, fine y.
        float[] horiz = new float[w * fh * 4];
        for (int fy = 0; fy < fh; fy++) {
            for (int x = 0; x < w; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                float wsum = 0;
                for (int t = 0; t < 4; t++) {
                    int fx = 2 * x - 1 + t;
                    if (fx < 0 || fx >= fw) {
                        continue;
                    }
                    int f = fy * fw + fx;
                    if (fine.hole[f]) {
                        continue;
                    }
                    float k = TAPS[t];
                    r += k * fine.colour[f * 3];
                    g += k * fine.colour[f * 3 + 1];
                    b += k * fine.colour[f * 3 + 2];
                    wsum += k;
                }
                int o = (fy * w + x) * 4;
                horiz[o] = r;
                horiz[o + 1] = g;
                horiz[o + 2] = b;
                horiz[o + 3] = wsum;
            }
        }
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                float wsum = 0;
                for (int t = 0; t < 4; t++) {
                    int fy = 2 * y - 1 + t;
                    if (fy < 0 || fy >= fh) {
                        continue;
                    }
                    int o = (fy * w + x) * 4;
                    float k = TAPS[t];
                    r += k * horiz[o];
                    g += k * horiz[o + 1];
                    b += k * horiz[o + 2];
                    wsum += k * horiz[o + 3];
                }
                int c = (y * w + x) * 3;
                if (wsum > 0) {
                    rgb[c] = r / wsum;
                    rgb[c + 1] = g / wsum;
                    rgb[c + 2] = b / wsum;
                }
            }
        }
        return rgb;
    }
}
