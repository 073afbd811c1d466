package dev.inpaintstudio.editor.ops;

import dev.inpaintstudio.editor.PixelRect;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Turns shapes in image coordinates into anti-aliased coverage, clipped to the image. */
public final class ShapeRaster {
    private ShapeRaster() {
    }

    public static Selection rectangle(double x0, double y0, double x1, double y1, int width, int height) {
        return rasterize(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)),
                width, height);
    }

    public static Selection ellipse(double x0, double y0, double x1, double y1, int width, int height) {
        return rasterize(new Ellipse2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)),
                width, height);
    }

    /** A closed polygon through {@code xy} = x0, y0, x1, y1, …; self-intersections follow the non-zero rule. */
    public static Selection polygon(double[] xy, int width, int height) {
        if (xy.length < 6) {
            return Selection.EMPTY;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, xy.length / 2 + 1);
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i + 1 < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return rasterize(path, width, height);
    }

    /** The area of the image a shape's coverage would need, before rasterizing it. */
    public static PixelRect bounds(Shape shape, int width, int height) {
        Rectangle2D b = shape.getBounds2D();
        return PixelRect.ofBounds((int) Math.floor(b.getMinX()), (int) Math.floor(b.getMinY()),
                (int) Math.ceil(b.getMaxX()), (int) Math.ceil(b.getMaxY())).intersect(new PixelRect(0, 0, width, height));
    }

    public static Selection rasterize(Shape shape, int width, int height) {
        PixelRect r = bounds(shape, width, height);
        if (r.isEmpty()) {
            return Selection.EMPTY;
        }
        BufferedImage gray = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.translate(-r.x(), -r.y());
            g.setColor(java.awt.Color.WHITE);
            g.fill(shape);
        } finally {
            g.dispose();
        }
        byte[] coverage = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        return new Selection(r, coverage);
    }
}
