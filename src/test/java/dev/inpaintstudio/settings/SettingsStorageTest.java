package dev.inpaintstudio.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SettingsStorageTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsStoredOwnerOnlyAndNowhereElse() throws Exception {
        String secret = "sk-test-5f3a9c1e";
        Settings settings = Settings.load(dir);
        settings.put("modelId", "realistic-vision-v51");
        settings.put("baseUrl", "http://127.0.0.1:7860");
        settings.save();
        ApiKeyStore keys = new ApiKeyStore(dir);
        keys.save(secret);

        assertEquals(secret, keys.load().orElseThrow());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.equals(keys.file())) {
                    assertFalse(Files.readString(f).contains(secret), f + " must not contain the key");
                }
            }
        }
        Settings reloaded = Settings.load(dir);
        assertEquals("realistic-vision-v51", reloaded.get("modelId", ""));
        assertEquals("http://127.0.0.1:7860", reloaded.baseUrl());

        assumePosix();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
    }

    @Test
    void aKeyFileRestoredWithWiderPermissionsIsMadeOwnerOnlyWhenRead() throws Exception {
        assumePosix();
        Path file = new ApiKeyStore(dir).file();
        Files.writeString(file, "sk-from-backup-77aa\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals("sk-from-backup-77aa", new ApiKeyStore(dir).load().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNarrowerKeyFileIsLeftAsItIs() throws Exception {
        assumePosix();
        Path file = new ApiKeyStore(dir).file();
        Files.writeString(file, "sk-read-only-1");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertEquals("sk-read-only-1", new ApiKeyStore(dir).load().orElseThrow());
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void savingReplacesAnEarlierKey() throws Exception {
        ApiKeyStore keys = new ApiKeyStore(dir);
        keys.save("first-key");
        keys.save("second-key");
        assertEquals("second-key", keys.load().orElseThrow());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(keys.file()), files.toList(), "no temporary file is left behind");
        }
    }

    /** Permissions are checked where the file system has POSIX modes; elsewhere the test is skipped, not failed. */
    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "no POSIX file permissions on this system");
    }

    @Test
    void aBlankKeyRemovesTheFile() throws Exception {
        ApiKeyStore keys = new ApiKeyStore(dir);
        keys.save("abc");
        keys.save("  ");
        assertFalse(Files.exists(keys.file()));
        assertTrue(keys.load().isEmpty());
    }

    @Test
    void aDamagedSettingsFileFallsBackToDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "baseUrl=\\u12"); // a broken escape
        assertEquals(Settings.DEFAULT_BASE_URL, Settings.load(dir).baseUrl());
    }
}
