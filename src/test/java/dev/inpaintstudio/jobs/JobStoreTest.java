package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JobStoreTest {
    @TempDir
    Path dir;

    @Test
    void aJobWrittenIsReadBackWithItsInputsParametersAndServerId() throws Exception {
        BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(10, 20, 0xff123456);
        byte[] coverage = new byte[300 * 200];
        coverage[150 * 300 + 40] = (byte) 255;
        coverage[150 * 300 + 41] = (byte) 128;
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V4_DREAMBOOTH).with(ApiField.MODEL_ID, "m")
                .with(ApiField.PROMPT, "a fox").with(ApiField.SEED, 12L);
        JobRequest request = new JobRequest(picture, coverage, p, "fox.png");
        JobStore store = new JobStore(dir);
        PersistedJob record = JobStore.newRecord("job-1", request, "parent/result-1.png");
        store.create(record, request);
        store.update(record.with(PersistedJob.ACCEPTED, "98765", "http://h/api/v4/dreambooth/fetch", null, false,
                "2026-01-01T00:00:00Z"));

        List<JobStore.Loaded> loaded = new JobStore(dir).loadAll();

        assertEquals(1, loaded.size());
        PersistedJob back = loaded.get(0).record();
        assertEquals("98765", back.serverId());
        assertEquals("http://h/api/v4/dreambooth/fetch", back.fetchUrl());
        assertEquals(PersistedJob.ACCEPTED, back.state());
        assertEquals("parent/result-1.png", back.parentResultId());
        assertEquals(384, back.sentWidth(), "the fitted size is recorded");
        assertEquals(256, back.sentHeight());
        JobRequest r = loaded.get(0).request();
        assertEquals(0xff123456, r.image().getRGB(10, 20));
        assertEquals(255, r.coverage()[150 * 300 + 40] & 0xff);
        assertEquals(128, r.coverage()[150 * 300 + 41] & 0xff);
        assertEquals(p.values(), r.modelsLabParameters().values());
        assertEquals("fox.png", r.sourceName());
        String text = Files.readString(dir.resolve("job-1").resolve("job.json"));
        assertFalse(text.contains("\"key\""), text);
        assertTrue(text.contains("\"model_id\" : \"m\""), text);

        store.delete("job-1");
        assertTrue(new JobStore(dir).loadAll().isEmpty());
        assertFalse(Files.exists(dir.resolve("job-1")));
    }

    @Test
    void aDamagedJobIsSkipped() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken").resolve("job.json"), "{nope");
        assertTrue(new JobStore(dir).loadAll().isEmpty());
    }
}
