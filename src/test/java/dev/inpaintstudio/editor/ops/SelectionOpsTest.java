package dev.inpaintstudio.editor.ops;

import dev.inpaintstudio.editor.PixelRect;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SelectionOpsTest {
    @Test
    void aRectangleOnWholePixelsCoversThemExactly() {
        Selection s = ShapeRaster.rectangle(10, 20, 30, 25, 100, 100);
        assertEquals(new PixelRect(10, 20, 20, 5), s.bounds());
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                boolean in = x >= 10 && x < 30 && y >= 20 && y < 25;
                assertEquals(in ? 255 : 0, s.get(x, y), x + "," + y);
            }
        }
    }

    @Test
    void anEllipseIsAntiAliasedAndClippedToTheImage() {
        Selection s = ShapeRaster.ellipse(-50, 10, 50, 90, 100, 100);
        assertEquals(0, s.bounds().x(), "clipped at the left edge");
        assertEquals(255, s.get(0, 50), "centre row at the image edge is inside");
        assertEquals(255, s.get(40, 50));
        assertEquals(0, s.get(60, 50));
        int partial = 0;
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                int v = s.get(x, y);
                if (v > 0 && v < 255) {
                    partial++;
                }
            }
        }
        assertTrue(partial > 40, "edge pixels are partly covered: " + partial);
    }

    @Test
    void halfCoveredPixelsGetAboutHalfCoverage() {
        Selection s = ShapeRaster.rectangle(10.5, 10, 20, 20, 40, 40);
        assertEquals(128, s.get(10, 15), 8, "a pixel half inside");
        assertEquals(255, s.get(11, 15));
    }

    @Test
    void aPolygonFillsItsInside() {
        Selection s = ShapeRaster.polygon(new double[] {10, 10, 90, 10, 10, 90}, 100, 100);
        assertEquals(255, s.get(20, 20));
        assertEquals(0, s.get(80, 80));
        assertTrue(ShapeRaster.polygon(new double[] {1, 1, 5, 5}, 100, 100).isEmpty(), "two points enclose nothing");
    }

    @Test
    void combiningAddsAndSubtractsWithoutBuildUp() {
        byte[] mask = new byte[10 * 10];
        mask[55] = (byte) 200;
        Selection s = new Selection(new PixelRect(4, 4, 3, 3), filled(9, 100));
        s.combineInto(mask, 10, false);
        assertEquals(200, mask[55] & 0xff, "adding never lowers coverage");
        assertEquals(100, mask[44] & 0xff);
        s.combineInto(mask, 10, true);
        assertEquals(155, mask[55] & 0xff, "subtracting lowers to the complement");
        assertEquals(100, mask[44] & 0xff, "subtracting never raises");
    }

    @Test
    void theWandFindsConnectedOrAllSimilarColours() {
        int w = 30;
        int h = 20;
        int[] picture = new int[w * h];
        java.util.Arrays.fill(picture, 0xff202020);
        for (int y = 2; y < 8; y++) {
            for (int x = 2; x < 10; x++) {
                picture[y * w + x] = 0xffff0000; // red block, top left
            }
        }
        for (int y = 12; y < 18; y++) {
            for (int x = 20; x < 28; x++) {
                picture[y * w + x] = 0xfff81008; // almost the same red, apart
            }
        }
        Selection near = MagicWand.select(picture, w, h, 3, 3, 16, true);
        assertEquals(new PixelRect(2, 2, 8, 6), near.bounds());
        assertEquals(255, near.get(9, 7));
        assertEquals(0, near.get(21, 13), "the other block is not connected");
        Selection all = MagicWand.select(picture, w, h, 3, 3, 16, false);
        assertEquals(255, all.get(21, 13), "global finds the similar block too");
        assertEquals(0, all.get(0, 0));
        Selection strict = MagicWand.select(picture, w, h, 3, 3, 4, false);
        assertEquals(0, strict.get(21, 13), "outside a small tolerance");
        Selection background = MagicWand.select(picture, w, h, 0, 0, 0, true);
        assertEquals(w * h - 48 - 48, count(background), "the background around both blocks, as one region");
        assertTrue(MagicWand.select(picture, w, h, -1, 3, 10, true).isEmpty());
    }

    private static int count(Selection s) {
        int n = 0;
        for (byte b : s.coverage()) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }
}
