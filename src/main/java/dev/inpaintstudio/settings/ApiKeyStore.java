package dev.inpaintstudio.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** The API key, alone in a file only its owner can read or write (mode 0600 where the OS has modes). */
public final class ApiKeyStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public ApiKeyStore(Path configDir) {
        this.file = configDir.resolve("api-key");
    }

    public Path file() {
        return file;
    }

    public Optional<String> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** Stores the key, or removes the file for a blank one. The file never exists with wider permissions. */
    public void save(String key) throws IOException {
        if (key == null || key.isBlank()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".api-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), ".api-key-", ".tmp");
        try {
            Files.writeString(tmp, key.strip(), StandardCharsets.UTF_8);
            if (!posix) {
                tmp.toFile().setReadable(false, false);
                tmp.toFile().setReadable(true, true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
