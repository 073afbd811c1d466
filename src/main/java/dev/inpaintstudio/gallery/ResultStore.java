package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.ImageHash;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.JpegEncoder;
import dev.inpaintstudio.imaging.PngText;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.imaging.Resampling;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.jobs.JobOrigin;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.ResultSink;
import dev.inpaintstudio.jobs.WireParameters;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;
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
 * Results on disk, one folder a job: {@code before.png}, {@code mask.png}, {@code result-N.png} with
 * its {@code result-N.thumb.png}, and {@code record.json} ({@link ResultRecord}), written last so a
 * folder without it is an unfinished write and skipped. Written the moment a job's outputs are
 * downloaded, read back at start, so nothing is lost on a restart. Blocking: call off the UI thread.
 */
public final class ResultStore implements ResultSink<List<StoredResult>> {
    private static final Logger LOG = Logger.getLogger(ResultStore.class.getName());
    private static final String RECORD = "record.json";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Thumbnails fit in this many pixels a side. */
    public static final int THUMB_SIDE = 256;

    private static final ObjectMapper META_READER = new ObjectMapper();

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResultStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes a finished job's picture, mask, outputs (with thumbnails) and record. */
    public List<StoredResult> save(JobOutcome outcome) throws IOException {
        return store(outcome, null);
    }

    @Override
    public List<StoredResult> store(JobOutcome outcome, JobOrigin origin) throws IOException {
        Instant now = Instant.now();
        String id = FOLDER_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        BufferedImage picture = outcome.request().image();
        int w = picture.getWidth();
        int h = picture.getHeight();
        PngEncoder.writeAtomically(picture, dir.resolve("before.png"));
        byte[] coverage = outcome.request().coverage();
        PngEncoder.writeAtomically(MaskImages.toImage(coverage, w, h), dir.resolve("mask.png"));
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < outcome.results().size(); i++) {
            String name = "result-" + (i + 1) + ".png";
            BufferedImage result = outcome.results().get(i);
            PngEncoder.writeAtomically(result, dir.resolve(name));
            writeThumbnail(result, thumbnailPath(dir.resolve(name)));
            outputs.add(name);
        }
        int sentWidth = outcome.sentSize().width();
        int sentHeight = outcome.sentSize().height();
        ResultRecord.Box cropBox = new ResultRecord.Box(outcome.cropBox().x(), outcome.cropBox().y(),
                outcome.cropBox().width(), outcome.cropBox().height());
        ResultRecord.Source source = new ResultRecord.Source(outcome.request().sourceName(), w, h, ImageHash.sha256(picture));
        String jobId = origin == null ? null : origin.jobId();
        String parentId = origin == null ? null : origin.parentResultId();
        ResultRecord record;
        if (outcome.request().recipe() instanceof GenerationRecipe.LocalFill fill) {
            FillOptions o = fill.options();
            record = new ResultRecord(ResultRecord.VERSION, now.toString(), outcome.request().sourceName(), null, null,
                    null, o.seed(), sentWidth, sentHeight, w, h, null, false, outcome.elapsed().toMillis(), "before.png",
                    outputs, null, "mask.png", cropBox, maskBox(coverage, w, h), source, jobId, parentId, null, List.of(),
                    crop(outcome.request().crop()), ResultRecord.LOCAL, new ResultRecord.Fill(o.patchSize(), o.quality().name().toLowerCase(java.util.Locale.ROOT),
                    o.seed(), o.sourceRegion() != null), null, ancestors(parentId));
        } else {
            InpaintParameters p = outcome.request().modelsLabParameters();
            // Exactly what the endpoint was sent, by wire name: the key and the images are not in it.
            Map<String, Object> sent = WireParameters.of(p, sentWidth, sentHeight);
            record = new ResultRecord(ResultRecord.VERSION, now.toString(), outcome.request().sourceName(),
                    p.endpoint().name(), sent, p.prompt(), p.seed(), sentWidth, sentHeight, w, h, outcome.serverId(),
                    outcome.nsfwContentDetected(), outcome.elapsed().toMillis(), "before.png", outputs, outcome.metaJson(),
                    "mask.png", cropBox, maskBox(coverage, w, h), source, jobId, parentId, seedInMeta(outcome.metaJson()),
                    List.of(), crop(outcome.request().crop()), ResultRecord.MODELSLAB, null,
                    outcome.serverGenerationSeconds(), ancestors(parentId));
        }
        writeRecord(dir, record);
        return toResults(id, dir, record);
    }

    /**
     * The branch back from a new result whose picture was {@code parentId}: that result, then its own
     * ancestors as its record lists them (or as far as older records' parents can be followed).
     */
    private List<String> ancestors(String parentId) {
        if (parentId == null) {
            return null;
        }
        List<String> chain = new ArrayList<>();
        String next = parentId;
        while (next != null && !chain.contains(next) && chain.size() < 10_000) {
            chain.add(next);
            ResultRecord record = recordOf(next);
            if (record == null) {
                break; // deleted, or from another folder: the chain ends with what is known
            }
            if (record.ancestors() != null) {
                for (String a : record.ancestors()) {
                    if (!chain.contains(a)) {
                        chain.add(a);
                    }
                }
                break;
            }
            next = record.parentResultId();
        }
        return chain;
    }

    /** The record of the result {@code folder/result-N.png}, or null when it is not (or no longer) here. */
    private ResultRecord recordOf(String resultId) {
        int slash = resultId.indexOf('/');
        String folder = slash < 0 ? resultId : resultId.substring(0, slash);
        if (folder.isBlank() || folder.contains("\\") || folder.startsWith(".")) {
            return null;
        }
        Path file = root.resolve(folder).resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return json.readValue(file.toFile(), ResultRecord.class);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the record of " + resultId, e);
            return null;
        }
    }

    private static ResultRecord.Crop crop(CropSettings settings) {
        return new ResultRecord.Crop(settings.padding(), settings.wholeImage(), settings.featherPx(), settings.colorMatch());
    }

    /** Every stored result, newest first. A damaged folder is skipped and logged, never fatal. */
    public List<StoredResult> loadAll() {
        List<StoredResult> all = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return all;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path recordFile = dir.resolve(RECORD);
                if (!Files.isRegularFile(recordFile)) {
                    continue;
                }
                try {
                    ResultRecord record = json.readValue(recordFile.toFile(), ResultRecord.class);
                    all.addAll(toResults(dir.getFileName().toString(), dir, record));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Skipping unreadable result record " + recordFile, e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list results in " + root, e);
        }
        all.sort(Comparator.comparing(StoredResult::created).reversed().thenComparing(StoredResult::id));
        return all;
    }

    /** The full record of a result's job. */
    public ResultRecord record(StoredResult result) throws IOException {
        return json.readValue(folder(result).resolve(RECORD).toFile(), ResultRecord.class);
    }

    /**
     * The request that made a result, to make it again: every parameter as sent, with the seed the
     * server used (so a random seed becomes the one that gave this picture).
     */
    public InpaintParameters parameters(StoredResult result) throws IOException {
        return parameters(record(result));
    }

    public static InpaintParameters parameters(ResultRecord record) {
        Endpoint endpoint;
        try {
            endpoint = Endpoint.valueOf(record.endpoint());
        } catch (IllegalArgumentException | NullPointerException e) {
            endpoint = Endpoint.V6_IMAGES;
        }
        InpaintParameters p = record.parameters() == null
                ? InpaintParameters.defaults(endpoint).with(ApiField.PROMPT, record.prompt())
                : WireParameters.read(endpoint, record.parameters());
        Long seed = record.effectiveSeed();
        return seed == null ? p : p.with(ApiField.SEED, seed);
    }

    /**
     * The offline engine's options that made a result, to make it again (without a texture source
     * region: that belonged to the picture it was marked on), or null for a ModelsLab result.
     */
    public FillOptions fillOptions(StoredResult result) throws IOException {
        return fillOptions(record(result));
    }

    public static FillOptions fillOptions(ResultRecord record) {
        if (!record.isLocal() || record.fill() == null) {
            return null;
        }
        ResultRecord.Fill f = record.fill();
        FillQuality quality;
        try {
            quality = FillQuality.valueOf(f.quality().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            quality = FillQuality.BALANCED;
        }
        try {
            return new FillOptions(f.patchSize(), quality, f.seed(), null);
        } catch (IllegalArgumentException e) {
            return new FillOptions(FillOptions.DEFAULT_PATCH_SIZE, quality, f.seed(), null);
        }
    }

    /** The result's thumbnail, made now when missing (older results). */
    public Path thumbnail(StoredResult result) throws IOException {
        Path thumb = result.thumbnailFile();
        if (!Files.isRegularFile(thumb)) {
            try {
                writeThumbnail(ImageFiles.read(result.resultFile()), thumb);
            } catch (ImageReadException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return thumb;
    }

    /** Stars or unstars a result; returns it as it now is. */
    public synchronized StoredResult setStarred(StoredResult result, boolean star) throws IOException {
        Path dir = folder(result);
        ResultRecord record = json.readValue(dir.resolve(RECORD).toFile(), ResultRecord.class);
        String name = result.resultFile().getFileName().toString();
        List<String> starred = new ArrayList<>(record.starred());
        starred.remove(name);
        if (star) {
            starred.add(name);
        }
        writeRecord(dir, record.withOutputs(record.outputs(), starred));
        return result.withStarred(star);
    }

    /** Deletes one output; the job's folder goes with its last output. */
    public synchronized void delete(StoredResult result) throws IOException {
        Path dir = folder(result);
        Path recordFile = dir.resolve(RECORD);
        if (!Files.isRegularFile(recordFile)) {
            return;
        }
        ResultRecord record = json.readValue(recordFile.toFile(), ResultRecord.class);
        String name = result.resultFile().getFileName().toString();
        List<String> outputs = new ArrayList<>(record.outputs());
        outputs.remove(name);
        List<String> starred = new ArrayList<>(record.starred());
        starred.remove(name);
        if (outputs.isEmpty()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
            return;
        }
        writeRecord(dir, record.withOutputs(outputs, starred));
        Files.deleteIfExists(result.resultFile());
        Files.deleteIfExists(result.thumbnailFile());
    }

    /**
     * Saves a result where the artist wants it: as PNG with its recipe in a {@code parameters} text
     * chunk (AUTOMATIC1111's convention, read by many tools), or as JPEG (no recipe).
     */
    public void export(StoredResult result, Path target, boolean jpeg) throws IOException {
        BufferedImage image;
        try {
            image = ImageFiles.read(result.resultFile());
        } catch (ImageReadException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (jpeg) {
            byte[] bytes = JpegEncoder.encode(image, JpegEncoder.DEFAULT_QUALITY);
            Path tmp = target.resolveSibling(".writing-" + target.getFileName());
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            PngText.writeAtomically(image, Map.of(Recipe.PNG_KEYWORD, Recipe.a1111(record(result))), target);
        }
    }

    /** {@code result-1.png} → {@code result-1.thumb.png}, beside it. */
    public static Path thumbnailPath(Path resultFile) {
        String name = resultFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return resultFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".thumb.png");
    }

    private Path folder(StoredResult result) {
        return result.resultFile().getParent();
    }

    private void writeRecord(Path dir, ResultRecord record) throws IOException {
        Path tmp = dir.resolve(RECORD + ".tmp");
        json.writeValue(tmp.toFile(), record);
        Files.move(tmp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeThumbnail(BufferedImage image, Path target) throws IOException {
        double scale = Math.min(1.0, (double) THUMB_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        PngEncoder.writeAtomically(Resampling.resize(image, w, h), target);
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

    static ResultRecord.Box maskBox(byte[] coverage, int w, int h) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (coverage[row + x] != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new ResultRecord.Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }


    private static List<StoredResult> toResults(String id, Path dir, ResultRecord record) {
        Instant created = Instant.parse(record.createdAt());
        Path mask = record.mask() == null ? null : dir.resolve(record.mask());
        // A random seed was asked for as null; the server says in its meta which one it used.
        Long seedUsed = record.seedUsed() != null ? record.seedUsed() : seedInMeta(record.serverMeta());
        Long seed = record.seed() != null ? record.seed() : seedUsed;
        List<StoredResult> results = new ArrayList<>();
        for (String output : record.outputs()) {
            Path file = dir.resolve(output);
            if (Files.isRegularFile(file)) {
                results.add(new StoredResult(id + "/" + output, file, dir.resolve(record.before()), created,
                        record.prompt(), seed, record.nsfwContentDetected(), record.width(), record.height(),
                        mask, thumbnailPath(file), record.starred().contains(output), record.parentResultId(),
                        seedUsed, record.sourceName(), record.crop() == null ? null : record.crop().feather(),
                        record.isLocal(), record.ancestors()));
            }
        }
        return results;
    }
}
