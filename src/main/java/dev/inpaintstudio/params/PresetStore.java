package dev.inpaintstudio.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Named presets as JSON files in {@code <config>/presets/}, and the last-used parameters in
 * {@code <config>/last-used.json}, in the same format, which is also the export format:
 * <pre>
 * {"format": "inpaint-studio-preset", "version": 1, "name": "Portraits", "endpoint": "v6",
 *  "randomSeed": true, "parameters": {"model-id": "realistic-vision-v51", "steps": "31", ...}}
 * </pre>
 * Parameters are keyed by {@link ApiField#optionName()} and hold the panel's text. Since the offline
 * engine, a file also says which backend was chosen and the engine's options:
 * {@code "backend": "local", "fill": {"quality": "balanced", "patchSize": 9, "seed": "", "randomSeed": true}};
 * a file without them restores neither. A preset holds
 * only a {@link ParameterSnapshot}, which has no API key and no server address; reading a file
 * ignores anything else it contains. Blocking: call from a worker thread.
 */
public final class PresetStore {
    public static final String FORMAT = "inpaint-studio-preset";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".json";
    private static final Logger LOG = Logger.getLogger(PresetStore.class.getName());

    private final Path dir;
    private final Path lastUsed;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PresetStore(Path configDir) {
        this.dir = configDir.resolve("presets");
        this.lastUsed = configDir.resolve("last-used.json");
    }

    public Path folder() {
        return dir;
    }

    public Path lastUsedFile() {
        return lastUsed;
    }

    /** The names of the saved presets, sorted without regard to case. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>(index().keySet());
        names.sort(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(s -> s));
        return names;
    }

    public boolean exists(String name) throws IOException {
        return index().containsKey(clean(name));
    }

    public ParameterSnapshot load(String name) throws IOException {
        Path file = index().get(clean(name));
        if (file == null) {
            throw new NoSuchFileException("There is no preset named \"" + name + "\".");
        }
        return read(file).snapshot();
    }

    /** Saves (or replaces) a preset. */
    public void save(String name, ParameterSnapshot snapshot) throws IOException {
        String clean = requireName(name);
        Path file = index().get(clean);
        if (file == null) {
            file = freeFile(clean);
        }
        write(file, clean, snapshot);
    }

    /** Gives a preset a new name. Refuses a name another preset has. */
    public void rename(String from, String to) throws IOException {
        String target = requireName(to);
        Map<String, Path> index = index();
        Path file = index.get(clean(from));
        if (file == null) {
            throw new NoSuchFileException("There is no preset named \"" + from + "\".");
        }
        if (target.equals(clean(from))) {
            return;
        }
        if (index.containsKey(target)) {
            throw new IOException("A preset named \"" + target + "\" already exists.");
        }
        ParameterSnapshot snapshot = read(file).snapshot();
        write(freeFile(target), target, snapshot);
        Files.deleteIfExists(file);
    }

    public void delete(String name) throws IOException {
        Path file = index().get(clean(name));
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** A preset file read from anywhere (an import): its name (or the file's) and its parameters. */
    public record Named(String name, ParameterSnapshot snapshot) {
    }

    public Named read(Path file) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not a preset file (not JSON).", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file.getFileName() + " is not an Inpaint Studio preset file.");
        }
        Endpoint endpoint;
        try {
            endpoint = Endpoint.fromCliName(root.path("endpoint").asText(Endpoint.V6_IMAGES.cliName()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        Map<ApiField, String> values = new EnumMap<>(ApiField.class);
        JsonNode parameters = root.path("parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ApiField field = ApiField.fromOptionName(e.getKey());
            if (field != null && e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(field, e.getValue().asText());
            }
        }
        String name = clean(root.path("name").asText(""));
        if (name.isEmpty()) {
            name = stem(file);
        }
        BackendChoice backend = null;
        if (root.hasNonNull("backend")) {
            try {
                backend = BackendChoice.fromId(root.path("backend").asText());
            } catch (IllegalArgumentException e) {
                LOG.log(Level.INFO, file.getFileName() + ": " + e.getMessage());
            }
        }
        FillSettings fill = null;
        JsonNode f = root.path("fill");
        if (f.isObject()) {
            fill = new FillSettings(FillPreset.fromId(f.path("quality").asText("")),
                    f.path("patchSize").asInt(FillSettings.DEFAULT_PATCH), f.path("seed").asText(""),
                    f.path("randomSeed").asBoolean(true));
        }
        return new Named(name, new ParameterSnapshot(endpoint, values, root.path("randomSeed").asBoolean(true), backend, fill));
    }

    /** Writes a preset file (atomically): a saved preset, an export or the last-used parameters. */
    public void write(Path file, String name, ParameterSnapshot snapshot) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", clean(name));
        root.put("endpoint", snapshot.endpoint().cliName());
        root.put("randomSeed", snapshot.randomSeed());
        ObjectNode parameters = root.putObject("parameters");
        snapshot.values().forEach((field, text) -> parameters.put(field.optionName(), text));
        if (snapshot.backend() != null) {
            root.put("backend", snapshot.backend().id());
        }
        if (snapshot.fill() != null) {
            ObjectNode fill = root.putObject("fill");
            fill.put("quality", snapshot.fill().preset().id());
            fill.put("patchSize", snapshot.fill().patchSize());
            fill.put("seed", snapshot.fill().seed());
            fill.put("randomSeed", snapshot.fill().randomSeed());
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".preset-", ".tmp");
        try {
            json.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Optional<ParameterSnapshot> loadLastUsed() throws IOException {
        if (!Files.isRegularFile(lastUsed)) {
            return Optional.empty();
        }
        return Optional.of(read(lastUsed).snapshot());
    }

    public void saveLastUsed(ParameterSnapshot snapshot) throws IOException {
        write(lastUsed, "Last used", snapshot);
    }

    /** A name not yet taken: {@code base}, else {@code base (2)}, {@code base (3)}, ... */
    public String freeName(String base) throws IOException {
        String clean = requireName(base);
        Map<String, Path> index = index();
        String name = clean;
        for (int n = 2; index.containsKey(name); n++) {
            name = clean + " (" + n + ")";
        }
        return name;
    }

    private Map<String, Path> index() throws IOException {
        Map<String, Path> index = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return index;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + EXTENSION)) {
            for (Path file : files) {
                try {
                    index.putIfAbsent(read(file).name(), file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Skipping unreadable preset " + file + ": " + e.getMessage());
                }
            }
        }
        return index;
    }

    private Path freeFile(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (slug.isEmpty()) {
            slug = "preset";
        }
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        Path file = dir.resolve(slug + EXTENSION);
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(slug + "-" + n + EXTENSION);
        }
        return file;
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    static String clean(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    private static String requireName(String name) throws IOException {
        String clean = clean(name);
        if (clean.isEmpty()) {
            throw new IOException("A preset needs a name.");
        }
        if (clean.length() > 120) {
            throw new IOException("A preset name may have at most 120 characters.");
        }
        return clean;
    }
}
