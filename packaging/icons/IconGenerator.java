/*
 * Draws the Inpaint Studio icon with Java2D and writes it as PNG, ICO (Windows) and ICNS (macOS).
 * Uses only the JDK. Run from the repository root with:
 *
 *     java -Djava.awt.headless=true packaging/icons/IconGenerator.java packaging/icons
 *
 * The drawing is on a 256-unit grid and scaled for each size, so every size is drawn, not resampled.
 */
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

public final class IconGenerator {
    private static final String NAME = "inpaint-studio";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);

        Files.write(dir.resolve(NAME + ".png"), png(draw(256)));

        // Windows: PNG-compressed ICO entries (supported since Vista), smallest first.
        int[] icoSizes = {16, 24, 32, 48, 64, 128, 256};
        List<byte[]> icoImages = new ArrayList<>();
        for (int s : icoSizes) {
            icoImages.add(png(draw(s)));
        }
        Files.write(dir.resolve(NAME + ".ico"), ico(icoSizes, icoImages));

        // macOS: ICNS with PNG payloads (icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024).
        String[] types = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
        int[] icnsSizes = {16, 32, 64, 128, 256, 512, 1024};
        List<byte[]> icnsImages = new ArrayList<>();
        for (int s : icnsSizes) {
            icnsImages.add(png(draw(s)));
        }
        Files.write(dir.resolve(NAME + ".icns"), icns(types, icnsImages));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        // Rounded square: a dark blue "canvas".
        RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56);
        g.setPaint(new GradientPaint(0, 8, new Color(0x34, 0x4B, 0x86), 0, 248, new Color(0x17, 0x20, 0x3D)));
        g.fill(tile);
        g.setClip(tile);

        // The picture being edited: a sun and two hills.
        g.setColor(new Color(0xF6, 0xC4, 0x53));
        g.fill(new Ellipse2D.Double(150, 44, 52, 52));
        Path2D far = new Path2D.Double();
        far.moveTo(8, 196);
        far.curveTo(60, 130, 110, 138, 150, 176);
        far.curveTo(180, 150, 220, 140, 248, 160);
        far.lineTo(248, 248);
        far.lineTo(8, 248);
        far.closePath();
        g.setColor(new Color(0x4C, 0x6F, 0xB8));
        g.fill(far);
        Path2D near = new Path2D.Double();
        near.moveTo(8, 222);
        near.curveTo(70, 190, 150, 196, 248, 214);
        near.lineTo(248, 248);
        near.lineTo(8, 248);
        near.closePath();
        g.setColor(new Color(0x2E, 0x47, 0x80));
        g.fill(near);

        // The mask: a translucent pink stroke painted over the picture.
        GeneralPath stroke = new GeneralPath();
        stroke.moveTo(46, 176);
        stroke.curveTo(70, 128, 104, 118, 122, 146);
        stroke.curveTo(138, 172, 152, 158, 166, 132);
        g.setStroke(new BasicStroke(30f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 64, 129, 190));
        g.draw(stroke);

        // The brush, lying diagonally with its tip at the end of the stroke.
        Graphics2D b = (Graphics2D) g.create();
        b.translate(166, 132);
        b.rotate(Math.toRadians(-45));
        // bristles (x grows along the handle, away from the tip)
        Path2D tip = new Path2D.Double();
        tip.moveTo(0, 0);
        tip.curveTo(6, -10, 18, -13, 30, -12);
        tip.lineTo(30, 12);
        tip.curveTo(18, 13, 6, 10, 0, 0);
        tip.closePath();
        b.setColor(new Color(0xFF, 0x40, 0x81));
        b.fill(tip);
        // ferrule
        b.setPaint(new GradientPaint(0, -12, new Color(0xE8, 0xEC, 0xF2), 0, 12, new Color(0x9A, 0xA4, 0xB5)));
        b.fill(new RoundRectangle2D.Double(28, -13, 26, 26, 6, 6));
        // handle
        Path2D handle = new Path2D.Double();
        handle.moveTo(52, -10);
        handle.lineTo(104, -7);
        handle.quadTo(112, 0, 104, 7);
        handle.lineTo(52, 10);
        handle.closePath();
        b.setColor(new Color(0xFA, 0xFA, 0xFC));
        b.fill(handle);
        b.dispose();

        // A thin light rim keeps the tile readable on dark backgrounds.
        g.setClip(null);
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(255, 255, 255, 40));
        g.draw(new RoundRectangle2D.Double(9, 9, 238, 238, 54, 54));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** ICO: ICONDIR, one ICONDIRENTRY per image, then the PNG payloads. Little-endian. */
    static byte[] ico(int[] sizes, List<byte[]> images) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        writeLe16(buf, 0);             // reserved
        writeLe16(buf, 1);             // type: icon
        writeLe16(buf, images.size());
        int offset = 6 + 16 * images.size();
        for (int i = 0; i < images.size(); i++) {
            int s = sizes[i];
            buf.write(s >= 256 ? 0 : s); // width, 0 means 256
            buf.write(s >= 256 ? 0 : s); // height
            buf.write(0);                // palette colours
            buf.write(0);                // reserved
            writeLe16(buf, 1);           // colour planes
            writeLe16(buf, 32);          // bits per pixel
            writeLe32(buf, images.get(i).length);
            writeLe32(buf, offset);
            offset += images.get(i).length;
        }
        for (byte[] image : images) {
            buf.write(image);
        }
        return buf.toByteArray();
    }

    /** ICNS: 'icns' + total length, then (type, length incl. 8-byte header, data) entries. Big-endian. */
    static byte[] icns(String[] types, List<byte[]> images) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (int i = 0; i < images.size(); i++) {
            d.writeBytes(types[i]);
            d.writeInt(8 + images.get(i).length);
            d.write(images.get(i));
        }
        d.flush();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.writeBytes("icns");
        a.writeInt(8 + body.size());
        body.writeTo(a);
        a.flush();
        return all.toByteArray();
    }

    private static void writeLe16(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void writeLe32(OutputStream out, int v) throws IOException {
        writeLe16(out, v & 0xFFFF);
        writeLe16(out, (v >>> 16) & 0xFFFF);
    }
}
