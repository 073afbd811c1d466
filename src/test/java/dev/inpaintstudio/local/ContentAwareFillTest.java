package dev.inpaintstudio.local;

import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentAwareFillTest {
    private static final FillOptions BALANCED = new FillOptions(7, FillQuality.BALANCED, 42, null);

    /** Above what a mean or diffusion fill reaches on the bricks (checked below), below the noise floor. */
    private static final double BRICKS_PSNR_DB = 28;

    /** Detail (gradient) in the middle of a large hole, against the original's there. */
    private static final double MIDDLE_DETAIL = 0.75;

    @Test
    void bricksAreRebuiltNotSmeared() {
        BufferedImage bricks = TestPictures.bricks(128, 128, 1);
        byte[] hole = TestPictures.rectangle(128, 128, 50, 46, 30, 30, 255);

        BufferedImage filled = new ContentAwareFill(2).fill(bricks, hole, BALANCED, Progress.NONE, CancellationToken.none());

        double engine = TestPictures.psnrInside(bricks, filled, hole);
        double mean = TestPictures.psnrInside(bricks, ReferenceFills.mean(bricks, hole), hole);
        double diffusion = TestPictures.psnrInside(bricks, ReferenceFills.diffusion(bricks, hole), hole);
        assertTrue(mean < BRICKS_PSNR_DB, "a mean fill must fail this test: " + mean + " dB");
        assertTrue(diffusion < BRICKS_PSNR_DB, "a diffusion fill must fail this test: " + diffusion + " dB");
        assertTrue(engine >= BRICKS_PSNR_DB, "PSNR inside the hole " + engine + " dB (mean " + mean
                + ", diffusion " + diffusion + ")");
    }

    @Test
    void bricksAreRebuiltAtTheShippedDefaults() {
        // What the app and the command line use when the artist changes nothing: 9-px patches, Balanced, seed 0.
        BufferedImage bricks = TestPictures.bricks(128, 128, 1);
        byte[] hole = TestPictures.rectangle(128, 128, 50, 46, 30, 30, 255);

        BufferedImage filled = new ContentAwareFill(2).fill(bricks, hole, FillOptions.DEFAULT, Progress.NONE,
                CancellationToken.none());

        double engine = TestPictures.psnrInside(bricks, filled, hole);
        assertTrue(engine >= BRICKS_PSNR_DB, "PSNR inside the hole at " + FillOptions.DEFAULT.patchSize() + "-px patches, "
                + FillOptions.DEFAULT.quality() + ": " + engine + " dB");
    }

    @ParameterizedTest
    @CsvSource({"gravel.png, 80, 80", "gravel.png, 40, 120", "grass.png, 80, 80", "grass.png, 120, 48"})
    void theMiddleOfALargeHoleInAPhotographedTextureIsTextureNotABlur(String photo, int x, int y) throws IOException {
        BufferedImage texture = TestPictures.photo(photo);
        int w = texture.getWidth();
        int h = texture.getHeight();
        byte[] hole = TestPictures.rectangle(w, h, x, y, 96, 96, 255);
        // The middle only: a fill that is sharp at the rim and blurred further in must fail.
        byte[] middle = TestPictures.rectangle(w, h, x + 24, y + 24, 48, 48, 255);

        BufferedImage filled = new ContentAwareFill(2).fill(texture, hole, FillOptions.DEFAULT, Progress.NONE,
                CancellationToken.none());

        double original = TestPictures.detailInside(texture, middle);
        double engine = TestPictures.detailInside(filled, middle) / original;
        double diffusion = TestPictures.detailInside(ReferenceFills.diffusion(texture, hole), middle) / original;
        assertTrue(diffusion < MIDDLE_DETAIL, "a diffusion fill must fail this test: " + diffusion);
        assertTrue(engine >= MIDDLE_DETAIL, "detail in the middle of the hole, against the original's: " + engine
                + " (diffusion " + diffusion + ")");
    }

    @Test
    void uncoveredPixelsAreBitIdentical() {
        BufferedImage noise = TestPictures.noise(96, 80, 3);
        BufferedImage bgr = new BufferedImage(96, 80, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(noise, 0, 0, null);
        byte[] disc = TestPictures.softDisc(96, 80, 40, 44, 12, 6);

        BufferedImage filled = new ContentAwareFill(2).fill(bgr, disc, BALANCED, Progress.NONE, CancellationToken.none());

        assertEquals(BufferedImage.TYPE_INT_RGB, filled.getType());
        int changed = 0;
        for (int i = 0; i < disc.length; i++) {
            int before = bgr.getRGB(i % 96, i / 96) & 0xffffff;
            int after = filled.getRGB(i % 96, i / 96) & 0xffffff;
            if (disc[i] == 0) {
                assertEquals(before, after, "pixel " + i + " has coverage 0");
            } else if (before != after) {
                changed++;
            }
        }
        assertTrue(changed > 300, "the hole was repainted: " + changed + " pixels changed");
    }

    @Test
    void partialCoverageBlendsTheFillOverTheOriginal() {
        BufferedImage noise = TestPictures.noise(80, 80, 5);
        byte[] full = TestPictures.rectangle(80, 80, 30, 30, 16, 16, 255);
        byte[] half = TestPictures.rectangle(80, 80, 30, 30, 16, 16, 102);
        ContentAwareFill engine = new ContentAwareFill(1);

        BufferedImage fill = engine.fill(noise, full, BALANCED, Progress.NONE, CancellationToken.none());
        BufferedImage blended = engine.fill(noise, half, BALANCED, Progress.NONE, CancellationToken.none());

        // The same hole and seed give the same fill; 102/255 of it goes over the original.
        for (int i = 0; i < half.length; i++) {
            if (half[i] == 0) {
                continue;
            }
            int o = noise.getRGB(i % 80, i / 80);
            int f = fill.getRGB(i % 80, i / 80);
            int b = blended.getRGB(i % 80, i / 80);
            for (int shift = 0; shift <= 16; shift += 8) {
                double expected = (((f >> shift) & 0xff) * 102 + ((o >> shift) & 0xff) * 153) / 255.0;
                assertEquals(expected, (b >> shift) & 0xff, 1.01, "pixel " + i);
            }
        }
    }

    @Test
    void cancellingWhileThePiecesAreBlendedStopsTheFill() {
        CancellationToken cancel = new CancellationToken();
        List<String> details = Collections.synchronizedList(new ArrayList<>());
        Progress progress = (stage, fraction, detail) -> {
            details.add(detail);
            if (detail.startsWith("Blending")) {
                cancel.cancel();
            }
        };

        assertThrows(CancellationException.class, () -> new ContentAwareFill(2).fill(TestPictures.bricks(128, 128, 1),
                TestPictures.rectangle(128, 128, 40, 40, 48, 48, 255), BALANCED, progress, cancel));
        assertTrue(details.get(details.size() - 1).startsWith("Blending"), "the last report: " + details);
    }

    @Test
    void cancellingFromTheProgressCallbackStopsBeforeTheNextIteration() {
        CancellationToken cancel = new CancellationToken();
        List<Double> reports = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger afterCancel = new AtomicInteger();
        Progress progress = (stage, fraction, detail) -> {
            if (cancel.isCancelled()) {
                afterCancel.incrementAndGet();
            }
            reports.add(fraction);
            if (reports.size() == 4) {
                cancel.cancel();
            }
        };
        BufferedImage bricks = TestPictures.bricks(128, 128, 2);
        byte[] hole = TestPictures.rectangle(128, 128, 40, 40, 40, 40, 255);

        assertThrows(CancellationException.class,
                () -> new ContentAwareFill(2).fill(bricks, hole, BALANCED, progress, cancel));

        assertEquals(4, reports.size(), "no iteration reported after the cancel");
        assertEquals(0, afterCancel.get());
    }

    @Test
    void cancellingFromAnotherThreadStopsWithinOneIteration() throws Exception {
        CancellationToken cancel = new CancellationToken();
        AtomicInteger afterCancel = new AtomicInteger();
        AtomicInteger reports = new AtomicInteger();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        Progress progress = (stage, fraction, detail) -> {
            if (cancel.isCancelled()) {
                afterCancel.incrementAndGet();
            }
            if (reports.incrementAndGet() == 2) {
                started.countDown();
                // Hold this iteration until the other thread has cancelled: the next check must see it.
                try {
                    cancelled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
            cancelled.countDown();
        });
        canceller.start();
        BufferedImage bricks = TestPictures.bricks(128, 128, 2);
        byte[] hole = TestPictures.rectangle(128, 128, 40, 40, 40, 40, 255);

        assertThrows(CancellationException.class,
                () -> new ContentAwareFill(2).fill(bricks, hole, BALANCED, progress, cancel));
        canceller.join();

        assertEquals(0, afterCancel.get(), "iterations reported after the cancel");
    }

    @Test
    void anAlreadyCancelledTokenDoesNoWork() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        AtomicInteger reports = new AtomicInteger();
        BufferedImage noise = TestPictures.noise(64, 64, 1);
        byte[] hole = TestPictures.rectangle(64, 64, 20, 20, 10, 10, 255);

        assertThrows(CancellationException.class, () -> new ContentAwareFill(1)
                .fill(noise, hole, BALANCED, (s, f, d) -> reports.incrementAndGet(), cancel));
        assertEquals(0, reports.get());
    }

    @Test
    void theSameSeedGivesTheSameFillWhateverTheThreadCount() {
        BufferedImage noise = TestPictures.noise(120, 100, 9);
        byte[] disc = TestPictures.softDisc(120, 100, 60, 50, 18, 4);
        FillOptions options = new FillOptions(5, FillQuality.BALANCED, 1234, null);

        int[] one = pixels(new ContentAwareFill(1).fill(noise, disc, options, Progress.NONE, CancellationToken.none()));
        int[] two = pixels(new ContentAwareFill(2).fill(noise, disc, options, Progress.NONE, CancellationToken.none()));
        int[] twoAgain = pixels(new ContentAwareFill(2).fill(noise, disc, options, Progress.NONE, CancellationToken.none()));
        int[] three = pixels(new ContentAwareFill(3).fill(noise, disc, options, Progress.NONE, CancellationToken.none()));
        int[] otherSeed = pixels(new ContentAwareFill(2).fill(noise, disc,
                new FillOptions(5, FillQuality.BALANCED, 1235, null), Progress.NONE, CancellationToken.none()));

        assertArrayEquals(one, two);
        assertArrayEquals(two, twoAgain);
        assertArrayEquals(two, three);
        assertFalse(java.util.Arrays.equals(two, otherSeed), "another seed picks other patches from noise");
    }

    @Test
    void texturesComeOnlyFromTheSourceRegion() {
        // Left half red noise, right half blue noise; the hole is in the red half but only blue may be used.
        int w = 128;
        int h = 96;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(4);
        byte[] source = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 120 + random.nextInt(120);
                image.setRGB(x, y, x < w / 2 ? v << 16 : v);
                source[y * w + x] = (byte) (x >= w / 2 ? 1 : 0);
            }
        }
        byte[] hole = TestPictures.rectangle(w, h, 16, 30, 24, 24, 255);

        BufferedImage filled = new ContentAwareFill(2).fill(image, hole, new FillOptions(5, FillQuality.FAST, 7, source),
                Progress.NONE, CancellationToken.none());

        long red = 0;
        long blue = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i] != 0) {
                int c = filled.getRGB(i % w, i / w);
                red += (c >> 16) & 0xff;
                blue += c & 0xff;
            }
        }
        assertTrue(blue > 3 * red, "the fill is blue: red " + red + ", blue " + blue);
    }

    @Test
    void anEmptyMaskGivesACopy() {
        BufferedImage noise = TestPictures.noise(40, 30, 2);
        BufferedImage out = new ContentAwareFill(2).fill(noise, new byte[40 * 30], BALANCED, Progress.NONE,
                CancellationToken.none());
        assertNotSame(noise, out);
        assertArrayEquals(pixels(noise), pixels(out));
    }

    @Test
    void aMaskOfTheWrongSizeIsRefused() {
        BufferedImage noise = TestPictures.noise(40, 30, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContentAwareFill(1)
                .fill(noise, new byte[40 * 29], BALANCED, Progress.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContentAwareFill(1).fill(noise, new byte[40 * 30],
                new FillOptions(7, FillQuality.FAST, 0, new byte[3]), Progress.NONE, CancellationToken.none()));
    }

    @Test
    void aMaskOverEverythingLeavesNothingToCopyFrom() {
        BufferedImage noise = TestPictures.noise(40, 30, 2);
        byte[] all = TestPictures.rectangle(40, 30, 0, 0, 40, 30, 255);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContentAwareFill(1)
                .fill(noise, all, BALANCED, Progress.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().startsWith("Nothing to copy texture from"), e.getMessage());
    }

    @Test
    void aSourceRegionInsideTheHoleLeavesNothingToCopyFrom() {
        BufferedImage noise = TestPictures.noise(64, 64, 2);
        byte[] hole = TestPictures.rectangle(64, 64, 10, 10, 30, 30, 255);
        byte[] source = TestPictures.rectangle(64, 64, 15, 15, 10, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContentAwareFill(1)
                .fill(noise, hole, new FillOptions(5, FillQuality.FAST, 0, source), Progress.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("source region"), e.getMessage());
    }

    @Test
    void progressRisesToOne() {
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        BufferedImage bricks = TestPictures.bricks(96, 96, 3);
        byte[] hole = TestPictures.rectangle(96, 96, 30, 30, 20, 20, 255);

        new ContentAwareFill(2).fill(bricks, hole, BALANCED, (s, f, d) -> {
            assertEquals(Progress.Stage.FILLING, s);
            fractions.add(f);
        }, CancellationToken.none());

        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
