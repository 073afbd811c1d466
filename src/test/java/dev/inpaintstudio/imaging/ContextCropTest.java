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
        int minSide = Math.min(256, maxSide);
        assertTrue(s.width() >= minSide && s.height() >= minSide, "at least " + minSide + " a side: " + s);
        assertAspectKept(crop, w, h, maxSide);
    }

    /**
     * The sent size has the box's aspect, within 1 % plus the rounding to multiples of 8, so the
     * picture is never stretched; except where the picture itself is too thin for the box to reach
     * an aspect that can be sent: then the box spans the picture across and the widest aspect allowed is sent.
     */
    static void assertAspectKept(ContextCrop crop, int w, int h, int maxSide) {
        CropBox b = crop.box();
        GenerationSize s = crop.size();
        double box = b.width() / (double) b.height();
        double sent = s.width() / (double) s.height();
        double tolerance = 0.01 + 4.0 / s.width() + 4.0 / s.height();
        double maxAspect = maxSide / (double) Math.min(256, maxSide);
        if (box > maxAspect * (1 + tolerance)) {
            assertEquals(h, b.height(), "only a picture too low for more context leaves a box this wide: " + crop);
            assertEquals(maxAspect, sent, 1e-9, "the widest aspect allowed: " + crop);
        } else if (1 / box > maxAspect * (1 + tolerance)) {
            assertEquals(w, b.width(), "only a picture too narrow for more context leaves a box this tall: " + crop);
            assertEquals(1 / maxAspect, sent, 1e-9, "the tallest aspect allowed: " + crop);
        } else {
            assertEquals(1.0, sent / box, tolerance, "sent at the box's aspect, not stretched: " + crop);
        }
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
    void aCropInAPictureSmallerThanTheMinimumIsScaledUpToIt() {
        ContextCrop crop = ContextCrop.plan(rect(100, 60, 40, 20, 10, 10), 100, 60, PAD32);
        assertValid(crop, 100, 60, 1024);
        assertContains(crop.box(), 8, 0, 74, 60);
        assertTrue(crop.box().width() < 100, "a crop, not the whole picture: " + crop);
        assertEquals(512, crop.size().height(), "scaled up to the 512 minimum: " + crop);
    }

    @Test
    void aThinMaskAcrossThePictureGetsContextInsteadOfAStretch() {
        // Two rows across a 6000×4000 picture: padded, 6000×66, which would be sent as 1024×8.
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 0, 1333, 6000, 2), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertEquals(new GenerationSize(1024, 256), crop.size());
        assertEquals(6000, crop.box().width());
        assertEquals(1500, crop.box().height(), "grown to 4:1 with context above and below: " + crop);
        assertContains(crop.box(), 0, 1333 - 32, 6000, 66);

        ContextCrop tall = ContextCrop.plan(rect(4000, 6000, 1333, 0, 2, 6000), 4000, 6000, PAD32);
        assertValid(tall, 4000, 6000, 1024);
        assertEquals(new GenerationSize(256, 1024), tall.size());
        assertEquals(new CropBox(1333 + 1 - 750, 0, 1500, 6000), tall.box());
    }

    @Test
    void aThinMaskNearTheEdgeGrowsInward() {
        ContextCrop crop = ContextCrop.plan(rect(6000, 4000, 0, 3995, 6000, 5), 6000, 4000, PAD32);
        assertValid(crop, 6000, 4000, 1024);
        assertEquals(new CropBox(0, 2500, 6000, 1500), crop.box());
        assertEquals(new GenerationSize(1024, 256), crop.size());
    }

    @Test
    void aPictureTooThinToGrowIntoIsSentAtTheClosestAspectAllowed() {
        ContextCrop crop = ContextCrop.plan(rect(8192, 300, 0, 100, 8192, 2), 8192, 300, PAD32);
        assertValid(crop, 8192, 300, 1024);
        assertEquals(CropBox.whole(8192, 300), crop.box());
        assertEquals(new GenerationSize(1024, 256), crop.size());
        // A short mask in the same picture has room: its crop keeps its aspect.
        ContextCrop part = ContextCrop.plan(rect(8192, 300, 4000, 100, 600, 2), 8192, 300, PAD32);
        assertValid(part, 8192, 300, 1024);
        assertTrue(part.box().width() < 8192, part.toString());
        assertEquals(new GenerationSize(1024, 256), part.size());
    }

    @Test
    void thinMasksKeepTheirAspectAtEveryEndpointLimit() {
        for (int maxSide : new int[]{512, 768, 1024, 2048}) {
            for (int[] m : new int[][]{{0, 2000, 6000, 1}, {3000, 0, 1, 4000}, {100, 100, 3000, 40}, {5000, 500, 20, 3000}}) {
                ContextCrop crop = ContextCrop.plan(rect(6000, 4000, m[0], m[1], m[2], m[3]), 6000, 4000, PAD32, maxSide);
                assertValid(crop, 6000, 4000, maxSide);
                assertContains(crop.box(), m[0], m[1], m[2], m[3]);
            }
        }
    }
}
