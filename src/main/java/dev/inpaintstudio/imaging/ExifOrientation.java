package dev.inpaintstudio.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment), read from the
 * file's bytes, and applied to decoded pixels so the picture, and the mask painted on it, stand as
 * the camera meant.
 */
public final class ExifOrientation {
    /** Pixels as stored. */
    public static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** 1–8 from the file's EXIF, or {@link #NORMAL} for a non-JPEG, no EXIF, or a damaged tag. */
    public static int of(byte[] file) {
        if (file.length < 4 || (file[0] & 0xff) != 0xFF || (file[1] & 0xff) != 0xD8) {
            return NORMAL;
        }
        int p = 2;
        while (p + 4 <= file.length) {
            if ((file[p] & 0xff) != 0xFF) {
                return NORMAL;
            }
            int marker = file[p + 1] & 0xff;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL; // image data starts: no EXIF before it
            }
            int length = u16(file, p + 2, false);
            if (length < 2 || p + 2 + length > file.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && length >= 8 && file[p + 4] == 'E' && file[p + 5] == 'x' && file[p + 6] == 'i'
                    && file[p + 7] == 'f' && file[p + 8] == 0 && file[p + 9] == 0) {
                return fromTiff(file, p + 10, p + 2 + length);
            }
            p += 2 + length;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return NORMAL;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return NORMAL;
        }
        int at = (int) (start + ifd);
        int count = u16(b, at, little);
        for (int i = 0; i < count; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, little) == 0x0112) {
                int type = u16(b, entry + 2, little);
                int value = type == 3 ? u16(b, entry + 8, little) : type == 4 ? (int) u32(b, entry + 8, little) : -1;
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int a = b[i] & 0xff;
        int c = b[i + 1] & 0xff;
        return little ? a | (c << 8) : (a << 8) | c;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long hi = u16(b, little ? i + 2 : i, little);
        long lo = u16(b, little ? i : i + 2, little);
        return (hi << 16) | lo;
    }

    /** The picture turned and flipped as {@code orientation} (1–8) says; 1 returns it unchanged. */
    public static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = orientation >= 5;
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        BufferedImage out = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_ARGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                dst[y * dw + x] = src[sy * w + sx];
            }
        }
        return out;
    }
}
