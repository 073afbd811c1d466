package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Results on disk, one folder a job: {@code before.png}, {@code result-N.png} and {@code record.json}.
 * Written the moment a job finishes, read back at start, so nothing is lost on a restart.
 */
public final class ResultStore {
    private static final Logger LOG = Logger.getLogger(ResultStore.class.getName());
    private static final String RECORD = "record.json";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final ObjectMapper META_READER = new ObjectMapper();

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes a finished job's picture, outputs and record. Call off the UI thread. */
    public List<StoredResult> save(JobOutcome outcome) throws IOException {
        Instant now = Instant.now();
        String id = FOLDER_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        Path before = dir.resolve("before.png");
        PngEncoder.writeAtomically(outcome.request().image(), before);
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < outcome.results().size(); i++) {
            String name = "result-" + (i + 1) + ".png";
            PngEncoder.writeAtomically(outcome.results().get(i), dir.resolve(name));
            outputs.add(name);
        }
        InpaintParameters p = outcome.request().parameters();
        int sentWidth = outcome.sentSize().width();
        int sentHeight = outcome.sentSize().height();
        // Exactly what the endpoint was sent, by wire name: the key and the images are not in it.
        Map<String, Object> sent = p.endpoint().profile().wireParameters(p, sentWidth, sentHeight);
        ResultRecord record = new ResultRecord(ResultRecord.VERSION, now.toString(), outcome.request().sourceName(),
                p.endpoint().name(), sent, p.prompt(), p.seed(), sentWidth, sentHeight,
                outcome.request().image().getWidth(), outcome.request().image().getHeight(), outcome.serverId(),
                outcome.nsfwContentDetected(), outcome.elapsed().toMillis(), "before.png", outputs, outcome.metaJson());
        Path tmp = dir.resolve(RECORD + ".tmp");
        json.writeValue(tmp.toFile(), record);
        Files.move(tmp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return toResults(id, dir, record);
    }

    /** Every stored result, newest first. A damaged folder is skipped and logged, never fatal. */
    public List<StoredResult> loadAll() {
        List<StoredResult> all = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return all;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path recordFile = dir.resolve(RECORD);
                if (!Files.isRegularFile(recordFile)) {
                    continue;
                }
                try {
                    ResultRecord record = json.readValue(recordFile.toFile(), ResultRecord.class);
                    all.addAll(toResults(dir.getFileName().toString(), dir, record));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Skipping unreadable result record " + recordFile, e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list results in " + root, e);
        }
        all.sort(Comparator.comparing(StoredResult::created).reversed().thenComparing(StoredResult::id));
        return all;
    }

    /** The {@code seed} of the server's meta (a number, a numeric string or the first of a list), or null. */
    static Long seedInMeta(String metaJson) {
        if (metaJson == null || metaJson.isBlank()) {
            return null;
        }
        try {
            JsonNode seed = META_READER.readTree(metaJson).path("seed");
            if (seed.isArray() && !seed.isEmpty()) {
                seed = seed.get(0);
            }
            if (seed.isIntegralNumber() || (seed.isTextual() && seed.asText().strip().matches("\\d{1,18}"))) {
                long value = seed.isTextual() ? Long.parseLong(seed.asText().strip()) : seed.asLong();
                return value >= 0 ? value : null;
            }
        } catch (IOException e) {
            // no usable meta
        }
        return null;
    }

    private static List<StoredResult> toResults(String id, Path dir, ResultRecord record) {
        Instant created = Instant.parse(record.createdAt());
        // A random seed was asked for as null; the server says in its meta which one it used.
        Long seed = record.seed() != null ? record.seed() : seedInMeta(record.serverMeta());
        List<StoredResult> results = new ArrayList<>();
        for (String output : record.outputs()) {
            Path file = dir.resolve(output);
            if (Files.isRegularFile(file)) {
                results.add(new StoredResult(id + "/" + output, file, dir.resolve(record.before()), created,
                        record.prompt(), seed, record.nsfwContentDetected(), record.width(), record.height()));
            }
        }
        return results;
    }
}
