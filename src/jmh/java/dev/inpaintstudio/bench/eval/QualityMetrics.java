package dev.inpaintstudio.bench.eval;

import java.awt.image.BufferedImage;

/**
 * How close a fill is to the picture that was there, measured only where the hole was.
 *
 * <ul>
 *   <li>PSNR: over the hole's pixels, mean squared error of R, G and B together, peak 255.
 *       Infinite when the hole is reproduced exactly.</li>
 *   <li>SSIM: on luminance (Y = 0.299 R + 0.587 G + 0.114 B), Wang et al.'s formula with an 11×11
 *       Gaussian window (σ = 1.5), K1 = 0.01, K2 = 0.03, L = 255. One window is centred on every hole
 *       pixel and the scores are averaged; windows reach into the kept pixels around the hole, as a
 *       viewer's eye does at its edge, and are cut off (weights renormalised) at the picture's border.</li>
 *   <li>Detail: the fill's mean luminance gradient magnitude over the hole divided by the original's.
 *       PSNR and SSIM both reward a blur over a plausible texture that is not pixel-for-pixel the lost
 *       one; this is the number that shows a smear: about 1 for texture as busy as what was there,
 *       near 0 for a flat or smeared fill.</li>
 * </ul>
 */
final class QualityMetrics {
    static final int SSIM_WINDOW = 11;
    static final double SSIM_SIGMA = 1.5;
    private static final double C1 = sq(0.01 * 255);
    private static final double C2 = sq(0.03 * 255);
    private static final double[] KERNEL = gaussian(SSIM_WINDOW, SSIM_SIGMA);

    private QualityMetrics() {
    }

    /** PSNR in dB over the pixels where {@code hole} is non-zero. */
    static double psnr(BufferedImage original, BufferedImage filled, byte[] hole) {
        checkSizes(original, filled, hole);
        int w = original.getWidth();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i] == 0) {
                continue;
            }
            int a = original.getRGB(i % w, i / w);
            int b = filled.getRGB(i % w, i / w);
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += sq(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
            }
            n += 3;
        }
        if (n == 0) {
            throw new IllegalArgumentException("The hole is empty");
        }
        double mse = sum / n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Mean luminance SSIM of the windows centred on the pixels where {@code hole} is non-zero. */
    static double ssim(BufferedImage original, BufferedImage filled, byte[] hole) {
        checkSizes(original, filled, hole);
        int w = original.getWidth();
        int h = original.getHeight();
        double[] x = luminance(original);
        double[] y = luminance(filled);
        int r = SSIM_WINDOW / 2;
        double total = 0;
        long n = 0;
        for (int cy = 0; cy < h; cy++) {
            for (int cx = 0; cx < w; cx++) {
                if (hole[cy * w + cx] == 0) {
                    continue;
                }
                double sw = 0, mx = 0, my = 0;
                for (int dy = -r; dy <= r; dy++) {
                    int py = cy + dy;
                    if (py < 0 || py >= h) {
                        continue;
                    }
                    for (int dx = -r; dx <= r; dx++) {
                        int px = cx + dx;
                        if (px < 0 || px >= w) {
                            continue;
                        }
                        double k = KERNEL[dy + r] * KERNEL[dx + r];
                        sw += k;
                        mx += k * x[py * w + px];
                        my += k * y[py * w + px];
                    }
                }
                mx /= sw;
                my /= sw;
                double vx = 0, vy = 0, cov = 0;
                for (int dy = -r; dy <= r; dy++) {
                    int py = cy + dy;
                    if (py < 0 || py >= h) {
                        continue;
                    }
                    for (int dx = -r; dx <= r; dx++) {
                        int px = cx + dx;
                        if (px < 0 || px >= w) {
                            continue;
                        }
                        double k = KERNEL[dy + r] * KERNEL[dx + r];
                        double ex = x[py * w + px] - mx;
                        double ey = y[py * w + px] - my;
                        vx += k * ex * ex;
                        vy += k * ey * ey;
                        cov += k * ex * ey;
                    }
                }
                vx /= sw;
                vy /= sw;
                cov /= sw;
                total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("The hole is empty");
        }
        return total / n;
    }

    /** Mean gradient magnitude of the fill's luminance over the hole, relative to the original's. */
    static double detail(BufferedImage original, BufferedImage filled, byte[] hole) {
        checkSizes(original, filled, hole);
        int w = original.getWidth();
        int h = original.getHeight();
        double[] x = luminance(original);
        double[] y = luminance(filled);
        double gx = 0;
        double gy = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i] != 0) {
                gx += gradient(x, w, h, i % w, i / w);
                gy += gradient(y, w, h, i % w, i / w);
            }
        }
        if (gx == 0) {
            throw new IllegalArgumentException("The original is flat inside the hole");
        }
        return gy / gx;
    }

    /** Central differences, one-sided at the picture's border. */
    private static double gradient(double[] lum, int w, int h, int x, int y) {
        double dx = lum[y * w + Math.min(w - 1, x + 1)] - lum[y * w + Math.max(0, x - 1)];
        double dy = lum[Math.min(h - 1, y + 1) * w + x] - lum[Math.max(0, y - 1) * w + x];
        return Math.hypot(dx, dy);
    }

    private static double[] luminance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] y = new double[w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                int rgb = image.getRGB(px, py);
                y[py * w + px] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return y;
    }

    private static double[] gaussian(int size, double sigma) {
        double[] k = new double[size];
        for (int i = 0; i < size; i++) {
            double d = i - size / 2;
            k[i] = Math.exp(-d * d / (2 * sigma * sigma));
        }
        return k;
    }

    private static void checkSizes(BufferedImage a, BufferedImage b, byte[] hole) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()
                || hole.length != a.getWidth() * a.getHeight()) {
            throw new IllegalArgumentException("Pictures and hole differ in size");
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
