package dev.inpaintstudio.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class ContextCropTest {
    private static final CropSettings PAD32 = new CropSettings(32, false, 8, true);

    static byte[] rect(int w, int h, int x0, int y0, int rw, int rh) {
        byte[] c = new byte[w * h];
        for (int y = y0; y < y0 + rh; y++) {
            for (int x = x0; x < x0 + rw; x++) {
                c[y * w + x] = (byte) 255;
            }
        }
        return c;
    }

    static void assertValid(ContextCrop crop, int w, int h, int maxSide) {
        CropBox b = crop.box();
        assertTrue(b.x() >= 0 && b.y() >= 0 && b.right() <= w && b.bottom() <= h, "inside the picture: " + b);
        GenerationSize s = crop.size();
        assertTrue(s.width() % 8 == 0 && s.height() % 8 == 0, "multiples of 8: " + s);
        assertTrue(s.width() <= maxSide && s.height() <= maxSide, "within the limit: " + s);
        assertTrue(s.width() >= 8 && s.height() >= 8);
    }

    static void assertContains(CropBox b, int x, int y, int rw, int rh) {
        assertTrue(b.x() <= x && b.y() <= y && b.right() >= x + rw && b.bottom() >= y + rh, b + " holds " + x + "," + y + " " + rw + "×" + rh);
    }

    @Test
    void aMidPictureMaskGetsItsPaddingAndAMatchingAspect() {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 3000, 1800, 500, 400), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertContains(crop.box(), 3000 - 32, 1800 - 32, 564, 464);
        // 564×464 padded: scaled up so the short side reaches 512.
        assertTrue(crop.size().height() >= 512, crop.toString());
        assertEquals(crop.box().width() / (double) crop.box().height(),
                crop.size().width() / (double) crop.size().height(), 0.01);
    }

    @Test
    void aHugeMaskIsScaledDownTo1024() {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 500, 500, 5000, 3000), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertEquals(1024, Math.max(crop.size().width(), crop.size().height()));
        assertContains(crop.box(), 468, 468, 5064, 3064);
        assertEquals(crop.box().width() / (double) crop.box().height(),
                crop.size().width() / (double) crop.size().height(), 0.01);
    }

    @Test
    void aTinyMaskIsScaledUpToTheMinimum() {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 3000, 2000, 3, 3), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertContains(crop.box(), 2968, 1968, 67, 67);
        assertEquals(new GenerationSize(512, 512), crop.size());
        assertEquals(crop.box().width(), crop.box().height());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "5990,0", "0,3990", "5990,3990", "2990,0", "0,1990"})
    void cornersAndEdgesShiftTheBoxInside(int x, int y) {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, x, y, 10, 10), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertContains(crop.box(), x, y, 10, 10);
        // The aspect is kept by moving the box inward rather than cutting it at the edge.
        assertEquals(crop.box().width() / (double) crop.box().height(),
                crop.size().width() / (double) crop.size().height(), 0.02, crop.toString());
    }

    @Test
    void aWideMaskInANarrowPictureIsClampedToThePicture() {
        // 3000×200 picture, mask across it: the box is cut at the sides and keeps its padding vertically.
        ContextCrop crop = ContextCrop.plan(rect(3000, 200, 10, 50, 2980, 100), 3000, 200, PAD32);
        assertValid(crop, 3000, 200, 1024);
        assertEquals(3000, crop.box().width());
        assertContains(crop.box(), 0, 18, 3000, 164);
        assertEquals(1024, crop.size().width());
    }

    @Test
    void anEmptyMaskOrWholeImageModeSendsEverything() {
        assertEquals(CropBox.whole(2000, 1000), ContextCrop.plan(new byte[2000 * 1000], 2000, 1000, PAD32).box());
        ContextCrop whole = ContextCrop.plan(rect(2000, 1000, 10, 10, 5, 5), 2000, 1000, CropSettings.WHOLE_IMAGE);
        assertEquals(CropBox.whole(2000, 1000), whole.box());
        assertEquals(GenerationSize.fit(2000, 1000), whole.size());
    }

    @Test
    void thePaddingAlwaysHoldsTheFeather() {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 3000, 2000, 900, 900), 6000, 4000, new CropSettings(0, false, 40, false));
        assertContains(crop.box(), 3000 - 41, 2000 - 41, 982, 982);
    }

    @ParameterizedTest
    @CsvSource({"1024", "768", "512", "1536", "2048"})
    void everyEndpointLimitIsKept(int maxSide) {
        for (int[] m : new int[][]{{0, 0, 6000, 4000}, {100, 100, 7, 900}, {5000, 10, 990, 20}, {3000, 2000, 1, 1}}) {
            ContextCrop crop = ContextCrop.plan(rect(6000, 4000, m[0], m[1], m[2], m[3]), 6000, 4000, PAD32, maxSide);
            assertValid(crop, 6000, 4000, maxSide);
            assertContains(crop.box(), m[0], m[1], m[2], m[3]);
        }
    }

    @Test
    void aPictureSmallerThanTheMinimumIsSentWhole() {
        ContextCrop crop = ContextCrop.plan(rect(100, 60, 40, 20, 10, 10), 100, 60, PAD32);
        assertValid(crop, 100, 60, 1024);
        assertContains(crop.box(), 8, 0, 74, 60);
    }
}
