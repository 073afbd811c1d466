package dev.inpaintstudio.modelslab;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Tiny real images, encoded by ImageIO. */
final class TestImages {
    private TestImages() {
    }

    static byte[] png(int width, int height, Color color) {
        return encode(filled(width, height, color), "png");
    }

    static byte[] jpeg(int width, int height, Color color) {
        return encode(filled(width, height, color), "jpg");
    }

    /** Black (keep) with a white (repaint) square in the middle. */
    static byte[] mask(int width, int height) {
        BufferedImage img = filled(width, height, Color.BLACK);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(img, "png");
    }

    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalStateException("not an image");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
