package dev.inpaintstudio.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step at the finest scale: a smooth offset added to the fill so that it meets the kept
 * pixels around the hole without a step, as seamless cloning does (Pérez et al., 2003), with a
 * push-pull interpolation in place of a Poisson solve. The patches that overlap the hole's rim
 * also say what the kept pixels there should be; where they are off (a darker or greyer fill
 * than its surroundings), the difference, smoothed along the rim, is carried into the hole. Only
 * slow variations are added, so the copied texture keeps its detail.
 */
final class SeamCorrection {
    /** The most the fill is moved, in working-colour levels (luma 0–255). */
    static final float MAX_OFFSET = 24;

    private SeamCorrection() {
    }

    /**
     * @param weight each target patch's vote weight, as {@link PatchVoting} uses them
     */
    static void apply(FillLevel level, NearestNeighbourField field, float[] weight, int radius) {
        for (boolean allowed : level.allowed) {
            if (!allowed) {
                // The artist chose where the texture comes from, its colour and brightness included.
                return;
            }
        }
        int w = level.width;
        int h = level.height;
        // Only the box around the targets (the hole and its rim) is worked on.
        int bx0 = w;
        int by0 = h;
        int bx1 = -1;
        int by1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (field.target[y * w + x]) {
                    bx0 = Math.min(bx0, x);
                    bx1 = Math.max(bx1, x);
                    by0 = Math.min(by0, y);
                    by1 = y;
                }
            }
        }
        if (bx1 < 0) {
            return;
        }
        int bw = bx1 - bx0 + 1;
        int bh = by1 - by0 + 1;
        float[] colour = level.colour;
        // The difference between each kept rim pixel and what the votes would paint there.
        float[] diff = new float[bw * bh * 3];
        float[] known = new float[bw * bh];
        boolean any = false;
        PixelVotes votes = new PixelVotes(level, field, weight, radius);
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                int q = y * w + x;
                if (level.hole[q] || !field.target[q]) {
                    continue;
                }
                if (votes.collect(x, y)) {
                    int b = (y - by0) * bw + x - bx0;
                    for (int c = 0; c < 3; c++) {
                        diff[b * 3 + c] = colour[q * 3 + c] - votes.mean(c);
                    }
                    known[b] = 1;
                    any = true;
                }
            }
        }
        if (!any) {
            return;
        }
        // Along the rim first: one pixel's difference is mostly texture the votes could not match;
        // their mean over a patch's width is the offset.
        normalisedBlur(diff, known, bw, bh, radius);
        float[] offset = pushPull(diff, known, bw, bh);
        float[] everywhere = new float[bw * bh];
        java.util.Arrays.fill(everywhere, 1f);
        normalisedBlur(offset, everywhere, bw, bh, radius); // with equal weights: the plain window mean
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                int p = y * w + x;
                if (!level.hole[p]) {
                    continue;
                }
                int b = (y - by0) * bw + x - bx0;
                for (int c = 0; c < 3; c++) {
                    // A shading correction, not a repaint: larger gaps are left to the texture.
                    colour[p * 3 + c] += Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, offset[b * 3 + c]));
                }
            }
        }
    }

    /** Where {@code weight} is non-zero, the weighted mean of the values within {@code r} (square window). */
    private static void normalisedBlur(float[] values, float[] weight, int w, int h, int r) {
        float[] weighted = new float[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            weighted[i * 4] = values[i * 3] * weight[i];
            weighted[i * 4 + 1] = values[i * 3 + 1] * weight[i];
            weighted[i * 4 + 2] = values[i * 3 + 2] * weight[i];
            weighted[i * 4 + 3] = weight[i];
        }
        boxSum(weighted, 4, w, h, r);
        for (int i = 0; i < w * h; i++) {
            float den = weighted[i * 4 + 3];
            if (weight[i] > 0 && den > 0) {
                values[i * 3] = weighted[i * 4] / den;
                values[i * 3 + 1] = weighted[i * 4 + 1] / den;
                values[i * 3 + 2] = weighted[i * 4 + 2] / den;
            }
        }
    }

    /** In place: each of the {@code k} channels summed over the (2r+1)² window, cut at the borders. */
    private static void boxSum(float[] data, int k, int w, int h, int r) {
        float[] line = new float[Math.max(w, h) * k];
        for (int y = 0; y < h; y++) {
            slide(data, y * w * k, k, k, w, r, line);
        }
        for (int x = 0; x < w; x++) {
            slide(data, x * k, w * k, k, h, r, line);
        }
    }

    /** Running window sums along one line of {@code length} elements, {@code stride} apart. */
    private static void slide(float[] data, int start, int stride, int k, int length, int r, float[] line) {
        for (int i = 0; i < length; i++) {
            System.arraycopy(data, start + i * stride, line, i * k, k);
        }
        for (int c = 0; c < k; c++) {
            double acc = 0;
            for (int i = 0; i <= Math.min(r, length - 1); i++) {
                acc += line[i * k + c];
            }
            for (int i = 0; i < length; i++) {
                data[start + i * stride + c] = (float) acc;
                int add = i + r + 1;
                int sub = i - r;
                if (add < length) {
                    acc += line[add * k + c];
                }
                if (sub >= 0) {
                    acc -= line[sub * k + c];
                }
            }
        }
    }

    /**
     * Push-pull (Gortler et al., 1996): the known values averaged down a pyramid until every cell has
     * some, then read back up, each level filling what it lacks from the one above it, bilinearly.
     */
    private static float[] pushPull(float[] values, float[] weight, int w, int h) {
        List<float[]> vs = new ArrayList<>();
        List<float[]> as = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        float[] v = values.clone();
        float[] a = weight.clone();
        int cw = w;
        int ch = h;
        vs.add(v);
        as.add(a);
        sizes.add(new int[]{cw, ch});
        while (cw > 1 || ch > 1) {
            int nw = (cw + 1) / 2;
            int nh = (ch + 1) / 2;
            float[] nv = new float[nw * nh * 3];
            float[] na = new float[nw * nh];
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    int i = y * cw + x;
                    int o = (y / 2) * nw + x / 2;
                    float ai = a[i];
                    na[o] += ai;
                    nv[o * 3] += ai * v[i * 3];
                    nv[o * 3 + 1] += ai * v[i * 3 + 1];
                    nv[o * 3 + 2] += ai * v[i * 3 + 2];
                }
            }
            for (int o = 0; o < nw * nh; o++) {
                if (na[o] > 0) {
                    nv[o * 3] /= na[o];
                    nv[o * 3 + 1] /= na[o];
                    nv[o * 3 + 2] /= na[o];
                    na[o] = Math.min(1, na[o]);
                }
            }
            v = nv;
            a = na;
            cw = nw;
            ch = nh;
            vs.add(v);
            as.add(a);
            sizes.add(new int[]{cw, ch});
        }
        for (int l = vs.size() - 2; l >= 0; l--) {
            float[] fine = vs.get(l);
            float[] fineA = as.get(l);
            float[] coarse = vs.get(l + 1);
            int fw = sizes.get(l)[0];
            int fh = sizes.get(l)[1];
            int kw = sizes.get(l + 1)[0];
            int kh = sizes.get(l + 1)[1];
            for (int y = 0; y < fh; y++) {
                // Fine pixel centres in coarse pixel coordinates.
                float gy = Math.max(0, Math.min(kh - 1, (y + 0.5f) / 2 - 0.5f));
                int y0 = (int) gy;
                int y1 = Math.min(kh - 1, y0 + 1);
                float ty = gy - y0;
                for (int x = 0; x < fw; x++) {
                    int i = y * fw + x;
                    float ai = fineA[i];
                    if (ai >= 1) {
                        continue;
                    }
                    float gx = Math.max(0, Math.min(kw - 1, (x + 0.5f) / 2 - 0.5f));
                    int x0 = (int) gx;
                    int x1 = Math.min(kw - 1, x0 + 1);
                    float tx = gx - x0;
                    for (int c = 0; c < 3; c++) {
                        float top = coarse[(y0 * kw + x0) * 3 + c] * (1 - tx) + coarse[(y0 * kw + x1) * 3 + c] * tx;
                        float bottom = coarse[(y1 * kw + x0) * 3 + c] * (1 - tx) + coarse[(y1 * kw + x1) * 3 + c] * tx;
                        float up = top * (1 - ty) + bottom * ty;
                        fine[i * 3 + c] = ai * fine[i * 3 + c] + (1 - ai) * up;
                    }
                }
            }
        }
        return vs.get(0);
    }
}
