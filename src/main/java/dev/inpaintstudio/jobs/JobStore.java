package dev.inpaintstudio.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Jobs in flight on disk, one folder a job: {@code picture.png} (the picture at full size),
 * {@code mask.png} (its mask, white = repaint) and {@code job.json} ({@link PersistedJob}). Written
 * when a job is submitted, updated when the server takes it, removed once its results are stored:
 * what is left at start was interrupted. Blocking; call off the UI thread.
 */
public final class JobStore {
    private static final Logger LOG = Logger.getLogger(JobStore.class.getName());
    static final String RECORD = "job.json";
    static final String PICTURE = "picture.png";
    static final String MASK = "mask.png";
    static final String SOURCE_REGION = "source.png";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public JobStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A persisted job with its inputs read back. */
    public record Loaded(PersistedJob record, JobRequest request) {
    }

    /**
     * The record a new job starts with (state WAITING), without writing anything, with the size the
     * whole picture would be sent at; see the other form for the size actually planned.
     */
    public static PersistedJob newRecord(String id, JobRequest request, String parentResultId) {
        return newRecord(id, request, parentResultId, null);
    }

    /**
     * The record a new job starts with (state WAITING), without writing anything.
     *
     * @param sent the size the backend is sent (its planned crop at its working size), or null when
     *             not known: then the whole picture's
     */
    public static PersistedJob newRecord(String id, JobRequest request, String parentResultId, GenerationSize sent) {
        int w = request.image().getWidth();
        int h = request.image().getHeight();
        PersistedJob.Crop crop = PersistedJob.Crop.of(request.crop());
        String created = Instant.now().toString();
        if (request.recipe() instanceof GenerationRecipe.LocalFill fill) {
            return new PersistedJob(PersistedJob.VERSION, id, created, null, request.sourceName(), parentResultId, null,
                    null, w, h, sent == null ? 0 : sent.width(), sent == null ? 0 : sent.height(), PersistedJob.WAITING,
                    null, null, null, false, GenerationRecipe.LOCAL_ID,
                    PersistedJob.Fill.of(fill.options()), crop);
        }
        InpaintParameters p = request.modelsLabParameters();
        if (sent == null) {
            sent = GenerationSize.fit(w, h);
        }
        return new PersistedJob(PersistedJob.VERSION, id, created, null, request.sourceName(),
                parentResultId, p.endpoint().name(), WireParameters.of(p, sent.width(), sent.height()), w, h,
                sent.width(), sent.height(), PersistedJob.WAITING, null, null, null, false, GenerationRecipe.MODELSLAB_ID,
                null, crop);
    }

    /** Writes a job's inputs and record. */
    public synchronized void create(PersistedJob record, JobRequest request) throws IOException {
        Path dir = dir(record.id());
        Files.createDirectories(dir);
        PngEncoder.writeAtomically(request.image(), dir.resolve(PICTURE));
        PngEncoder.writeAtomically(MaskImages.toImage(request.coverage(), request.image().getWidth(),
                request.image().getHeight()), dir.resolve(MASK));
        if (request.recipe() instanceof GenerationRecipe.LocalFill fill && fill.options().sourceRegion() != null) {
            PngEncoder.writeAtomically(MaskImages.toImage(fill.options().sourceRegion(), request.image().getWidth(),
                    request.image().getHeight()), dir.resolve(SOURCE_REGION));
        }
        write(record);
    }

    /** Rewrites a job's record (its inputs stay); does nothing for a job no longer on disk. */
    public synchronized void update(PersistedJob record) throws IOException {
        if (Files.isDirectory(dir(record.id()))) {
            write(record);
        }
    }

    public synchronized boolean exists(String id) {
        return Files.isRegularFile(dir(id).resolve(RECORD));
    }

    public synchronized void delete(String id) throws IOException {
        Path dir = dir(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Every job left on disk, oldest first, with its inputs. Damaged folders are skipped and logged. */
    public synchronized List<Loaded> loadAll() {
        List<Loaded> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve(RECORD);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    PersistedJob record = json.readValue(file.toFile(), PersistedJob.class);
                    BufferedImage picture = ImageFiles.read(dir.resolve(PICTURE));
                    byte[] coverage = MaskImages.toCoverage(ImageFiles.read(dir.resolve(MASK)));
                    out.add(new Loaded(record, new JobRequest(picture, coverage, recipe(record, dir), record.sourceName(),
                            null, record.cropSettings())));
                } catch (IOException | IllegalArgumentException | NullPointerException e) {
                    LOG.log(Level.WARNING, "Skipping an unreadable job in " + dir, e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the jobs in " + root, e);
        }
        out.sort(Comparator.comparing((Loaded l) -> l.record().createdAt()).thenComparing(l -> l.record().id()));
        return out;
    }

    /** What a stored record asks for: the offline engine's options, or the ModelsLab request. */
    private static GenerationRecipe recipe(PersistedJob record, Path dir) throws IOException {
        if (record.isLocal()) {
            PersistedJob.Fill fill = record.fill() == null
                    ? PersistedJob.Fill.of(dev.inpaintstudio.local.FillOptions.DEFAULT) : record.fill();
            byte[] region = fill.sourceRegion() ? MaskImages.toCoverage(ImageFiles.read(dir.resolve(SOURCE_REGION))) : null;
            return new GenerationRecipe.LocalFill(fill.toOptions(region));
        }
        return new GenerationRecipe.ModelsLab(WireParameters.read(Endpoint.valueOf(record.endpoint()), record.parameters()));
    }

    public synchronized PersistedJob read(String id) throws IOException {
        return json.readValue(dir(id).resolve(RECORD).toFile(), PersistedJob.class);
    }

    private void write(PersistedJob record) throws IOException {
        Path dir = dir(record.id());
        Path tmp = dir.resolve(RECORD + ".tmp");
        json.writeValue(tmp.toFile(), record);
        Files.move(tmp, dir.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path dir(String id) {
        if (id == null || id.isBlank() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            throw new IllegalArgumentException("Not a job id: " + id);
        }
        return root.resolve(id);
    }
}
