package dev.inpaintstudio.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

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
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
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
