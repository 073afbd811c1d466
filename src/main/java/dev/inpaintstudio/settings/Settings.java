package dev.inpaintstudio.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plain user settings as a properties file: the server, the defaults and the app's budgets. Never
 * holds the API key (that lives in {@link ApiKeyStore}) nor the request parameters (those are
 * presets). Reading and {@link #put} are cheap and thread-safe; {@link #save} writes the file and
 * belongs on a worker thread.
 */
public final class Settings {
    public static final String DEFAULT_BASE_URL = "https://modelslab.com";
    public static final String BASE_URL = "baseUrl";
    public static final String DEFAULT_ENDPOINT = "defaultEndpoint";
    public static final String OUTPUT_FOLDER = "outputFolder";
    public static final String UNDO_BUDGET_MB = "undoBudgetMegabytes";
    public static final String CONCURRENCY = "concurrency";
    public static final String THEME = "theme";
    public static final String PICTURE_ENCODING = "pictureEncoding";
    public static final String RECENT_MODEL_IDS = "recentModelIds";
    public static final String CROP_PADDING = "cropPadding";
    public static final String WHOLE_IMAGE = "sendWholeImage";
    public static final String FEATHER = "featherPixels";
    public static final String COLOR_MATCH = "colorMatch";
    /** The backend the artist last picked ({@code local} or {@code modelslab}); unset while they never did. */
    public static final String BACKEND = "backend";
    public static final int DEFAULT_CROP_PADDING = 32;
    public static final int MAX_CROP_PADDING = 4096;
    public static final int DEFAULT_FEATHER = 8;
    public static final int MAX_FEATHER = 256;

    /** The endpoint chosen at start when none is set: its command-line name. */
    public static final String DEFAULT_ENDPOINT_NAME = "v6";
    public static final int DEFAULT_UNDO_BUDGET_MB = 256;
    public static final int MIN_UNDO_BUDGET_MB = 16;
    public static final int MAX_UNDO_BUDGET_MB = 8192;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 8;
    /** How many recently used model ids are remembered. */
    public static final int RECENT_MODEL_IDS_KEPT = 10;

    /** The look of the window. */
    public enum Theme {
        DARK("Dark"),
        LIGHT("Light");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path configDir) {
        Settings settings = new Settings(configDir.resolve("settings.properties"));
        try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
            settings.values.load(in);
        } catch (NoSuchFileException e) {
            // First start: defaults.
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Settings file unreadable, using defaults: " + settings.file, e);
        }
        return settings;
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized void put(String key, String value) {
        if (key.toLowerCase(java.util.Locale.ROOT).contains("apikey")) {
            throw new IllegalArgumentException("Secrets do not belong in settings: " + key);
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public String baseUrl() {
        String url = get(BASE_URL, DEFAULT_BASE_URL).strip();
        return url.isEmpty() ? DEFAULT_BASE_URL : url;
    }

    public void setBaseUrl(String url) {
        put(BASE_URL, url == null ? null : url.strip());
    }

    /** The command-line name of the endpoint chosen at start (e.g. {@code v6}). */
    public String defaultEndpoint() {
        String name = get(DEFAULT_ENDPOINT, DEFAULT_ENDPOINT_NAME).strip();
        return name.isEmpty() ? DEFAULT_ENDPOINT_NAME : name;
    }

    public void setDefaultEndpoint(String cliName) {
        put(DEFAULT_ENDPOINT, cliName);
    }

    /** Where results are written, or empty for the app's data folder. */
    public Optional<Path> outputFolder() {
        String folder = get(OUTPUT_FOLDER, "").strip();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(folder));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public void setOutputFolder(Path folder) {
        put(OUTPUT_FOLDER, folder == null ? null : folder.toString());
    }

    /** Undo memory per picture (the open one and those opened later), in MiB, within {@value #MIN_UNDO_BUDGET_MB}..{@value #MAX_UNDO_BUDGET_MB}. */
    public int undoBudgetMegabytes() {
        return clamp(intValue(UNDO_BUDGET_MB, DEFAULT_UNDO_BUDGET_MB), MIN_UNDO_BUDGET_MB, MAX_UNDO_BUDGET_MB);
    }

    public void setUndoBudgetMegabytes(int megabytes) {
        put(UNDO_BUDGET_MB, Integer.toString(clamp(megabytes, MIN_UNDO_BUDGET_MB, MAX_UNDO_BUDGET_MB)));
    }

    /** How many generations may run at once, within {@value #MIN_CONCURRENCY}..{@value #MAX_CONCURRENCY}. */
    public int concurrency() {
        return clamp(intValue(CONCURRENCY, DEFAULT_CONCURRENCY), MIN_CONCURRENCY, MAX_CONCURRENCY);
    }

    public void setConcurrency(int jobs) {
        put(CONCURRENCY, Integer.toString(clamp(jobs, MIN_CONCURRENCY, MAX_CONCURRENCY)));
    }

    public Theme theme() {
        String name = get(THEME, Theme.DARK.name()).strip().toUpperCase(Locale.ROOT);
        for (Theme t : Theme.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Theme.DARK;
    }

    public void setTheme(Theme theme) {
        put(THEME, theme == null ? null : theme.name());
    }

    /** The name of the picture upload encoding ({@code JPEG} or {@code PNG}), or "" for the default. */
    public String pictureEncoding() {
        return get(PICTURE_ENCODING, "").strip();
    }

    public void setPictureEncoding(String name) {
        put(PICTURE_ENCODING, name);
    }

    /** Context kept around the mask's bounding box when a crop is sent, in px. */
    public int cropPadding() {
        return clamp(intValue(CROP_PADDING, DEFAULT_CROP_PADDING), 0, MAX_CROP_PADDING);
    }

    public void setCropPadding(int px) {
        put(CROP_PADDING, Integer.toString(clamp(px, 0, MAX_CROP_PADDING)));
    }

    /** Send the whole picture scaled to fit rather than a crop around the mask. */
    public boolean wholeImage() {
        return Boolean.parseBoolean(get(WHOLE_IMAGE, "false").strip());
    }

    public void setWholeImage(boolean whole) {
        put(WHOLE_IMAGE, Boolean.toString(whole));
    }

    /** How far the mask edge is softened when a result is pasted back, in px. */
    public int featherPixels() {
        return clamp(intValue(FEATHER, DEFAULT_FEATHER), 0, MAX_FEATHER);
    }

    public void setFeatherPixels(int px) {
        put(FEATHER, Integer.toString(clamp(px, 0, MAX_FEATHER)));
    }

    /** Match the result's colours to the context around the mask before pasting back. */
    public boolean colorMatch() {
        return Boolean.parseBoolean(get(COLOR_MATCH, "true").strip());
    }

    public void setColorMatch(boolean on) {
        put(COLOR_MATCH, Boolean.toString(on));
    }

    /** Model ids used lately, newest first. */
    /** The backend the artist last picked, by id; empty while they never picked one (it then follows the key). */
    public Optional<String> backendChoice() {
        String value = get(BACKEND, "").strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public void setBackendChoice(String id) {
        put(BACKEND, id == null || id.isBlank() ? null : id.strip());
    }

    public List<String> recentModelIds() {
        return Arrays.stream(get(RECENT_MODEL_IDS, "").split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(RECENT_MODEL_IDS_KEPT).toList();
    }

    public void setRecentModelIds(List<String> ids) {
        put(RECENT_MODEL_IDS, ids.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .limit(RECENT_MODEL_IDS_KEPT).collect(Collectors.joining("\n")));
    }

    private int intValue(String key, int fallback) {
        try {
            return Integer.parseInt(get(key, Integer.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(out, "Inpaint Studio settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path file() {
        return file;
    }
}
