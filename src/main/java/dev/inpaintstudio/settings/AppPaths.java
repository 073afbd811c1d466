package dev.inpaintstudio.settings;

import java.nio.file.Path;

/**
 * Where the app keeps its files. {@code inpaintstudio.home} (a system property) puts everything
 * under one folder, for tests and portable installs; otherwise the XDG folders are used.
 */
public record AppPaths(Path configDir, Path dataDir) {
    public static final String HOME_PROPERTY = "inpaintstudio.home";

    public static AppPaths fromEnvironment() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return under(Path.of(home));
        }
        Path user = Path.of(System.getProperty("user.home"));
        Path config = envPath("XDG_CONFIG_HOME", user.resolve(".config"));
        Path data = envPath("XDG_DATA_HOME", user.resolve(".local").resolve("share"));
        return new AppPaths(config.resolve("inpaint-studio"), data.resolve("inpaint-studio"));
    }

    public static AppPaths under(Path root) {
        return new AppPaths(root.resolve("config"), root.resolve("data"));
    }

    public Path resultsDir() {
        return dataDir.resolve("results");
    }

    private static Path envPath(String name, Path fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
