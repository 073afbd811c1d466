package dev.inpaintstudio.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.FillPreset;
import dev.inpaintstudio.params.FillSettings;
import dev.inpaintstudio.params.ParameterSnapshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The open document on disk, so a crash loses nothing: {@code image.png} (written once per
 * document), {@code mask.png} and {@code session.json} (name, source, the side panel's values without
 * the key, the result it came from), written last so it always names a complete picture. A clean
 * exit clears it; finding it at start means the last run did not end cleanly. Blocking: call off the
 * UI thread.
 */
final class Autosave {
    private static final Logger LOG = Logger.getLogger(Autosave.class.getName());
    private static final String SESSION = "session.json";
    private static final String IMAGE = "image.png";
    private static final String MASK = "mask.png";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * {@code session.json}: the side panel as its snapshot (endpoint, each field's text by
     * {@link ApiField} name, whether the seed is random, the backend and the offline options), never the key.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(int version, String savedAt, String documentId, String name, String source, int width, int height,
                   String endpoint, Map<String, String> parameters, boolean randomSeed, String parentResultId,
                   String backend, Fill fill) {

        /** The offline options as saved; absent in sessions saved before the offline engine. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Fill(String quality, int patchSize, String seed, boolean randomSeed) {
        }

        /** The side panel's values as saved, or null when they cannot be read. */
        ParameterSnapshot snapshot() {
            try {
                Map<ApiField, String> values = new EnumMap<>(ApiField.class);
                if (parameters != null) {
                    parameters.forEach((name, text) -> values.put(ApiField.valueOf(name), text));
                }
                BackendChoice chosen = backend == null ? null : BackendChoice.fromId(backend);
                FillSettings fillSettings = fill == null ? null
                        : new FillSettings(FillPreset.fromId(fill.quality()), fill.patchSize(), fill.seed(), fill.randomSeed());
                return new ParameterSnapshot(Endpoint.valueOf(endpoint), values, randomSeed, chosen, fillSettings);
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }
    }

    /** A document found on disk. */
    record Snapshot(Session session, BufferedImage image, byte[] coverage) {
    }

    Autosave(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes the picture of a new document; the session written before it is removed first. */
    synchronized void saveImage(BufferedImage image) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(SESSION));
        PngEncoder.writeAtomically(image, dir.resolve(IMAGE));
    }

    /** Writes the mask and the session (the picture must be written already, by {@link #saveImage}). */
    synchronized void save(Session session, byte[] coverage) throws IOException {
        Files.createDirectories(dir);
        PngEncoder.writeAtomically(MaskImages.toImage(coverage, session.width(), session.height()), dir.resolve(MASK));
        Path tmp = dir.resolve(SESSION + ".tmp");
        json.writeValue(tmp.toFile(), session);
        Files.move(tmp, dir.resolve(SESSION), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What the last run left, if it did not end cleanly. */
    synchronized Optional<Snapshot> load() {
        Path file = dir.resolve(SESSION);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Session session = json.readValue(file.toFile(), Session.class);
            BufferedImage image = ImageFiles.read(dir.resolve(IMAGE));
            BufferedImage mask = ImageFiles.read(dir.resolve(MASK));
            if (image.getWidth() != session.width() || image.getHeight() != session.height()
                    || mask.getWidth() != image.getWidth() || mask.getHeight() != image.getHeight()) {
                throw new IOException("The saved picture and mask do not match");
            }
            return Optional.of(new Snapshot(session, image, MaskImages.toCoverage(mask)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The autosaved document could not be read", e);
            return Optional.empty();
        }
    }

    synchronized void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not clear the autosave in " + dir, e);
        }
    }

    static Session session(String documentId, String name, Path source, int width, int height,
                           ParameterSnapshot parameters, String parentResultId) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.values().forEach((field, text) -> values.put(field.name(), text));
        FillSettings f = parameters.fill();
        return new Session(2, Instant.now().toString(), documentId, name, source == null ? null : source.toString(),
                width, height, parameters.endpoint().name(), values, parameters.randomSeed(), parentResultId,
                parameters.backend() == null ? null : parameters.backend().id(),
                f == null ? null : new Session.Fill(f.preset().id(), f.patchSize(), f.seed(), f.randomSeed()));
    }
}
