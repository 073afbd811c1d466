package dev.inpaintstudio.editor;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The mask's covered bounds, kept from dirty rectangles, always equal a full scan of the coverage. */
class MaskExtentTest {
    private static PixelRect scanned(MaskLayer mask) {
        CropBox b = ContextCrop.maskBounds(mask.copyCoverage(), mask.width(), mask.height());
        return b == null ? PixelRect.EMPTY : new PixelRect(b.x(), b.y(), b.width(), b.height());
    }

    @Test
    void paintingErasingAndRegionWritesKeepTheBoundsExact() {
        Random random = new Random(11);
        // Sizes that are not multiples of the tile, so the ragged last tiles are exercised.
        MaskLayer mask = new MaskLayer(301, 203);
        assertTrue(mask.isEmpty());
        assertEquals(PixelRect.EMPTY, mask.coveredBounds());
        for (int step = 0; step < 400; step++) {
            double x = random.nextDouble() * 320 - 10;
            double y = random.nextDouble() * 220 - 10;
            double r = 1 + random.nextDouble() * 30;
            switch (random.nextInt(5)) {
                case 0, 1 -> mask.dab(x, y, r, random.nextDouble(), false);
                case 2 -> mask.dab(x, y, r * 3, 1, true);
                case 3 -> {
                    int rx = random.nextInt(290);
                    int ry = random.nextInt(190);
                    PixelRect rect = new PixelRect(rx, ry, 1 + random.nextInt(301 - rx), 1 + random.nextInt(203 - ry));
                    mask.writeRegion(rect, new byte[rect.width() * rect.height()]);
                }
                default -> {
                    if (random.nextInt(20) == 0) {
                        mask.fill(random.nextBoolean() ? 0 : 255);
                    }
                }
            }
            assertEquals(scanned(mask), mask.coveredBounds(), "step " + step);
            assertEquals(scanned(mask).isEmpty(), mask.isEmpty(), "step " + step);
        }
    }

    @Test
    void singlePixelsAtTheEdgesAndCornersAreFound() {
        MaskLayer mask = new MaskLayer(130, 70);
        int[][] points = {{0, 0}, {129, 69}, {129, 0}, {0, 69}, {64, 35}, {63, 63}, {65, 64}};
        for (int[] p : points) {
            mask.fill(0);
            PixelRect one = new PixelRect(p[0], p[1], 1, 1);
            mask.writeRegion(one, new byte[] {1});
            assertEquals(one, mask.coveredBounds(), p[0] + "," + p[1]);
        }
        mask.writeRegion(new PixelRect(2, 3, 1, 1), new byte[] {(byte) 200});
        assertEquals(PixelRect.ofBounds(2, 3, 66, 65), mask.coveredBounds());
        mask.writeRegion(new PixelRect(65, 64, 1, 1), new byte[] {0});
        assertEquals(new PixelRect(2, 3, 1, 1), mask.coveredBounds(), "shrinks when the far pixel is erased");
    }

    @Test
    void aMaskMadeFromCoverageStartsWithItsBounds() {
        byte[] coverage = new byte[50 * 40];
        coverage[12 * 50 + 7] = 5;
        coverage[30 * 50 + 44] = 9;
        MaskLayer mask = new MaskLayer(50, 40, coverage);
        assertEquals(PixelRect.ofBounds(7, 12, 45, 31), mask.coveredBounds());
    }
}
