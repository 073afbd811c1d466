package dev.inpaintstudio.bench.eval;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One picture to look at: the original with the hole outlined, then every fill of it, left to right. */
final class SideBySide {
    private static final int GAP = 6;
    private static final int CAPTION = 30;
    private static final Color HOLE_EDGE = new Color(255, 40, 40);

    /** A picture and the two caption lines above it. */
    record Panel(String title, String detail, BufferedImage image) {
    }

    private SideBySide() {
    }

    /** The original with the hole's rim drawn in red, so what was there stays visible. */
    static BufferedImage marked(BufferedImage original, byte[] hole) {
        int w = original.getWidth();
        int h = original.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean rim = hole[y * w + x] != 0 && (isKept(hole, w, h, x - 1, y) || isKept(hole, w, h, x + 1, y)
                        || isKept(hole, w, h, x, y - 1) || isKept(hole, w, h, x, y + 1));
                out.setRGB(x, y, rim ? HOLE_EDGE.getRGB() : original.getRGB(x, y));
            }
        }
        return out;
    }

    static void write(Path file, List<Panel> panels) throws IOException {
        // Small crops are shown at twice their size, in whole pixels, so their texture can be seen.
        int scale = Math.max(panels.get(0).image().getWidth(), panels.get(0).image().getHeight()) < 256 ? 2 : 1;
        int h = 0;
        for (Panel p : panels) {
            h = Math.max(h, p.image().getHeight() * scale);
        }
        // Narrow crops get room for their captions.
        int columnMin = 200;
        int width = GAP;
        for (Panel p : panels) {
            width += Math.max(columnMin, p.image().getWidth() * scale) + GAP;
        }
        BufferedImage sheet = new BufferedImage(width, h + CAPTION + 2 * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = GAP;
        for (Panel p : panels) {
            g.drawString(p.title(), x, GAP + 11);
            g.drawString(p.detail(), x, GAP + 25);
            g.drawImage(p.image(), x, GAP + CAPTION, p.image().getWidth() * scale, p.image().getHeight() * scale, null);
            x += Math.max(columnMin, p.image().getWidth() * scale) + GAP;
        }
        g.dispose();
        ImageIO.write(sheet, "png", file.toFile());
    }

    private static boolean isKept(byte[] hole, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h || hole[y * w + x] == 0;
    }
}
