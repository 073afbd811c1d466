package dev.inpaintstudio.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plain user settings and the last-used request parameters, as a properties file. Never holds the
 * API key: that lives in {@link ApiKeyStore}.
 */
public final class Settings {
    public static final String DEFAULT_BASE_URL = "https://modelslab.com";
    public static final String BASE_URL = "baseUrl";

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
