package dev.inpaintstudio.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The API key, alone in a file only its owner can read or write (mode 0600 where the OS has modes). */
public final class ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    public ApiKeyStore(Path configDir) {
        this.file = configDir.resolve("api-key");
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the key. A key file others may read (e.g. one put back from a backup at 0644) is made
     * owner-only again first.
     */
    public Optional<String> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        narrowPermissions();
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private void narrowPermissions() {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (now.stream().anyMatch(OTHERS::contains)) {
                view.setPermissions(OWNER_ONLY);
                LOG.warning("The API key file could be read by others; it is owner-only again: " + file);
            }
        } catch (IOException | SecurityException e) {
            // The key is still usable; the next save writes a fresh owner-only file.
            LOG.log(Level.WARNING, "Could not make the API key file owner-only: " + e.getMessage());
        }
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
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (network shares, some FUSE mounts) cannot rename atomically.
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
