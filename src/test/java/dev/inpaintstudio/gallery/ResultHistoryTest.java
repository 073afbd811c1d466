package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.PngText;
import dev.inpaintstudio.jobs.JobOrigin;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a result remembers (mask, crop, source, lineage, the seed used), and what can be done with it. */
class ResultHistoryTest {
    @TempDir
    Path dir;

    private static InpaintParameters params() {
        return InpaintParameters.defaults(Endpoint.V6_IMAGES).with(ApiField.MODEL_ID, "dream-model")
                .with(ApiField.PROMPT, "a red door, at dusk").with(ApiField.NEGATIVE_PROMPT, "blurry")
                .with(ApiField.SCHEDULER, "DDIMScheduler");
    }

    private static JobOutcome outcome(int w, int h, int samples) {
        BufferedImage before = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        byte[] coverage = new byte[w * h];
        for (int y = 5; y < 9; y++) {
            for (int x = 10; x < 16; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        BufferedImage after = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        after.setRGB(12, 6, 0xffff0000);
        return new JobOutcome(new JobRequest(before, coverage, params(), "door.png"),
                java.util.Collections.nCopies(samples, after), new GenerationSize(1024, 680), "555", false,
                "{\"seed\":3141592653,\"prompt\":\"a red door, at dusk\"}", Duration.ofMillis(900));
    }

    @Test
    void aResultRecordsItsMaskCropSourceSeedAndParentAndSurvivesARestart() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult parent = store.save(outcome(40, 30, 1)).get(0);
        StoredResult child = store.store(outcome(40, 30, 1), new JobOrigin("job-7", parent.id())).get(0);

        List<StoredResult> loaded = new ResultStore(dir).loadAll();

        StoredResult back = loaded.stream().filter(r -> r.id().equals(child.id())).findFirst().orElseThrow();
        assertEquals(child, back);
        assertEquals(parent.id(), back.parentId(), "it remembers where it came from");
        assertEquals(3141592653L, back.seedUsed(), "the server's seed");
        assertTrue(Files.isRegularFile(back.maskFile()));
        assertEquals(0xffffffff, ImageIO.read(back.maskFile().toFile()).getRGB(12, 6), "white = repainted");
        assertEquals(0xff000000, ImageIO.read(back.maskFile().toFile()).getRGB(0, 0));
        assertTrue(Files.isRegularFile(back.thumbnailFile()), "thumbnail cached beside the result");

        JsonNode record = new ObjectMapper().readTree(back.resultFile().resolveSibling("record.json").toFile());
        assertEquals("job-7", record.get("jobId").textValue());
        assertEquals(0, record.get("cropBox").get("x").intValue());
        assertEquals(40, record.get("cropBox").get("width").intValue());
        assertEquals(10, record.get("maskBox").get("x").intValue());
        assertEquals(6, record.get("maskBox").get("width").intValue());
        assertEquals(4, record.get("maskBox").get("height").intValue());
        assertEquals(64, record.get("source").get("sha256").textValue().length());
        assertEquals("door.png", record.get("source").get("name").textValue());
        assertEquals(900, record.get("elapsedMillis").intValue());
        assertFalse(record.toString().contains("\"key\""));
    }

    @Test
    void reusingAResultsParametersGivesTheSameRequestWithTheSeedUsed() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult r = store.save(outcome(40, 30, 1)).get(0);
        InpaintParameters again = new ResultStore(dir).parameters(r);
        assertEquals(params().with(ApiField.SEED, 3141592653L).values(), again.values());
    }

    @Test
    void starringAndDeletingAreKeptOnDisk() throws Exception {
        ResultStore store = new ResultStore(dir);
        List<StoredResult> two = store.save(outcome(20, 20, 2));
        StoredResult starred = store.setStarred(two.get(1), true);
        assertTrue(starred.starred());
        List<StoredResult> loaded = new ResultStore(dir).loadAll();
        assertTrue(loaded.stream().filter(StoredResult::starred).map(StoredResult::id).toList().contains(two.get(1).id()));
        assertEquals(1, loaded.stream().filter(StoredResult::starred).count());

        store.delete(two.get(0));
        loaded = new ResultStore(dir).loadAll();
        assertEquals(List.of(two.get(1).id()), loaded.stream().map(StoredResult::id).toList());
        assertTrue(loaded.get(0).starred(), "the other keeps its star");
        assertFalse(Files.exists(two.get(0).resultFile()));
        assertFalse(Files.exists(two.get(0).thumbnailFile()));

        store.delete(loaded.get(0));
        assertTrue(new ResultStore(dir).loadAll().isEmpty());
        assertFalse(Files.exists(two.get(0).resultFile().getParent()), "the folder goes with its last output");
    }

    @Test
    void aMissingThumbnailIsMadeOnDemand() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult r = store.save(outcome(600, 300, 1)).get(0);
        Files.delete(r.thumbnailFile());
        Path thumb = store.thumbnail(r);
        BufferedImage small = ImageIO.read(thumb.toFile());
        assertEquals(ResultStore.THUMB_SIDE, small.getWidth());
        assertEquals(128, small.getHeight());
    }

    @Test
    void exportedPngCarriesTheRecipeAsAutomatic1111ParametersAndJpegExportsToo() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult r = store.save(outcome(40, 30, 1)).get(0);
        Path png = dir.resolve("out.png");
        store.export(r, png, false);
        String text = PngText.read(png).get("parameters");
        assertEquals("a red door, at dusk\nNegative prompt: blurry\n"
                + "Steps: 21, Sampler: DDIMScheduler, CFG scale: 7.5, Seed: 3141592653, Size: 1024x680, "
                + "Model: dream-model, Denoising strength: 0.7, Endpoint: v6 images, Server id: 555, "
                + "Version: Inpaint Studio", text);
        assertEquals(0xffff0000, ImageIO.read(png.toFile()).getRGB(12, 6));

        Path jpg = dir.resolve("out.jpg");
        store.export(r, jpg, true);
        BufferedImage jpeg = ImageIO.read(jpg.toFile());
        assertEquals(40, jpeg.getWidth());
        byte[] head = Files.readAllBytes(jpg);
        assertEquals((byte) 0xFF, head[0]);
        assertEquals((byte) 0xD8, head[1]);
    }

    @Test
    void valuesWithCommasAreQuotedAsTheWebUiDoes() {
        assertEquals("plain", Recipe.quote("plain"));
        assertEquals("\"a, b\"", Recipe.quote("a, b"));
        assertEquals("\"x: \\\"y\\\"\"", Recipe.quote("x: \"y\""));
    }

    @Test
    void aThousandResultsLoadQuickly() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult template = store.save(outcome(16, 16, 1)).get(0);
        Path source = template.resultFile().getParent();
        String record = Files.readString(source.resolve("record.json"));
        for (int i = 0; i < 999; i++) {
            Path copy = dir.resolve(String.format("20250101-%06d-%08x", i, i));
            Files.createDirectories(copy);
            for (String f : List.of("before.png", "mask.png", "result-1.png", "result-1.thumb.png")) {
                Files.copy(source.resolve(f), copy.resolve(f));
            }
            Files.writeString(copy.resolve("record.json"),
                    record.replaceFirst("\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"2025-01-01T00:00:" + String.format("%02d", i % 60) + "Z\""));
        }
        new ResultStore(dir).loadAll(); // warm up the JSON reader, as the app's start does once
        long start = System.nanoTime();
        List<StoredResult> all = new ResultStore(dir).loadAll();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1000, all.size());
        assertEquals(template.id(), all.get(0).id(), "newest first");
        assertTrue(millis < 5000, "1000 results loaded in " + millis + " ms");
        System.out.println("Loaded 1000 results in " + millis + " ms");
    }
}
