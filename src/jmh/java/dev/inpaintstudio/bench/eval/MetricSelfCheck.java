package dev.inpaintstudio.bench.eval;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Known answers for {@link QualityMetrics}, checked before every evaluation: numbers from a broken
 * metric would be worse than none, so the evaluation refuses to run when one of these fails.
 */
final class MetricSelfCheck {
    private static final int SIZE = 64;

    private MetricSelfCheck() {
    }

    /** @throws IllegalStateException naming the first check that failed */
    static void run() {
        BufferedImage texture = texture(new Random(7));
        byte[] hole = centredSquare(SIZE, 24);

        check("identity fill: PSNR is infinite", QualityMetrics.psnr(texture, texture, hole) == Double.POSITIVE_INFINITY);
        check("identity fill: SSIM is 1", Math.abs(QualityMetrics.ssim(texture, texture, hole) - 1) < 1e-12);

        BufferedImage brighter = map(texture, hole, v -> v + 10);
        double expected = 20 * Math.log10(255.0 / 10);
        check("an offset of 10 on every channel gives PSNR 20·log10(255/10)",
                Math.abs(QualityMetrics.psnr(texture, brighter, hole) - expected) < 1e-9);

        BufferedImage grey100 = flat(100);
        BufferedImage grey110 = flat(110);
        double c1 = Math.pow(0.01 * 255, 2);
        double flatSsim = (2 * 100 * 110 + c1) / (100 * 100 + 110 * 110 + c1);
        check("two flat greys: SSIM is the luminance term alone",
                Math.abs(QualityMetrics.ssim(grey100, grey110, hole) - flatSsim) < 1e-12);

        BufferedImage slightNoise = addNoise(texture, hole, 5, new Random(1));
        BufferedImage heavyNoise = addNoise(texture, hole, 25, new Random(1));
        double slight = QualityMetrics.ssim(texture, slightNoise, hole);
        double heavy = QualityMetrics.ssim(texture, heavyNoise, hole);
        check("more noise in the hole scores lower SSIM", slight < 1 && heavy < slight);
        check("more noise in the hole scores lower PSNR",
                QualityMetrics.psnr(texture, heavyNoise, hole) < QualityMetrics.psnr(texture, slightNoise, hole));
        check("SSIM is symmetric",
                Math.abs(QualityMetrics.ssim(texture, heavyNoise, hole) - QualityMetrics.ssim(heavyNoise, texture, hole)) < 1e-12);

        BufferedImage mean = new MeanColourFill().fill(texture, hole);
        check("a flat fill of a texture scores low SSIM", QualityMetrics.ssim(texture, mean, hole) < 0.3);
        check("identity fill: detail is 1", Math.abs(QualityMetrics.detail(texture, texture, hole) - 1) < 1e-12);
        check("a flat fill of a texture has almost no detail", QualityMetrics.detail(texture, mean, hole) < 0.2);
        check("noise adds detail", QualityMetrics.detail(texture, heavyNoise, hole) > 1);

        byte[] farAway = new byte[SIZE * SIZE];
        for (int i = 0; i < SIZE; i++) {
            farAway[i] = (byte) 255;
        }
        BufferedImage changedOutside = map(texture, farAway, v -> 255 - v);
        check("pixels beyond the SSIM window of the hole do not count",
                QualityMetrics.psnr(texture, changedOutside, hole) == Double.POSITIVE_INFINITY
                        && Math.abs(QualityMetrics.ssim(texture, changedOutside, hole) - 1) < 1e-12);
    }

    private static void check(String what, boolean ok) {
        if (!ok) {
            throw new IllegalStateException("Metric self-check failed: " + what);
        }
    }

    /** Smoothed colour noise between 30 and 220: detail at several scales, like a photo of gravel. */
    private static BufferedImage texture(Random random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        double[][] noise = new double[3][SIZE * SIZE];
        for (double[] channel : noise) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = random.nextDouble();
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = 0;
                for (double[] channel : noise) {
                    double v = 0.5 * channel[y * SIZE + x] + 0.5 * channel[y * SIZE + (x + 1) % SIZE];
                    rgb = rgb << 8 | (int) (30 + 190 * v);
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static BufferedImage flat(int grey) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return image;
    }

    private static byte[] centredSquare(int size, int side) {
        byte[] hole = new byte[size * size];
        int from = (size - side) / 2;
        for (int y = from; y < from + side; y++) {
            for (int x = from; x < from + side; x++) {
                hole[y * size + x] = (byte) 255;
            }
        }
        return hole;
    }

    private static BufferedImage map(BufferedImage image, byte[] where, java.util.function.IntUnaryOperator f) {
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (where[y * SIZE + x] != 0) {
                    rgb = f.applyAsInt(rgb >> 16 & 0xff) << 16 | f.applyAsInt(rgb >> 8 & 0xff) << 8 | f.applyAsInt(rgb & 0xff);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static BufferedImage addNoise(BufferedImage image, byte[] where, double sigma, Random random) {
        return map(image, where, v -> Math.max(0, Math.min(255, (int) Math.round(v + random.nextGaussian() * sigma))));
    }
}
