package dev.inpaintstudio.local;

import java.awt.image.BufferedImage;

/** The naive fills a content-aware fill has to beat: the mean colour, and smooth diffusion. */
final class ReferenceFills {
    private ReferenceFills() {
    }

    /** Every covered pixel becomes the mean colour of the uncovered ones. */
    static BufferedImage mean(BufferedImage image, byte[] coverage) {
        int w = image.getWidth();
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] == 0) {
                int c = image.getRGB(i % w, i / w);
                r += (c >> 16) & 0xff;
                g += (c >> 8) & 0xff;
                b += c & 0xff;
                n++;
            }
        }
        int mean = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
        BufferedImage out = copy(image);
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] != 0) {
                out.setRGB(i % w, i / w, mean);
            }
        }
        return out;
    }

    /** Harmonic (membrane) fill, what Telea- or Navier–Stokes-like inpainting converges to. */
    static BufferedImage diffusion(BufferedImage image, byte[] coverage) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] rgb = new float[w * h * 3];
        boolean[] hole = new boolean[w * h];
        for (int i = 0; i < hole.length; i++) {
            int c = image.getRGB(i % w, i / w);
            rgb[i * 3] = (c >> 16) & 0xff;
            rgb[i * 3 + 1] = (c >> 8) & 0xff;
            rgb[i * 3 + 2] = c & 0xff;
            hole[i] = coverage[i] != 0;
        }
        DiffusionFill.fill(new FillLevel(w, h, rgb, hole, new boolean[w * h]), 2000);
        BufferedImage out = copy(image);
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                int r = Math.round(rgb[i * 3]);
                int g = Math.round(rgb[i * 3 + 1]);
                int b = Math.round(rgb[i * 3 + 2]);
                out.setRGB(i % w, i / w, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }
}
