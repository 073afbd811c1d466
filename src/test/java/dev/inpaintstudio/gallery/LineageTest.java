package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.jobs.JobOrigin;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A branch of edits can be followed back from any result, also after a result in the middle was deleted. */
class LineageTest {
    @TempDir
    Path dir;

    private static JobOutcome outcome(String prompt) {
        BufferedImage picture = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(ApiField.MODEL_ID, "m")
                .with(ApiField.PROMPT, prompt);
        return new JobOutcome(new JobRequest(picture, new byte[200], p, "branch.png"), List.of(picture),
                new GenerationSize(20, 10), "1", false, "{}", Duration.ofMillis(1));
    }

    private static StoredResult find(List<StoredResult> all, String id) {
        return all.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyRecordKeepsTheWholeBranchBackSoADeletedParentDoesNotCutIt() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult a = store.store(outcome("a"), new JobOrigin("job-a", null)).get(0);
        StoredResult b = store.store(outcome("b"), new JobOrigin("job-b", a.id())).get(0);
        StoredResult c = store.store(outcome("c"), new JobOrigin("job-c", b.id())).get(0);
        assertEquals(List.of(), a.ancestors());
        assertEquals(List.of(a.id()), b.ancestors());
        assertEquals(List.of(b.id(), a.id()), c.ancestors());

        store.delete(b);
        StoredResult d = store.store(outcome("d"), new JobOrigin("job-d", c.id())).get(0);
        assertEquals(List.of(c.id(), b.id(), a.id()), d.ancestors(), "taken from the parent's record");

        List<StoredResult> back = new ResultStore(dir).loadAll();
        assertEquals(3, back.size());
        assertEquals(List.of(b.id(), a.id()), find(back, c.id()).ancestors(), "read back after a restart");
        assertEquals(b.id(), find(back, c.id()).parentId());
        JsonNode record = new ObjectMapper().readTree(c.resultFile().resolveSibling("record.json").toFile());
        assertEquals(2, record.get("ancestors").size());
        assertEquals(a.id(), record.get("ancestors").get(1).textValue());
    }

    @Test
    void aRecordFromBeforeAncestorsWereKeptStillNamesItsParent() throws Exception {
        ResultStore store = new ResultStore(dir);
        StoredResult a = store.store(outcome("a"), new JobOrigin("job-a", null)).get(0);
        StoredResult b = store.store(outcome("b"), new JobOrigin("job-b", a.id())).get(0);
        // As an older version wrote it: a parent, no ancestors.
        Path recordFile = b.resultFile().resolveSibling("record.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(recordFile.toFile());
        old.remove("ancestors");
        json.writeValue(recordFile.toFile(), old);

        assertEquals(List.of(a.id()), find(new ResultStore(dir).loadAll(), b.id()).ancestors());
        StoredResult c = store.store(outcome("c"), new JobOrigin("job-c", b.id())).get(0);
        assertEquals(List.of(b.id(), a.id()), c.ancestors(), "followed through the older record's parent");
    }
}
