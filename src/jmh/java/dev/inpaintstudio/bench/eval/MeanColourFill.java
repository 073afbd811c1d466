package dev.inpaintstudio.bench.eval;

import java.awt.image.BufferedImage;

/**
 * The floor: paints the hole in the mean colour of the kept pixels. Anything worth using must beat it,
 * and the metrics must score it low on texture (the self-check relies on that).
 */
final class MeanColourFill implements HoleFiller {
    @Override
    public String name() {
        return "Mean colour";
    }

    @Override
    public BufferedImage fill(BufferedImage image, byte[] hole) {
        int w = image.getWidth();
        int h = image.getHeight();
        long r = 0, g = 0, b = 0, n = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i] == 0) {
                int rgb = image.getRGB(i % w, i / w);
                r += (rgb >> 16) & 0xff;
                g += (rgb >> 8) & 0xff;
                b += rgb & 0xff;
                n++;
            }
        }
        int mean = n == 0 ? 0 : (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < hole.length; i++) {
            out.setRGB(i % w, i / w, hole[i] == 0 ? image.getRGB(i % w, i / w) : mean);
        }
        return out;
    }
}
