package dev.inpaintstudio.modelslab;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDecoderTest {
    static final byte[] PNG = TestImages.png(4, 4, Color.RED);
    static final byte[] JPEG = TestImages.jpeg(4, 4, Color.BLUE);
    static final byte[] WEBP_HEADER = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void formatsAreKnownByTheirMagicNumbers() {
        assertEquals(OutputDecoder.Format.PNG, OutputDecoder.sniff(PNG));
        assertEquals(OutputDecoder.Format.JPEG, OutputDecoder.sniff(JPEG));
        assertEquals(OutputDecoder.Format.WEBP, OutputDecoder.sniff(WEBP_HEADER));
        assertNull(OutputDecoder.sniff("GIF89a....".getBytes()));
        assertNull(OutputDecoder.sniff("<html>".getBytes()));
        assertNull(OutputDecoder.sniff(new byte[0]));
    }

    @Test
    void rawImageBodiesArePassedThrough() {
        assertArrayEquals(PNG, OutputDecoder.imageFromBody(PNG));
    }

    @Test
    void base64TextInItsManyDresses() {
        String b64 = Base64.getEncoder().encodeToString(PNG);
        String[] variants = {
                b64,
                "  " + b64 + "\r\n",
                Base64.getMimeEncoder().encodeToString(PNG),
                "\"" + b64.replace("/", "\\/") + "\"",
                "data:image/png;base64," + b64,
                "DATA:image/png;BASE64," + b64,
                Base64.getUrlEncoder().withoutPadding().encodeToString(PNG),
                "\uFEFF" + b64};
        for (String v : variants) {
            assertArrayEquals(PNG, OutputDecoder.imageFromBody(v.getBytes(StandardCharsets.UTF_8)), v);
            assertArrayEquals(PNG, OutputDecoder.imageFromText(v.replace("\uFEFF", "")), v);
        }
        assertArrayEquals(JPEG, OutputDecoder.imageFromText(Base64.getEncoder().encodeToString(JPEG)));
    }

    @Test
    void textThatIsNotABase64ImageIsRefused() {
        assertNull(OutputDecoder.imageFromBody("<html><body>Not found</body></html>".getBytes()));
        assertNull(OutputDecoder.imageFromBody(Base64.getEncoder().encode("just text".getBytes())));
        assertNull(OutputDecoder.imageFromText("data:image/png," + Base64.getEncoder().encodeToString(PNG)));
        assertNull(OutputDecoder.imageFromText(""));
        assertNull(OutputDecoder.imageFromText("abc$%"));
    }

    @Test
    void linksAreToldFromInlineData() {
        assertTrue(OutputDecoder.isLink("https://pub.example/x.base64"));
        assertTrue(OutputDecoder.isLink(" HTTP://h/x.png"));
        assertTrue(OutputDecoder.isLink("/generations/x.png"));
        assertFalse(OutputDecoder.isLink("//cdn/x.png"));
        assertFalse(OutputDecoder.isLink("iVBORw0KGgo="));
        assertFalse(OutputDecoder.isLink("data:image/png;base64,iVBORw0KGgo="));
    }

    @Test
    void refusedBodiesAreDescribedWithoutTheKey() {
        ApiKey key = new ApiKey("secret-key-123456");
        String d = OutputDecoder.describe("<html>denied secret-key-123456</html>".getBytes(), "text/html; charset=utf-8", key);
        assertTrue(d.contains("text/html") && d.contains("denied"), d);
        assertFalse(d.contains("secret-key-123456"), d);
        assertFalse(OutputDecoder.describe(new byte[] {0, 1, 2, (byte) 0xFF}, "", key).contains("starting"));
    }
}
