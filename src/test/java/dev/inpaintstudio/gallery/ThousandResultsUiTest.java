package dev.inpaintstudio.gallery;

import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.jobs.JobOrigin;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A gallery of a thousand stored results: scrolled through to the end, the cells on screen get their
 * thumbnails, the ones scrolled past are not decoded on the way, and the UI thread keeps answering.
 */
class ThousandResultsUiTest extends ApplicationTest {
    private static final int COUNT = 1000;

    @TempDir
    Path home;

    private final ObservableList<StoredResult> shown = FXCollections.observableArrayList();
    private final ExecutorService loaders = Executors.newFixedThreadPool(2);
    /** Holds the thumbnail loaders back while the test scrolls, as a slow disk would. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private ResultStore store;
    private Thumbnails thumbnails;
    private GalleryView gallery;

    @Override
    public void start(Stage stage) {
        store = new ResultStore(home.resolve("results"));
        thumbnails = new Thumbnails(store, task -> loaders.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                return;
            }
            task.run();
        }), GalleryView.thumbWidth(), GalleryView.thumbHeight());
        gallery = new GalleryView(shown, thumbnails);
        stage.setScene(new Scene(gallery, 1000, 200));
        stage.show();
    }

    @AfterEach
    void releaseLoaders() {
        gate.countDown();
        loaders.shutdownNow();
    }

    private static BufferedImage picture(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    /** The cells on screen showing a result. */
    private List<ListCell<?>> visibleCells() {
        Bounds list = gallery.localToScene(gallery.getBoundsInLocal());
        return lookup(".thumbnail-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() != null && c.getParent() != null)
                .filter(c -> {
                    Bounds b = c.localToScene(c.getBoundsInLocal());
                    return b.getMaxX() > list.getMinX() + 1 && b.getMinX() < list.getMaxX() - 1;
                })
                .<ListCell<?>>map(c -> c)
                .toList();
    }

    private static ImageView imageOf(ListCell<?> cell) {
        return (ImageView) cell.lookup(".thumbnail-image");
    }

    @Test
    void aThousandResultsScrollToTheEndWithThumbnailsForTheVisibleCellsAndAnAnsweringUiThread() throws Exception {
        long t0 = System.nanoTime();
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(ApiField.MODEL_ID, "m");
        byte[] coverage = new byte[24 * 16];
        for (int i = 0; i < COUNT; i++) {
            BufferedImage before = picture(24, 16, 0xff000000 | (i * 2654435) & 0xffffff);
            BufferedImage after = picture(24, 16, 0xff000000 | (i * 40503 + 0x101010) & 0xffffff);
            store.store(new JobOutcome(new JobRequest(before, coverage, p.with(ApiField.PROMPT, "result " + i), "p" + i + ".png"),
                    List.of(after), new GenerationSize(24, 16), "s" + i, false, "{}", Duration.ofMillis(5)),
                    new JobOrigin("job-" + i, null));
        }
        List<StoredResult> all = store.loadAll();
        assertEquals(COUNT, all.size());
        System.out.printf("%d results stored and read back in %.1f s%n", COUNT, (System.nanoTime() - t0) / 1e9);

        interact(() -> shown.setAll(all));
        // Scrolled through from start to end while no thumbnail could load yet: every cell on the way asks.
        for (int i = 0; i < COUNT; i += 20) {
            int index = i;
            interact(() -> gallery.scrollTo(index));
        }
        interact(() -> gallery.scrollTo(COUNT - 1));
        WaitForAsyncUtils.waitForFxEvents();
        int onScreen = WaitForAsyncUtils.asyncFx(() -> visibleCells().size()).get();
        assertTrue(onScreen >= 3, "several cells show: " + onScreen);

        AtomicBoolean loaded = new AtomicBoolean();
        AtomicLong slowest = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (!loaded.get()) {
                long start = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                Platform.runLater(answered::countDown);
                try {
                    if (!answered.await(10, TimeUnit.SECONDS)) {
                        slowest.set(Long.MAX_VALUE);
                        return;
                    }
                    slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        probe.start();
        gate.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> visibleCells().stream()
                .allMatch(c -> imageOf(c).getImage() != null && !imageOf(c).getImage().isError())).get());
        loaded.set(true);
        probe.join(15_000);

        List<ListCell<?>> cells = WaitForAsyncUtils.asyncFx(this::visibleCells).get();
        assertTrue(cells.stream().anyMatch(c -> all.get(COUNT - 1).equals(c.getItem())), "the last result is on screen");
        // Every request made on the way has now been taken by a loader: decoded, or dropped unread.
        java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) loaders;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pool.getQueue().isEmpty() && pool.getActiveCount() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        int decoded = thumbnails.decodedCount();
        assertTrue(decoded >= cells.size());
        assertTrue(decoded <= 4 * cells.size() + 8, "the cells scrolled past were not decoded: " + decoded
                + " decoded for " + cells.size() + " on screen");
        assertFalse(thumbnails.isCached(all.get(COUNT / 2)), "one scrolled past is not decoded");
        assertTrue(slowest.get() < TimeUnit.MILLISECONDS.toNanos(1500),
                "the UI thread answered within " + slowest.get() / 1_000_000 + " ms while thumbnails loaded");
    }

    @Test
    void resultsShownAfterTheLoadersStoppedAskNothingAndThrowNothing() throws Throwable {
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(ApiField.MODEL_ID, "m");
        for (int i = 0; i < 3; i++) {
            store.store(new JobOutcome(new JobRequest(picture(24, 16, 0xff102030), new byte[24 * 16],
                    p.with(ApiField.PROMPT, "late " + i), "late.png"), List.of(picture(24, 16, 0xff405060)),
                    new GenerationSize(24, 16), "s" + i, false, "{}", Duration.ofMillis(5)), new JobOrigin("late-" + i, null));
        }
        List<StoredResult> all = store.loadAll();
        // The app closing: its loaders refuse work while the window still lays out its cells.
        gate.countDown();
        loaders.shutdownNow();
        assertTrue(loaders.awaitTermination(10, TimeUnit.SECONDS));
        interact(() -> shown.setAll(all));
        WaitForAsyncUtils.waitForFxEvents();
        // An exception on the UI thread would be rethrown here by TestFX.
        WaitForAsyncUtils.checkException();
        Boolean asked = WaitForAsyncUtils.asyncFx(() -> thumbnails.get(all.get(0), () -> { }) == null).get();
        assertTrue(asked, "nothing to show, and no exception");
        assertEquals(0, thumbnails.decodedCount());
    }
}
