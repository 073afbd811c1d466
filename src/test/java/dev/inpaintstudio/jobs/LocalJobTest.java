package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.inpaintstudio.jobs.JobRunnerTest.params;
import static dev.inpaintstudio.jobs.JobRunnerTest.solid;
import static org.junit.jupiter.api.Assertions.*;

/** Offline jobs through the real runner and the real engine, beside ModelsLab jobs in the same runner. */
class LocalJobTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Horizontal stripes 6 px high, two greys, with a red "object" square at (x, y). */
    static BufferedImage stripesWithObject(int w, int h, int x, int y, int side) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                boolean object = i >= x && i < x + side && j >= y && j < y + side;
                img.setRGB(i, j, object ? 0xffdd1111 : (j / 6) % 2 == 0 ? 0xff505050 : 0xffb0b0b0);
            }
        }
        return img;
    }

    /** Full coverage on the square grown by 2 px, with a half-covered ring of 1 px around it (a soft edge). */
    static byte[] softSquare(int w, int h, int x, int y, int side) {
        byte[] coverage = new byte[w * h];
        for (int j = y - 3; j < y + side + 3; j++) {
            for (int i = x - 3; i < x + side + 3; i++) {
                boolean ring = j == y - 3 || i == x - 3 || j == y + side + 2 || i == x + side + 2;
                coverage[j * w + i] = (byte) (ring ? 128 : 255);
            }
        }
        return coverage;
    }

    private static JobRunner runner(ExecutorService executor, Backend modelsLab) {
        LocalBackend local = new LocalBackend(new ContentAwareFill(2));
        return new JobRunner(executor, BackendChooser.of(() -> modelsLab, () -> local));
    }

    @Test
    void anOfflineJobKeepsTheSizeAndEveryPixelOutsideTheFeatheredMask() throws Exception {
        int w = 211;
        int h = 157;
        BufferedImage original = stripesWithObject(w, h, 90, 60, 24);
        byte[] coverage = softSquare(w, h, 90, 60, 24);
        CropSettings crop = new CropSettings(16, false, 6, true);
        Set<Progress.Stage> stages = ConcurrentHashMap.newKeySet();
        JobRunnerTest.Recorder listener = new JobRunnerTest.Recorder() {
            @Override
            public void report(Stage stage, double fraction, String detail) {
                stages.add(stage);
            }
        };
        FillOptions options = new FillOptions(7, FillQuality.FAST, 42, null);
        runner(executor, null).submit(new JobRequest(original, coverage, new GenerationRecipe.LocalFill(options), "obj.png",
                null, crop), listener);
        JobOutcome outcome = listener.outcome.get(60, TimeUnit.SECONDS);

        BufferedImage result = outcome.results().get(0);
        assertEquals(w, result.getWidth());
        assertEquals(h, result.getHeight());
        assertTrue(stages.contains(Progress.Stage.FILLING), "the engine's work shows as Filling: " + stages);
        // The feathered mask reaches at most feather px past the coverage (87..116 on both axes).
        int reach = crop.featherPx() + 1;
        int lo = 90 - 3 - reach;
        int hi = 90 + 24 + 3 + reach;
        int loY = 60 - 3 - reach;
        int hiY = 60 + 24 + 3 + reach;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < lo || x >= hi || y < loY || y >= hiY) {
                    assertEquals(original.getRGB(x, y), result.getRGB(x, y), "outside the feathered mask at " + x + "," + y);
                }
            }
        }
        int red = 0;
        for (int y = 60; y < 84; y++) {
            for (int x = 90; x < 114; x++) {
                int rgb = result.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 60) {
                    red++;
                }
            }
        }
        assertEquals(0, red, "the red object is filled away with stripes");
        // Native resolution: the engine got the crop at its own size, not a multiple of 8 scaled up.
        assertEquals(outcome.cropBox().width(), outcome.sentSize().width());
        assertEquals(outcome.cropBox().height(), outcome.sentSize().height());
    }

    @Test
    void theOfflineCropIsNeverScaledUpAndLargeOnesAreScaledDownToTheLimit() {
        byte[] tiny = new byte[97 * 61];
        tiny[30 * 97 + 40] = (byte) 255;
        ContextCrop small = LocalBackend.plan(tiny, null, 97, 61, CropSettings.DEFAULT);
        assertEquals(small.box().width(), small.size().width());
        assertEquals(small.box().height(), small.size().height());
        assertTrue(small.size().width() <= 97 && small.size().height() <= 61);

        ContextCrop whole = LocalBackend.plan(new byte[4000 * 3000], null, 4000, 3000, CropSettings.DEFAULT);
        assertEquals(LocalBackend.MAX_SIDE, whole.size().width());
        assertEquals(1152, whole.size().height());

        // The texture source region is inside what the engine is given.
        byte[] mask = new byte[800 * 600];
        mask[300 * 800 + 400] = (byte) 255;
        byte[] source = new byte[800 * 600];
        source[20 * 800 + 10] = 1;
        ContextCrop withSource = LocalBackend.plan(mask, source, 800, 600, CropSettings.DEFAULT);
        assertEquals(10, withSource.box().x());
        assertEquals(20, withSource.box().y());
    }

    @Test
    void cancellingAnOfflineJobStopsTheEngine() throws Exception {
        BufferedImage original = JobRunnerTest.noise(900, 700, 5);
        byte[] coverage = new byte[900 * 700];
        for (int y = 150; y < 550; y++) {
            for (int x = 200; x < 700; x++) {
                coverage[y * 900 + x] = (byte) 255;
            }
        }
        // The engine's own reports (fraction > 0) mark finished iterations; the first one is held
        // until the cancel has been sent, so the engine is caught mid-fill, with work left to do.
        CountDownLatch iterating = new CountDownLatch(1);
        CountDownLatch cancelSent = new CountDownLatch(1);
        AtomicInteger iterationsAfterCancel = new AtomicInteger();
        AtomicInteger fillingReports = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean cancelAsked = new java.util.concurrent.atomic.AtomicBoolean();
        JobRunnerTest.Recorder listener = new JobRunnerTest.Recorder() {
            @Override
            public void report(Stage stage, double fraction, String detail) {
                if (stage != Stage.FILLING || fraction <= 0) {
                    return;
                }
                fillingReports.incrementAndGet();
                if (cancelAsked.get()) {
                    iterationsAfterCancel.incrementAndGet();
                }
                if (iterating.getCount() > 0) {
                    iterating.countDown();
                    try {
                        cancelSent.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        // The cancel interrupts the worker as well: the engine's next check must see it.
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        LocalBackend local = new LocalBackend(new ContentAwareFill(2));
        java.util.concurrent.atomic.AtomicReference<Object> engineEnd = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch engineReturned = new CountDownLatch(1);
        Backend watched = new Backend() {
            public String name() {
                return local.name();
            }

            public ContextCrop planCrop(JobRequest request) {
                return local.planCrop(request);
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel)
                    throws BackendException {
                try {
                    BackendResult result = local.generate(input, progress, cancel);
                    engineEnd.set(result);
                    return result;
                } catch (RuntimeException | BackendException e) {
                    engineEnd.set(e);
                    throw e;
                } finally {
                    engineReturned.countDown();
                }
            }
        };
        JobRunner runner = new JobRunner(executor, BackendChooser.of(() -> null, () -> watched));
        JobHandle handle = runner.submit(new JobRequest(original, coverage,
                new GenerationRecipe.LocalFill(new FillOptions(9, FillQuality.QUALITY, 1, null)), "big.png", null,
                CropSettings.DEFAULT), listener);
        assertTrue(iterating.await(60, TimeUnit.SECONDS), "the fill starts iterating");
        cancelAsked.set(true);
        handle.cancel();
        cancelSent.countDown();

        assertTrue(engineReturned.await(30, TimeUnit.SECONDS), "the engine returns after the cancel");
        assertTrue(engineEnd.get() instanceof java.util.concurrent.CancellationException,
                "the engine stopped at the cancel instead of finishing the fill: " + engineEnd.get());
        assertEquals(0, iterationsAfterCancel.get(), "no iteration ran after the cancel");
        assertTrue(listener.cancelled.await(30, TimeUnit.SECONDS), "the job reports cancelled");
        assertFalse(listener.outcome.isDone());
        // Nothing of the engine keeps working in the background: progress stays where it stopped.
        int reports = fillingReports.get();
        Thread.sleep(300);
        assertEquals(reports, fillingReports.get(), "progress kept advancing after the engine returned");
        assertEquals(1, reports, "only the iteration under way at the cancel reported");
    }

    @Test
    void modelsLabAndOfflineJobsShareARunnerEachReachingItsOwnBackend() throws Exception {
        List<String> modelsLabCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        Backend modelsLab = new Backend() {
            public String name() {
                return "fake ModelsLab";
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) {
                modelsLabCalls.add(input.parameters().prompt());
                assertEquals(0, input.image().getWidth() % 8, "ModelsLab gets multiples of 8");
                return new BackendResult(List.of(solid(input.image().getWidth(), input.image().getHeight(), 0xff00ff00)),
                        "7", false, "{}");
            }
        };
        JobRunner runner = runner(executor, modelsLab);
        BufferedImage picture = stripesWithObject(120, 90, 50, 40, 10);
        byte[] coverage = softSquare(120, 90, 50, 40, 10);
        JobRunnerTest.Recorder viaModelsLab = new JobRunnerTest.Recorder();
        JobRunnerTest.Recorder offline = new JobRunnerTest.Recorder();
        runner.submit(new JobRequest(picture, coverage, params(), "a.png"), viaModelsLab);
        runner.submit(new JobRequest(picture, coverage, new GenerationRecipe.LocalFill(FillOptions.DEFAULT), "a.png",
                null, CropSettings.DEFAULT), offline);

        JobOutcome m = viaModelsLab.outcome.get(30, TimeUnit.SECONDS);
        JobOutcome o = offline.outcome.get(60, TimeUnit.SECONDS);
        assertEquals(List.of("a cat"), modelsLabCalls, "only the ModelsLab job reached ModelsLab");
        assertEquals("7", m.serverId());
        assertNull(o.serverId(), "the offline job has no server");
        int inside = o.results().get(0).getRGB(55, 45);
        assertNotEquals(0xff00ff00, inside, "the offline job was filled by the engine, not the fake");
    }

    @Test
    void aFillThatCannotFindTextureFailsWithTheEnginesExplanation() throws Exception {
        byte[] all = new byte[40 * 30];
        java.util.Arrays.fill(all, (byte) 255);
        JobRunnerTest.Recorder listener = new JobRunnerTest.Recorder();
        runner(executor, null).submit(new JobRequest(solid(40, 30, 0xff112233), all,
                new GenerationRecipe.LocalFill(FillOptions.DEFAULT), "full.png", null, CropSettings.DEFAULT), listener);
        String message = listener.failure.get(30, TimeUnit.SECONDS);
        assertTrue(message.contains("Nothing to copy texture from"), message);
    }
}
