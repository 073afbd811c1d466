package dev.inpaintstudio.gallery;

import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
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

class ResultStoreTest {
    @TempDir
    Path dir;

    @Test
    void resultsWrittenAreReadBackByANewStore() throws Exception {
        BufferedImage before = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        before.setRGB(1, 1, 0xff112233);
        BufferedImage after = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        after.setRGB(1, 1, 0xffabcdef);
        InpaintParameters p = new InpaintParameters(Endpoint.V6_IMAGES, "m", "a red door", "blurry", 2, 21, 7.5, 0.7, 99L);
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
    }

    @Test
    void aDamagedRecordIsSkipped() throws Exception {
        Path broken = dir.resolve("20260101-000000-deadbeef");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("record.json"), "{not json");
        assertTrue(new ResultStore(dir).loadAll().isEmpty());
    }
}
