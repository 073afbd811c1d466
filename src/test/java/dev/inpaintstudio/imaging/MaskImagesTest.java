package dev.inpaintstudio.imaging;

import dev.inpaintstudio.editor.MaskLayer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

class MaskImagesTest {
    @Test
    void paintedPixelsBecomeWhiteTheRestBlackAtTheImageSize() throws IOException {
        MaskLayer mask = new MaskLayer(64, 48);
        mask.dab(20, 20, 6, false);

        byte[] png = PngEncoder.encode(MaskImages.toImage(mask.copyCoverage(), 64, 48));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));

        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        assertFalse(decoded.getColorModel().hasAlpha(), "the API wants an opaque mask");
        assertEquals(0xffffffff, decoded.getRGB(20, 20), "centre of the dab is white");
        assertEquals(0xff000000, decoded.getRGB(2, 2), "unpainted corner is black");
        assertEquals(0xff000000, decoded.getRGB(40, 20), "unpainted right side is black");
        int painted = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                // The raw sample, as the server reads it (getRGB would apply a grey gamma curve).
                int v = decoded.getRaster().getSample(x, y, 0);
                assertEquals(mask.get(x, y), v, "pixel " + x + "," + y + " matches coverage");
                if (v == 255) {
                    painted++;
                }
            }
        }
        // Full coverage reaches half a pixel inside the radius (the last pixel is anti-aliased): pi * 5.5^2 = 95.
        assertTrue(painted > 80 && painted < 110, "painted " + painted);
    }

    @Test
    void coverageReadsBackFromAWhiteOnBlackImage() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 0, 0xffffff);
        img.setRGB(3, 1, 0x808080);
        byte[] coverage = MaskImages.toCoverage(img);
        assertEquals(255, coverage[1] & 0xff);
        assertEquals(0, coverage[0] & 0xff);
        assertEquals(128, coverage[7] & 0xff);
    }

    @Test
    void refusesAMaskOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> MaskImages.toImage(new byte[10], 4, 4));
    }
}
