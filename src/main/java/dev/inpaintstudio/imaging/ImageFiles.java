package dev.inpaintstudio.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/** Reads image files into 8-bit ARGB, refusing what would not fit in memory before decoding it. */
public final class ImageFiles {
    /** Larger images are refused before any pixel is allocated (a decompression bomb declares huge sizes). */
    public static final long MAX_PIXELS = 200_000_000L;

    private ImageFiles() {
    }

    public static BufferedImage read(Path file) throws ImageReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, name);
        } catch (NoSuchFileException e) {
            throw new ImageReadException("\"" + name + "\" does not exist.", e);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException("\"" + name + "\" could not be read: " + e.getMessage(), e);
        }
    }

    public static BufferedImage decode(byte[] bytes, String name) throws ImageReadException {
        try {
            return decode(new ByteArrayInputStream(bytes), name);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException("\"" + name + "\" could not be read: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(InputStream in, String name) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                throw new ImageReadException("\"" + name + "\" could not be read.");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageReadException("\"" + name + "\" is not an image in a supported format (PNG, JPEG, GIF, BMP).");
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
