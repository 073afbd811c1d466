package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

class ImageFilesTest {
    @TempDir
    Path dir;

    /** 60 wide, 40 high: red in the left third, blue elsewhere; the top-left pixel green. */
    static BufferedImage marked() {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                img.setRGB(x, y, x < 20 ? 0xff0000 : 0x0000ff);
            }
        }
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, 0x00ff00);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "a writer for " + format);
        return out.toByteArray();
    }

    /** A JPEG with an APP1 EXIF segment carrying {@code orientation}, inserted right after SOI. */
    static byte[] jpegWithOrientation(BufferedImage img, int orientation, boolean littleEndian) throws IOException {
        byte[] jpeg = encode(img, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = tiff.array();
        int length = 2 + 6 + exif.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static boolean reddish(int argb) {
        return ((argb >> 16) & 0xff) > 180 && (argb & 0xff) < 80;
    }

    private static boolean greenish(int argb) {
        return ((argb >> 8) & 0xff) > 180 && ((argb >> 16) & 0xff) < 80;
    }

    @Test
    void exifOrientationSixIsTurnedClockwiseSoMasksLineUp() throws Exception {
        for (boolean little : new boolean[]{true, false}) {
            Path file = dir.resolve("rotated-" + little + ".jpg");
            Files.write(file, jpegWithOrientation(marked(), 6, little));
            ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file);
            BufferedImage img = decoded.image();
            assertEquals(40, img.getWidth(), "turned: the sides swap");
            assertEquals(60, img.getHeight());
            // 90° clockwise: the left (red) third ends up at the top, the green corner at the top right.
            assertTrue(reddish(img.getRGB(20, 5)), Integer.toHexString(img.getRGB(20, 5)));
            assertFalse(reddish(img.getRGB(20, 50)));
            assertTrue(greenish(img.getRGB(37, 2)), Integer.toHexString(img.getRGB(37, 2)));
            assertTrue(decoded.notices().stream().anyMatch(n -> n.contains("EXIF orientation")), decoded.notices().toString());
        }
    }

    @Test
    void everyOrientationMapsTheCornerWhereExifSaysIt() {
        BufferedImage src = marked();
        // Where the green top-left corner of the stored pixels ends up, per orientation (as x, y fractions).
        int[][] corner = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage out = ExifOrientation.apply(src, o);
            assertEquals(o >= 5 ? 40 : 60, out.getWidth());
            int x = corner[o - 1][0] == 0 ? 2 : out.getWidth() - 3;
            int y = corner[o - 1][1] == 0 ? 2 : out.getHeight() - 3;
            assertEquals(0xff00ff00, out.getRGB(x, y), "orientation " + o);
        }
        assertSame(src, ExifOrientation.apply(src, 1));
    }

    @Test
    void aJpegWithoutExifAndOtherFormatsAreLeftAsTheyAre() throws Exception {
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.of(encode(marked(), "jpeg")));
        assertEquals(ExifOrientation.NORMAL, ExifOrientation.of(encode(marked(), "png")));
        assertEquals(6, ExifOrientation.of(jpegWithOrientation(marked(), 6, false)));
    }

    @Test
    void pngBmpGifAndTiffOpen() throws Exception {
        for (String format : new String[]{"png", "bmp", "gif", "tiff"}) {
            Path file = dir.resolve("p." + format);
            Files.write(file, encode(marked(), format));
            BufferedImage img = ImageFiles.read(file);
            assertEquals(60, img.getWidth(), format);
            assertEquals(40, img.getHeight(), format);
            assertTrue(reddish(img.getRGB(10, 20)), format);
        }
    }

    @Test
    void theTwelveMonkeysReadersAreRegistered() {
        for (String format : new String[]{"webp", "psd", "tiff", "bmp", "jpeg"}) {
            assertTrue(ImageIO.getImageReadersByFormatName(format).hasNext(), "a reader for " + format);
        }
    }

    @Test
    void aSixteenBitPngIsBroughtTo8BitWithANotice() throws Exception {
        BufferedImage deep = new BufferedImage(30, 20, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                deep.getRaster().setSample(x, y, 0, 65535);
            }
        }
        Path file = dir.resolve("deep.png");
        Files.write(file, encode(deep, "png"));
        ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file);
        assertEquals(BufferedImage.TYPE_INT_ARGB, decoded.image().getType());
        assertEquals(0xffffffff, decoded.image().getRGB(5, 5));
        assertTrue(decoded.notices().stream().anyMatch(n -> n.contains("16-bit")), decoded.notices().toString());
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws Exception {
        Path file = dir.resolve("bomb.png");
        Files.write(file, pngDeclaring(100_000, 100_000));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("100000×100000"), e.getMessage());
        assertTrue(e.getMessage().contains("megapixels"), e.getMessage());
    }

    @Test
    void aPictureNeedingMoreMemoryThanIsFreeIsRefusedBeforeDecoding() throws Exception {
        // 100 megapixels: under the 200 MP limit, but about 700 MB to open against 100 MB free.
        byte[] large = pngDeclaring(10_000, 10_000);
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.decodeWithNotices(large, "large.png", () -> 100L << 20));
        assertTrue(e.getMessage().contains("10000×10000"), e.getMessage());
        assertTrue(e.getMessage().contains("100 MB are free"), e.getMessage());
        assertTrue(e.getMessage().contains("about 667 MB"), e.getMessage());

        byte[] small = encode(marked(), "png");
        assertEquals(60, ImageFiles.decodeWithNotices(small, "small.png", () -> 1L << 20).image().getWidth());
        assertThrows(ImageReadException.class, () -> ImageFiles.decodeWithNotices(small, "small.png", () -> 10_000L),
                "60×40 needs about 17 KB");
    }

    @Test
    void theEstimateCountsTheRasterTheArgbCopyAndARotation() {
        assertEquals(6000L * 4000 * (3 + 4), ImageFiles.bytesToOpen(6000, 4000, 3, false));
        assertEquals(6000L * 4000 * (8 + 4 + 8), ImageFiles.bytesToOpen(6000, 4000, 8, true));
    }

    @Test
    void aJpegCutShortInItsPictureDataIsRefusedNotShownHalfGrey() throws Exception {
        BufferedImage noise = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                noise.setRGB(x, y, random.nextInt() & 0xffffff);
            }
        }
        byte[] jpeg = encode(noise, "jpeg");
        Path whole = dir.resolve("whole.jpg");
        Files.write(whole, jpeg);
        assertEquals(800, ImageFiles.read(whole).getWidth(), "the whole file opens");

        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(jpeg, jpeg.length * 9 / 10));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().contains("\"cut.jpg\" is damaged: the file ends early"), e.getMessage());
    }

    @Test
    void decoderWarningsThatMeanMissingPixelsAreTold() {
        assertTrue(ImageFiles.meansDamage("Premature end of JPEG file"));
        assertTrue(ImageFiles.meansDamage("Corrupt JPEG data: premature end of data segment"));
        assertTrue(ImageFiles.meansDamage("Truncated File - Missing EOI marker"));
        assertFalse(ImageFiles.meansDamage("Corrupt JPEG data: 4 extraneous bytes before marker 0xd9"));
        assertFalse(ImageFiles.meansDamage("Embedded color profile is invalid; ignored"));
    }

    @Test
    void truncatedCorruptAndUnsupportedFilesAreExplained() throws Exception {
        byte[] png = encode(marked(), "png");
        Path truncated = dir.resolve("cut.png");
        Files.write(truncated, Arrays.copyOf(png, png.length / 2));
        assertTrue(assertThrows(ImageReadException.class, () -> ImageFiles.read(truncated)).getMessage()
                .contains("damaged or truncated"));

        byte[] jpeg = encode(marked(), "jpeg");
        Path cutJpeg = dir.resolve("cut.jpg");
        Files.write(cutJpeg, Arrays.copyOf(jpeg, 200));
        assertThrows(ImageReadException.class, () -> ImageFiles.read(cutJpeg));

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "this is not a picture at all");
        assertTrue(assertThrows(ImageReadException.class, () -> ImageFiles.read(text)).getMessage()
                .contains("not an image in a supported format"));

        Path missing = dir.resolve("gone.png");
        assertTrue(assertThrows(ImageReadException.class, () -> ImageFiles.read(missing)).getMessage().contains("does not exist"));
    }

    /** A PNG whose header declares {@code w}×{@code h} with one tiny (invalid) data chunk. */
    static byte[] pngDeclaring(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
