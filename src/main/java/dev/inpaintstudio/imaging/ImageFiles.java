package dev.inpaintstudio.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads image files into 8-bit ARGB, refusing what would not fit in memory before decoding it. */
public final class ImageFiles {
    /** Larger images are refused before any pixel is allocated (a decompression bomb declares huge sizes). */
    public static final long MAX_PIXELS = 200_000_000L;

    private ImageFiles() {
    }

    /**
     * A decoded picture and what was done to it on the way in, for the user to be told (a 16-bit or
     * CMYK file brought to 8-bit sRGB, an EXIF rotation applied).
     */
    public record Decoded(BufferedImage image, List<String> notices) {
        public Decoded {
            notices = List.copyOf(notices);
        }
    }

    public static BufferedImage read(Path file) throws ImageReadException {
        return readWithNotices(file).image();
    }

    public static Decoded readWithNotices(Path file) throws ImageReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new ImageReadException("\"" + name + "\" is too large a file to open.");
            }
            return decodeWithNotices(Files.readAllBytes(file), name);
        } catch (NoSuchFileException e) {
            throw new ImageReadException("\"" + name + "\" does not exist.", e);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException("\"" + name + "\" could not be read: " + e.getMessage(), e);
        }
    }

    public static BufferedImage decode(byte[] bytes, String name) throws ImageReadException {
        return decodeWithNotices(bytes, name).image();
    }

    public static Decoded decodeWithNotices(byte[] bytes, String name) throws ImageReadException {
        try {
            List<String> notices = new ArrayList<>();
            BufferedImage image = decode(new ByteArrayInputStream(bytes), name, notices);
            int orientation = ExifOrientation.of(bytes);
            if (orientation != ExifOrientation.NORMAL) {
                image = ExifOrientation.apply(image, orientation);
                notices.add("\"" + name + "\" was turned upright as its EXIF orientation (" + orientation + ") says.");
            }
            return new Decoded(image, notices);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException("\"" + name + "\" could not be read: " + e.getMessage(), e);
        }
    }

    private static boolean isCmykSource(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static BufferedImage decode(InputStream in, String name, List<String> notices) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                throw new ImageReadException("\"" + name + "\" could not be read.");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageReadException("\"" + name + "\" is not an image in a supported format (PNG, JPEG, WebP, TIFF, BMP, GIF, PSD).");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageReadException("\"" + name + "\" declares an empty image.");
                }
                if (width * height > MAX_PIXELS) {
                    throw new ImageReadException("\"" + name + "\" is " + width + "×" + height
                            + " pixels, more than the " + (MAX_PIXELS / 1_000_000) + " megapixels Inpaint Studio opens.");
                }
                BufferedImage decoded = reader.read(0);
                if (decoded == null) {
                    throw new ImageReadException("\"" + name + "\" could not be decoded.");
                }
                ColorModel cm = decoded.getColorModel();
                int bits = 0;
                for (int c = 0; c < cm.getNumComponents(); c++) {
                    bits = Math.max(bits, cm.getComponentSize(c));
                }
                if (bits > 8) {
                    notices.add("\"" + name + "\" has " + bits + "-bit channels; it was converted to 8-bit sRGB.");
                }
                if (cm.getColorSpace().getType() == ColorSpace.TYPE_CMYK || isCmykSource(reader)) {
                    notices.add("\"" + name + "\" is CMYK; it was converted to 8-bit sRGB.");
                }
                return ImageConversions.toArgb(decoded);
            } catch (ImageReadException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new ImageReadException("\"" + name + "\" is damaged or truncated and could not be decoded.", e);
            } finally {
                reader.dispose();
            }
        }
    }
}
