package dev.inpaintstudio.editor;

import dev.inpaintstudio.editor.history.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MaskFilesTest {
    @TempDir
    Path dir;

    @Test
    void exportIsLosslessWhiteOnBlackAndImportsBackExactly() throws Exception {
        MaskLayer mask = new MaskLayer(120, 80);
        mask.dab(40, 40, 25, 0.3, false);
        Path file = dir.resolve("mask.png");
        MaskFiles.writePng(mask.copyCoverage(), 120, 80, file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType(), "grey PNG");
        assertEquals(0xffffffff, png.getRGB(40, 40), "masked is white");
        assertEquals(0xff000000, png.getRGB(110, 70), "unmasked is black");
        byte[] back = MaskFiles.toCoverage(MaskFiles.read(file), 120, 80, false);
        assertArrayEquals(mask.copyCoverage(), back, "partial coverage survives the round trip exactly");
    }

    @Test
    void aJpegMaskImportsClosely() throws Exception {
        BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 32; x < 64; x++) {
                rgb.setRGB(x, y, 0xffffff);
            }
        }
        Path file = dir.resolve("mask.jpg");
        ImageIO.write(rgb, "jpeg", file.toFile());
        byte[] c = MaskFiles.toCoverage(MaskFiles.read(file), 64, 64, false);
        assertTrue((c[10 * 64 + 50] & 0xff) > 240);
        assertTrue((c[10 * 64 + 10] & 0xff) < 15);
    }

    @Test
    void aDifferentSizeIsNeverUsedWithoutAskingAndRescalesWhenAllowed() {
        BufferedImage half = new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 30; x++) {
                half.getRaster().setSample(x, y, 0, 255);
            }
        }
        assertFalse(MaskFiles.sizeMatches(half, 120, 80));
        assertThrows(IllegalArgumentException.class, () -> MaskFiles.toCoverage(half, 120, 80, false));
        assertTrue(MaskFiles.mismatchMessage(half, 120, 80).contains("60 × 40"));
        assertFalse(MaskFiles.mismatchMessage(half, 120, 80).contains("stretch"), "same proportions");
        assertTrue(MaskFiles.mismatchMessage(half, 100, 100).contains("stretch"));
        byte[] c = MaskFiles.toCoverage(half, 120, 80, true);
        assertEquals(120 * 80, c.length);
        assertEquals(255, c[40 * 120 + 20] & 0xff, "left half masked at the new size");
        assertEquals(0, c[40 * 120 + 100] & 0xff, "right half not");
    }

    @Test
    void importingIsOneUndoableStep() {
        Document doc = new Document(new BufferedImage(50, 30, BufferedImage.TYPE_INT_ARGB), "d", null, History.DEFAULT_BUDGET_BYTES);
        MaskCommands commands = new MaskCommands(doc, Runnable::run, Runnable::run, null);
        byte[] coverage = new byte[50 * 30];
        coverage[100] = (byte) 200;
        HistoryChecker.assertUndoRedoExact(doc.mask(), doc.history(), () -> commands.replace("Import mask", coverage));
        assertEquals(200, doc.mask().get(0, 2));
        assertThrows(IllegalArgumentException.class, () -> commands.replace("Import mask", new byte[10]));
    }
}
