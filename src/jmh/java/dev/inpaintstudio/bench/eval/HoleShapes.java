package dev.inpaintstudio.bench.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * The holes an artist cuts, drawn hard-edged (0 or 255 per pixel) so that "inside the hole" is exact.
 * Every shape comes from a fixed seed: the same picture size always gets the same hole.
 */
enum HoleShapes {
    /** A 40-px-wide brush stroke: a smooth curve across the long side of the picture, wavering across the short one. */
    STROKE_40PX("40-px stroke") {
        @Override
        byte[] draw(int width, int height, Random random) {
            boolean wide = width >= height;
            double along = wide ? width : height;
            double across = wide ? height : width;
            Path2D.Double path = new Path2D.Double();
            int points = 5;
            double[] a = new double[points];
            double[] c = new double[points];
            for (int i = 0; i < points; i++) {
                a[i] = along * (0.12 + 0.76 * i / (points - 1));
                c[i] = across * (0.3 + 0.4 * random.nextDouble());
            }
            path.moveTo(wide ? a[0] : c[0], wide ? c[0] : a[0]);
            for (int i = 1; i < points; i++) {
                double ma = (a[i - 1] + a[i]) / 2;
                double mc = (c[i - 1] + c[i]) / 2;
                // Quadratic segments through the midpoints: a curve with no corners, as a hand draws it.
                path.quadTo(wide ? a[i - 1] : c[i - 1], wide ? c[i - 1] : a[i - 1], wide ? ma : mc, wide ? mc : ma);
            }
            path.lineTo(wide ? a[points - 1] : c[points - 1], wide ? c[points - 1] : a[points - 1]);
            Shape stroke = new BasicStroke(40f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(path);
            return rasterise(width, height, stroke);
        }
    },
    /** An irregular blob of 15 % of the picture: overlapping circles grown from the centre until the area is reached. */
    BLOB_15PCT("15 % blob") {
        @Override
        byte[] draw(int width, int height, Random random) {
            long target = Math.round(width * height * 0.15);
            double cx = width / 2.0;
            double cy = height / 2.0;
            double r = Math.sqrt(target / Math.PI) * 0.45;
            BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = canvas.createGraphics();
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            byte[] hole = pixels(canvas);
            while (count(hole) < target) {
                // The next circle touches the blob: start from a random hole pixel near its rim.
                int[] at = randomHolePixel(hole, width, random);
                double cr = r * (0.5 + 0.5 * random.nextDouble());
                double ang = random.nextDouble() * 2 * Math.PI;
                double nx = Math.max(cr, Math.min(width - cr, at[0] + Math.cos(ang) * cr * 0.8));
                double ny = Math.max(cr, Math.min(height - cr, at[1] + Math.sin(ang) * cr * 0.8));
                g.fill(new Ellipse2D.Double(nx - cr, ny - cr, 2 * cr, 2 * cr));
                hole = pixels(canvas);
            }
            g.dispose();
            return hole;
        }
    },
    /** A centred rectangle of 25 % of the picture, with the picture's proportions. */
    RECT_25PCT("25 % rectangle") {
        @Override
        byte[] draw(int width, int height, Random random) {
            double w = width * 0.5;
            double h = height * 0.5;
            return rasterise(width, height, new Rectangle2D.Double((width - w) / 2, (height - h) / 2, w, h));
        }
    };

    private final String label;

    HoleShapes(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** One byte per pixel, row-major, 255 inside the hole. */
    byte[] hole(int width, int height, long seed) {
        return draw(width, height, new Random(seed * 31 + ordinal()));
    }

    abstract byte[] draw(int width, int height, Random random);

    static double coveredFraction(byte[] hole) {
        return (double) count(hole) / hole.length;
    }

    private static byte[] rasterise(int width, int height, Shape shape) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(shape);
        g.dispose();
        return pixels(canvas);
    }

    private static byte[] pixels(BufferedImage grey) {
        byte[] raw = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] hole = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            hole[i] = raw[i] == 0 ? 0 : (byte) 255;
        }
        return hole;
    }

    private static long count(byte[] hole) {
        long n = 0;
        for (byte b : hole) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    private static int[] randomHolePixel(byte[] hole, int width, Random random) {
        long n = count(hole);
        long pick = (long) (random.nextDouble() * n);
        for (int i = 0; i < hole.length; i++) {
            if (hole[i] != 0 && pick-- == 0) {
                return new int[] {i % width, i / width};
            }
        }
        throw new IllegalStateException("Empty hole");
    }
}
