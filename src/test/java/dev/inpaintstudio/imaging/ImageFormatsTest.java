package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real files as other programs write them (made with ImageMagick; see formats/README.md): each opens
 * at its size with its colours, and deep or CMYK ones come with the conversion notice.
 */
class ImageFormatsTest {
    private static final int RED = 0xff0000;
    private static final int BLUE = 0x0000ff;
    private static final int GREEN = 0x00ff00;
    private static final int YELLOW = 0xffff00;

    @TempDir
    Path dir;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageFormatsTest.class.getResourceAsStream("formats/" + name)) {
            assertNotNull(in, "test file " + name);
            return in.readAllBytes();
        }
    }

    private Path file(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, resource(name));
        return file;
    }

    /** Each channel within {@code tolerance} of the expected colour (lossy formats and CMYK conversion drift). */
    private static void assertColour(int expectedRgb, int argb, int tolerance, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int want = (expectedRgb >> shift) & 0xff;
            int got = (argb >> shift) & 0xff;
            assertTrue(Math.abs(want - got) <= tolerance, where + ": expected ~" + Integer.toHexString(expectedRgb)
                    + ", got " + Integer.toHexString(argb));
        }
        assertEquals(0xff, argb >>> 24, where + ": opaque");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "marked.webp, 40, false, false",
            "marked.tif, 0, false, false",
            "marked-16bit.tif, 0, true, false",
            "marked-cmyk.jpg, 60, false, true",
            "marked.gif, 0, false, false",
            "marked.bmp, 0, false, false",
    })
    void eachFormatOpensWithItsSizeAndColours(String name, int tolerance, boolean deep, boolean cmyk) throws Exception {
        ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file(name));
        BufferedImage img = decoded.image();
        assertEquals(60, img.getWidth(), name);
        assertEquals(40, img.getHeight(), name);
        assertEquals(BufferedImage.TYPE_INT_ARGB, img.getType(), "8-bit ARGB whatever the file held");
        // Sample away from the edges between colours, where lossy codecs smear.
        assertColour(GREEN, img.getRGB(3, 3), tolerance, name + " green corner");
        assertColour(RED, img.getRGB(10, 30), tolerance, name + " red third");
        assertColour(BLUE, img.getRGB(45, 10), tolerance, name + " blue rest");
        assertColour(BLUE, img.getRGB(56, 36), tolerance, name + " blue corner");
        assertEquals(deep, decoded.notices().stream().anyMatch(n -> n.contains("16-bit") && n.contains("8-bit sRGB")),
                name + ": " + decoded.notices());
        assertEquals(cmyk, decoded.notices().stream().anyMatch(n -> n.contains("CMYK") && n.contains("8-bit sRGB")),
                name + ": " + decoded.notices());
    }

    @Test
    void aLayeredPsdOpensAsItsFlattenedComposite() throws Exception {
        ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file("layers.psd"));
        BufferedImage img = decoded.image();
        assertEquals(60, img.getWidth());
        assertEquals(40, img.getHeight());
        assertColour(GREEN, img.getRGB(3, 3), 0, "green corner");
        assertColour(RED, img.getRGB(10, 30), 0, "red third");
        assertColour(YELLOW, img.getRGB(45, 25), 0, "the upper layer's square, merged in");
        assertColour(BLUE, img.getRGB(55, 10), 0, "blue rest");
        assertTrue(decoded.notices().isEmpty(), decoded.notices().toString());
    }

    @Test
    void truncatedRealFilesAreExplained() throws Exception {
        for (String name : new String[] {"marked.webp", "marked-16bit.tif", "layers.psd", "marked-cmyk.jpg"}) {
            byte[] whole = resource(name);
            Path cut = dir.resolve("cut-" + name);
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(cut), name);
            assertTrue(e.getMessage().contains("cut-" + name), e.getMessage());
        }
    }

    @Test
    void aCorruptWebpIsExplained() throws Exception {
        byte[] webp = resource("marked.webp");
        // Keep the RIFF/WEBP header so the WebP reader takes it, and scramble the compressed data.
        for (int i = 30; i < webp.length; i++) {
            webp[i] = (byte) (webp[i] ^ 0x5a);
        }
        Path corrupt = dir.resolve("corrupt.webp");
        Files.write(corrupt, webp);
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(corrupt));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
    }
}
