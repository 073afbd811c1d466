package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.*;

/** Offline jobs on disk: what is kept, how older files read, and a re-run after a stop. */
class LocalJobPersistenceTest {
    @TempDir
    Path dir;
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static JobRequest offlineRequest() {
        BufferedImage picture = LocalJobTest.stripesWithObject(120, 90, 50, 40, 10);
        byte[] coverage = LocalJobTest.softSquare(120, 90, 50, 40, 10);
        byte[] source = new byte[120 * 90];
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 120; x++) {
                source[y * 120 + x] = (byte) 255;
            }
        }
        return new JobRequest(picture, coverage, new GenerationRecipe.LocalFill(new FillOptions(9, FillQuality.QUALITY,
                4242, source)), "wire.png", null, new CropSettings(48, false, 3, false));
    }

    @Test
    void anOfflineJobIsReadBackWithItsBackendOptionsRegionAndCropSettings() throws Exception {
        JobRequest request = offlineRequest();
        JobStore store = new JobStore(dir);
        store.create(JobStore.newRecord("job-1", request, null), request);

        JobStore.Loaded loaded = new JobStore(dir).loadAll().get(0);
        assertTrue(loaded.record().isLocal());
        assertEquals("local", loaded.record().backend());
        assertNull(loaded.record().endpoint(), "no ModelsLab endpoint for an offline job");
        GenerationRecipe.LocalFill fill = assertInstanceOf(GenerationRecipe.LocalFill.class, loaded.request().recipe());
        FillOptions o = fill.options();
        assertEquals(9, o.patchSize());
        assertEquals(FillQuality.QUALITY, o.quality());
        assertEquals(4242, o.seed());
        assertArrayEquals(((GenerationRecipe.LocalFill) request.recipe()).options().sourceRegion(), o.sourceRegion());
        assertEquals(new CropSettings(48, false, 3, false), loaded.request().crop());
        assertArrayEquals(request.coverage(), loaded.request().coverage());
        String text = Files.readString(dir.resolve("job-1").resolve("job.json"));
        assertTrue(text.contains("\"quality\" : \"quality\""), text);
        assertTrue(text.contains("\"padding\" : 48"), text);
    }

    @Test
    void aModelsLabJobKeepsItsCropSettingsAndAFileFromBeforeReadsAsModelsLabWithTheDefaults() throws Exception {
        BufferedImage picture = JobRunnerTest.solid(64, 48, 0xff102030);
        byte[] coverage = new byte[64 * 48];
        coverage[100] = (byte) 255;
        CropSettings crop = new CropSettings(100, true, 12, false);
        JobRequest request = new JobRequest(picture, coverage, JobRunnerTest.params(), "cat.png", null, crop);
        JobStore store = new JobStore(dir);
        store.create(JobStore.newRecord("new", request, null), request);
        JobStore.Loaded back = store.loadAll().get(0);
        assertEquals(crop, back.request().crop());
        assertEquals("modelslab", back.record().backend());

        // A version 1 file: no backend, no fill, no crop.
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        PngEncoder.writeAtomically(picture, old.resolve("picture.png"));
        PngEncoder.writeAtomically(MaskImages.toImage(coverage, 64, 48), old.resolve("mask.png"));
        Files.writeString(old.resolve("job.json"), """
                {"version":1,"id":"old","createdAt":"2020-01-01T00:00:00Z","sourceName":"cat.png",
                 "endpoint":"V6_IMAGES","parameters":{"model_id":"m","prompt":"a cat"},"width":64,"height":48,
                 "sentWidth":256,"sentHeight":192,"state":"ACCEPTED","serverId":"55","collectable":false}
                """);
        JobStore.Loaded legacy = new JobStore(dir).loadAll().stream().filter(l -> l.record().id().equals("old"))
                .findFirst().orElseThrow();
        assertFalse(legacy.record().isLocal());
        assertEquals(CropSettings.DEFAULT, legacy.request().crop());
        assertEquals("a cat", legacy.request().modelsLabParameters().prompt());
        assertEquals("55", legacy.record().serverId());
    }

    @Test
    void anOfflineJobCutShortByAStopIsRunAgainAtTheNextStart() throws Exception {
        JobRequest request = offlineRequest();
        JobStore store = new JobStore(dir);
        // As a kill -9 leaves it: noted as being worked on, never finished.
        PersistedJob record = JobStore.newRecord("20200101-000000-abcdef12", request, "parent/result-1.png");
        store.create(record, request);
        store.update(record.with(PersistedJob.SENDING, null, null, null, false, "2020-01-01T00:00:01Z"));

        List<JobOutcome> outcomes = new CopyOnWriteArrayList<>();
        Map<String, JobStatus> latest = new ConcurrentHashMap<>();
        LocalBackend local = new LocalBackend(new ContentAwareFill(2));
        try (JobQueue<String> queue = new JobQueue<>(new JobRunner(workers, BackendChooser.of(() -> {
            throw new AssertionError("an offline job never reaches ModelsLab");
        }, () -> local)), new JobStore(dir), (outcome, origin) -> {
            outcomes.add(outcome);
            return origin.parentResultId();
        }, 2)) {
            queue.addListener(job -> latest.merge(job.id(), job, (a, b) -> b.revision() > a.revision() ? b : a));
            queue.restore();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (outcomes.isEmpty() || latest.get(record.id()).state() != JobState.DONE) {
                assertTrue(System.nanoTime() < end, "the restored job finishes: " + latest);
                Thread.sleep(20);
            }
        }
        JobOutcome outcome = outcomes.get(0);
        assertEquals(120, outcome.results().get(0).getWidth());
        GenerationRecipe.LocalFill fill = (GenerationRecipe.LocalFill) outcome.request().recipe();
        assertEquals(4242, fill.options().seed());
        assertEquals(new CropSettings(48, false, 3, false), outcome.request().crop());
        assertFalse(Files.exists(dir.resolve(record.id())), "a finished job's files are removed");
        BufferedImage result = outcome.results().get(0);
        assertNotEquals(0xffdd1111, result.getRGB(55, 45), "the object was filled");
    }
}
