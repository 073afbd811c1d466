package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class JobRunnerTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void wholeImageModeSendsAnApiSizedPictureAndPastesTheOutputBackAtFullSize() throws Exception {
        BufferedImage original = solid(2000, 1000, 0xff336699);
        byte[] coverage = new byte[2000 * 1000];
        for (int y = 400; y < 600; y++) {
            for (int x = 900; x < 1100; x++) {
                coverage[y * 2000 + x] = (byte) 255;
            }
        }
        AtomicReference<GenerationInput> seen = new AtomicReference<>();
        Backend backend = new Backend() {
            public String name() {
                return "recording";
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) {
                seen.set(input);
                return new BackendResult(List.of(solid(input.image().getWidth(), input.image().getHeight(), 0xffff0000)),
                        "42", false, "{}");
            }
        };
        Recorder listener = new Recorder();
        new JobRunner(executor, recipe -> backend).submit(new JobRequest(original, coverage, params(), "test.png", null,
                CropSettings.WHOLE_IMAGE), listener);
        JobOutcome outcome = listener.outcome.get(10, TimeUnit.SECONDS);

        assertEquals(CropBox.whole(2000, 1000), outcome.cropBox());
        assertEquals(1024, seen.get().image().getWidth());
        assertEquals(512, seen.get().image().getHeight());
        assertEquals(1024, seen.get().mask().getWidth());
        assertEquals(0xffffffff, seen.get().mask().getRGB(512, 256), "masked centre is white in the sent mask");
        assertEquals(0xff000000, seen.get().mask().getRGB(10, 10));
        BufferedImage result = outcome.results().get(0);
        assertEquals(2000, result.getWidth());
        assertEquals(1000, result.getHeight());
        assertEquals(0xffff0000, result.getRGB(1000, 500), "inside the mask: the output");
        assertEquals(0xff336699, result.getRGB(100, 100), "outside the mask: the original");
        assertEquals(0xff336699, result.getRGB(899, 500), "just outside the mask: the original");
        assertEquals("42", outcome.serverId());
    }

    @Test
    void cropModeSendsOnlyTheContextAroundTheMaskAndLeavesEverythingElseIdentical() throws Exception {
        int w = 6000;
        int h = 4000;
        BufferedImage original = noise(w, h, 7);
        byte[] coverage = new byte[w * h];
        for (int y = 1800; y < 2200; y++) {
            for (int x = 3000; x < 3500; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        AtomicReference<GenerationInput> seen = new AtomicReference<>();
        Backend backend = new Backend() {
            public String name() {
                return "recording";
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) {
                seen.set(input);
                return new BackendResult(List.of(solid(input.image().getWidth(), input.image().getHeight(), 0xffff0000)),
                        "7", false, "{}");
            }
        };
        Recorder listener = new Recorder();
        CropSettings settings = new CropSettings(32, false, 8, false);
        new JobRunner(executor, recipe -> backend).submit(new JobRequest(original, coverage, params(), "big.png", null, settings), listener);
        JobOutcome outcome = listener.outcome.get(60, TimeUnit.SECONDS);

        CropBox box = outcome.cropBox();
        assertTrue(box.x() <= 3000 - 32 && box.right() >= 3500 + 32, "box " + box);
        assertTrue(box.y() <= 1800 - 32 && box.bottom() >= 2200 + 32, "box " + box);
        assertTrue(box.width() < 700 && box.height() < 600, "only the context is sent: " + box);
        int sw = seen.get().image().getWidth();
        int sh = seen.get().image().getHeight();
        assertEquals(outcome.sentSize(), new dev.inpaintstudio.imaging.GenerationSize(sw, sh));
        assertTrue(sw <= 1024 && sh <= 1024 && sw % 8 == 0 && sh % 8 == 0);
        assertEquals(box.width() / (double) box.height(), sw / (double) sh, 0.02, "the crop's aspect is kept");
        assertEquals(sw, seen.get().mask().getWidth());

        BufferedImage result = outcome.results().get(0);
        assertEquals(w, result.getWidth());
        assertEquals(h, result.getHeight());
        assertEquals(0xffff0000, result.getRGB(3250, 2000), "inside the mask: the output");
        int changedOutside = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean nearMask = x >= 3000 - 8 && x < 3500 + 8 && y >= 1800 - 8 && y < 2200 + 8;
                if (!nearMask && result.getRGB(x, y) != original.getRGB(x, y)) {
                    changedOutside++;
                }
            }
        }
        assertEquals(0, changedOutside, "pixels beyond the feathered mask are bit-identical");
    }

    @Test
    void cancellingStopsTheBackendAndReportsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Backend slow = new Backend() {
            public String name() {
                return "slow";
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) {
                started.countDown();
                while (true) {
                    cancel.throwIfCancelled();
                    Thread.onSpinWait();
                }
            }
        };
        Recorder listener = new Recorder();
        JobHandle handle = new JobRunner(executor, recipe -> slow)
                .submit(new JobRequest(solid(64, 64, 0xff000000), new byte[64 * 64], params(), "x"), listener);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        handle.cancel();
        assertTrue(listener.cancelled.await(5, TimeUnit.SECONDS), "cancelled promptly");
        assertFalse(listener.outcome.isDone());
    }

    @Test
    void aBackendFailureReachesTheListenerWithItsMessage() throws Exception {
        Backend failing = new Backend() {
            public String name() {
                return "failing";
            }

            public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException {
                throw new BackendException("The API key was refused.", null);
            }
        };
        Recorder listener = new Recorder();
        new JobRunner(executor, recipe -> failing).submit(new JobRequest(solid(64, 64, 0), new byte[64 * 64], params(), "x"), listener);
        assertEquals("The API key was refused.", listener.failure.get(5, TimeUnit.SECONDS));
    }

    static InpaintParameters params() {
        return InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "model")
                .with(ApiField.PROMPT, "a cat")
                .with(ApiField.SEED, 1234L);
    }

    static BufferedImage solid(int w, int h, int argb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, argb);
            }
        }
        return img;
    }

    static BufferedImage noise(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] data = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt() & 0xffffff;
        }
        return img;
    }

    static class Recorder implements JobListener {
        final CompletableFuture<JobOutcome> outcome = new CompletableFuture<>();
        final CompletableFuture<String> failure = new CompletableFuture<>();
        final CountDownLatch cancelled = new CountDownLatch(1);

        public void report(Stage stage, double fraction, String detail) {
        }

        public void succeeded(JobOutcome o) {
            outcome.complete(o);
        }

        public void failed(String message, Throwable cause) {
            failure.complete(message);
        }

        public void cancelled() {
            cancelled.countDown();
        }
    }
}
