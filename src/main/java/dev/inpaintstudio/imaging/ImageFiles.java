package dev.inpaintstudio.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

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
        return decodeWithNotices(bytes, name, ImageFiles::availableMemory);
    }

    /**
     * As {@link #decodeWithNotices(byte[], String)}, refusing a picture whose pixels would need more
     * than {@code memory} reports free (bytes) when the header is read.
     */
    static Decoded decodeWithNotices(byte[] bytes, String name, LongSupplier memory) throws ImageReadException {
        try {
            List<String> notices = new ArrayList<>();
            int orientation = ExifOrientation.of(bytes);
            boolean turned = orientation != ExifOrientation.NORMAL;
            BufferedImage image = decode(new ByteArrayInputStream(bytes), name, notices, turned, memory);
            if (turned) {
                try {
                    image = ExifOrientation.apply(image, orientation);
                } catch (OutOfMemoryError e) {
                    throw outOfMemory(name, image.getWidth(), image.getHeight());
                }
                notices.add("\"" + name + "\" was turned upright as its EXIF orientation (" + orientation + ") says.");
            }
            return new Decoded(image, notices);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException("\"" + name + "\" could not be read: " + e.getMessage(), e);
        }
    }

    /** What the heap can still give: its limit less what is in use now (garbage not yet collected counts as used). */
    static long availableMemory() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Bytes opening a {@code width}×{@code height} picture takes at its peak: the decoded raster at the
     * file's own depth, the 8-bit ARGB copy the app works on, and for an EXIF rotation the pixels it
     * reads out and the turned picture it writes them into.
     */
    static long bytesToOpen(long width, long height, int rawBytesPerPixel, boolean turned) {
        long pixels = width * height;
        return pixels * (rawBytesPerPixel + 4L + (turned ? 8L : 0L));
    }

    /** Bytes a pixel of the reader's own decoded layout takes; 4 when it does not say. */
    private static int rawBytesPerPixel(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw == null) {
                return 4;
            }
            SampleModel sm = raw.getSampleModel(1, 1);
            int bits = 0;
            for (int b = 0; b < sm.getNumBands(); b++) {
                bits += sm.getSampleSize(b);
            }
            // Packed layouts hold a pixel in one int however few bits it uses.
            return sm instanceof SinglePixelPackedSampleModel ? 4 : Math.max(1, (bits + 7) / 8);
        } catch (IOException | RuntimeException e) {
            return 4;
        }
    }

    private static ImageReadException outOfMemory(String name, long width, long height) {
        return new ImageReadException("\"" + name + "\" (" + width + "×" + height + " pixels) ran out of memory while it was"
                + " being opened; " + megabytes(availableMemory()) + " are free now. Close other pictures, or start"
                + " Inpaint Studio with more memory (-Xmx).");
    }

    static String megabytes(long bytes) {
        long mb = Math.max(0, bytes) / (1024 * 1024);
        return mb >= 10_240 ? String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024.0) : mb + " MB";
    }

    /**
     * Whether a decoder's warning means pixels are missing: the JPEG decoders report a file cut short
     * as a warning and fill the rest with grey. Stray bytes between segments, which many cameras
     * write, cost nothing and are let through.
     */
    static boolean meansDamage(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
        if (w.contains("extraneous bytes")) {
            return false;
        }
        return w.contains("premature end") || w.contains("truncat") || w.contains("corrupt")
                || w.contains("missing eoi") || w.contains("end of file") || w.contains("huffman");
    }

    private static boolean isCmykSource(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static BufferedImage decode(InputStream in, String name, List<String> notices, boolean turned,
                                        LongSupplier memory) throws IOException {
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
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageReadException("\"" + name + "\" declares an empty image.");
                }
                if (width * height > MAX_PIXELS) {
                    throw new ImageReadException("\"" + name + "\" is " + width + "×" + height
                            + " pixels, more than the " + (MAX_PIXELS / 1_000_000) + " megapixels Inpaint Studio opens.");
                }
                long needed = bytesToOpen(width, height, rawBytesPerPixel(reader), turned);
                long available = memory.getAsLong();
                if (needed > available) {
                    // Garbage not yet collected counts as used: measure again once it is gone.
                    System.gc();
                    available = memory.getAsLong();
                }
                if (needed > available) {
                    throw new ImageReadException("\"" + name + "\" is " + width + "×" + height + " pixels; opening it takes about "
                            + megabytes(needed) + " of memory and only " + megabytes(available) + " are free."
                            + " Close other pictures, or start Inpaint Studio with more memory (-Xmx).");
                }
                BufferedImage decoded;
                try {
                    decoded = reader.read(0);
                } catch (OutOfMemoryError e) {
                    throw outOfMemory(name, width, height);
                }
                if (decoded == null) {
                    throw new ImageReadException("\"" + name + "\" could not be decoded.");
                }
                for (String warning : warnings) {
                    if (meansDamage(warning)) {
                        throw new ImageReadException("\"" + name + "\" is damaged: the file ends early or its picture"
                                + " data is broken, so part of the picture would be missing (" + warning.strip() + ").");
                    }
                }
                if (!warnings.isEmpty()) {
                    notices.add("\"" + name + "\" opened with a warning from its decoder: " + warnings.get(0).strip());
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
                try {
                    return ImageConversions.toArgb(decoded);
                } catch (OutOfMemoryError e) {
                    decoded = null;
                    throw outOfMemory(name, width, height);
                }
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
