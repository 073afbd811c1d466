package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.GenerationSize;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void resultsWrittenAreReadBackByANewStore() throws Exception {
        BufferedImage before = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        before.setRGB(1, 1, 0xff112233);
        BufferedImage after = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        after.setRGB(1, 1, 0xffabcdef);
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "m")
                .with(ApiField.PROMPT, "a red door")
                .with(ApiField.NEGATIVE_PROMPT, "blurry")
                .with(ApiField.SAMPLES, 2)
                .with(ApiField.SEED, 99L);
        JobOutcome outcome = new JobOutcome(new JobRequest(before, new byte[40 * 30], p, "door.png"),
                List.of(after, after), new GenerationSize(512, 384), "777", true, "{\"seed\":99}", Duration.ofMillis(1500));

        List<StoredResult> saved = new ResultStore(dir).save(outcome);
        List<StoredResult> loaded = new ResultStore(dir).loadAll();

        assertEquals(2, saved.size());
        assertEquals(saved, loaded);
        StoredResult first = loaded.get(0);
        assertEquals("a red door", first.prompt());
        assertEquals(99L, first.seed());
        assertTrue(first.nsfwContentDetected());
        assertEquals(0xffabcdef, ImageIO.read(first.resultFile().toFile()).getRGB(1, 1));
        assertEquals(0xff112233, ImageIO.read(first.beforeFile().toFile()).getRGB(1, 1));
        String record = Files.readString(first.resultFile().resolveSibling("record.json"));
        assertTrue(record.contains("\"serverId\" : \"777\""), record);
        assertFalse(record.toLowerCase().contains("\"key\""), "no key field in the record");

        JsonNode stored = new ObjectMapper().readTree(record);
        assertEquals(4, stored.get("version").intValue());
        assertEquals("modelslab", stored.get("backend").textValue());
        assertEquals("V6_IMAGES", stored.get("endpoint").textValue());
        JsonNode sent = stored.get("parameters");
        assertEquals(List.of("model_id", "prompt", "negative_prompt", "strength", "guidance_scale", "steps",
                        "num_inference_steps", "seed", "samples", "enhance_prompt", "safety_checker", "width", "height",
                        "base64"), iterable(sent.fieldNames()),
                "every parameter sent, by wire name, and nothing else (no key, no images)");
        assertEquals("m", sent.get("model_id").textValue());
        assertEquals("blurry", sent.get("negative_prompt").textValue());
        assertEquals("21", sent.get("steps").textValue());
        assertEquals("21", sent.get("num_inference_steps").textValue());
        assertEquals(7.5, sent.get("guidance_scale").doubleValue());
        assertTrue(sent.get("guidance_scale").isNumber());
        assertEquals(99, sent.get("seed").longValue());
        assertEquals("2", sent.get("samples").textValue());
        assertEquals("no", sent.get("enhance_prompt").textValue());
        assertEquals("512", sent.get("width").textValue());
        assertEquals("384", sent.get("height").textValue());
        assertEquals("yes", sent.get("base64").textValue());
    }

    @Test
    void aRandomSeedIsStoredAsNullAndOtherEndpointsKeepTheirWireNames() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V3).with(ApiField.PROMPT, "sky");
        JobOutcome outcome = new JobOutcome(new JobRequest(img, new byte[64], p, "sky.png"), List.of(img),
                new GenerationSize(256, 256), "1", false, "{}", Duration.ofMillis(10));
        StoredResult saved = new ResultStore(dir).save(outcome).get(0);
        assertNull(saved.seed(), "random, and the server did not say which");
        assertEquals("sky", new ResultStore(dir).loadAll().get(0).prompt());
        JsonNode sent = new ObjectMapper().readTree(saved.resultFile().resolveSibling("record.json").toFile())
                .get("parameters");
        assertTrue(sent.get("seed").isNull(), "random seed: sent and stored as null");
        assertEquals("31", sent.get("num_inference_steps").textValue());
        assertFalse(sent.has("steps"), "v3 has num_inference_steps only");
        assertFalse(sent.has("model_id"), "v3 has no model id");
    }

    @Test
    void theCropSettingsAreRecordedSoTheDifferenceKnowsTheFeather() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(ApiField.PROMPT, "sky");
        CropSettings crop = new CropSettings(48, false, 13, false);
        JobOutcome outcome = new JobOutcome(new JobRequest(img, new byte[64], p, "sky.png", null, crop), List.of(img),
                new GenerationSize(256, 256), "1", false, "{}", Duration.ofMillis(10));
        StoredResult saved = new ResultStore(dir).save(outcome).get(0);
        assertEquals(13, saved.featherPx());
        assertEquals(13, new ResultStore(dir).loadAll().get(0).featherPx(), "read back");
        JsonNode stored = new ObjectMapper().readTree(saved.resultFile().resolveSibling("record.json").toFile()).get("crop");
        assertEquals(48, stored.get("padding").intValue());
        assertFalse(stored.get("wholeImage").booleanValue());
        assertEquals(13, stored.get("feather").intValue());
        assertFalse(stored.get("colorMatch").booleanValue());
    }

    @Test
    void aVersionOneRecordStillLoads() throws Exception {
        Path old = dir.resolve("20250101-000000-cafebabe");
        Files.createDirectories(old);
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(img, "png", old.resolve("before.png").toFile());
        ImageIO.write(img, "png", old.resolve("result-1.png").toFile());
        Files.writeString(old.resolve("record.json"), "{\"version\":1,\"createdAt\":\"2025-01-01T00:00:00Z\","
                + "\"sourceName\":\"a.png\",\"endpoint\":\"V6_IMAGES\",\"modelId\":\"m\",\"prompt\":\"old door\","
                + "\"negativePrompt\":\"\",\"samples\":1,\"steps\":21,\"guidanceScale\":7.5,\"strength\":0.7,"
                + "\"seed\":5,\"sentWidth\":512,\"sentHeight\":512,\"width\":4,\"height\":4,\"serverId\":\"9\","
                + "\"nsfwContentDetected\":false,\"elapsedMillis\":1,\"before\":\"before.png\","
                + "\"outputs\":[\"result-1.png\"],\"serverMeta\":\"{}\"}");
        List<StoredResult> loaded = new ResultStore(dir).loadAll();
        assertEquals(1, loaded.size());
        assertEquals("old door", loaded.get(0).prompt());
        assertEquals(5L, loaded.get(0).seed());
        assertNull(loaded.get(0).featherPx(), "older records do not say: the compare view assumes the current setting");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aDamagedRecordIsSkipped() throws Exception {
        Path broken = dir.resolve("20260101-000000-deadbeef");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("record.json"), "{not json");
        assertTrue(new ResultStore(dir).loadAll().isEmpty());
    }

    @Test
    void aRandomSeedIsTakenFromTheServersMetaSoItCanBeReused() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V3).with(ApiField.PROMPT, "sky");
        JobOutcome outcome = new JobOutcome(new JobRequest(img, new byte[64], p, "sky.png"), List.of(img),
                new GenerationSize(256, 256), "1", false, "{\"seed\":2185370297,\"steps\":31}", Duration.ofMillis(10));
        assertEquals(2185370297L, new ResultStore(dir).save(outcome).get(0).seed());
        assertEquals(2185370297L, new ResultStore(dir).loadAll().get(0).seed());
        assertEquals(12L, ResultStore.seedInMeta("{\"seed\":[12,13]}"));
        assertEquals(7L, ResultStore.seedInMeta("{\"seed\":\"7\"}"));
        assertNull(ResultStore.seedInMeta("{\"seed\":null}"));
        assertNull(ResultStore.seedInMeta("not json"));
    }
}
