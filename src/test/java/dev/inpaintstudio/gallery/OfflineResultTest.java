package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.PngText;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.jobs.JobOrigin;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Offline results in the gallery's store: their record, their PNG text and their settings to reuse. */
class OfflineResultTest {
    @TempDir
    Path dir;

    private List<StoredResult> storeOne(ResultStore store) throws Exception {
        BufferedImage before = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        BufferedImage after = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        after.setRGB(20, 20, 0xff00ff00);
        byte[] coverage = new byte[50 * 40];
        coverage[20 * 50 + 20] = (byte) 255;
        FillOptions options = new FillOptions(11, FillQuality.FAST, 42, null);
        JobRequest request = new JobRequest(before, coverage, new GenerationRecipe.LocalFill(options), "wall.png", null,
                CropSettings.DEFAULT);
        JobOutcome outcome = new JobOutcome(request, List.of(after), new GenerationSize(50, 40), null, false, null,
                Duration.ofMillis(321), new CropBox(0, 0, 50, 40));
        return store.store(outcome, new JobOrigin("job-9", null));
    }

    @Test
    void theRecordNamesTheBackendAndTheFillOptions() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult result = storeOne(store).get(0);

        JsonNode record = new ObjectMapper().readTree(result.resultFile().resolveSibling("record.json").toFile());
        assertEquals("local", record.path("backend").asText());
        assertEquals(11, record.path("fill").path("patchSize").asInt());
        assertEquals("fast", record.path("fill").path("quality").asText());
        assertEquals(42, record.path("fill").path("seed").asLong());
        assertTrue(record.path("endpoint").isNull(), "no ModelsLab endpoint");

        StoredResult back = new ResultStore(dir).loadAll().get(0);
        assertTrue(back.offline());
        assertEquals("Offline fill", back.caption());
        assertEquals(42L, back.seed());
        FillOptions reuse = store.fillOptions(back);
        assertEquals(11, reuse.patchSize());
        assertEquals(FillQuality.FAST, reuse.quality());
        assertEquals(42, reuse.seed());
    }

    @Test
    void anExportedPngSaysHowItWasMade() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult result = storeOne(store).get(0);
        Path png = dir.resolve("export.png");
        store.export(result, png, false);

        String text = PngText.read(png).get(Recipe.PNG_KEYWORD);
        assertEquals("Offline content-aware fill, Patch size: 11, Quality: Fast, Seed: 42, Size: 50x40, Version: Inpaint Studio",
                text);
    }
}
