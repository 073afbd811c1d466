package dev.inpaintstudio.gallery;

import java.nio.file.Path;
import java.time.Instant;

/** One output on disk, with the picture it was made from. */
public record StoredResult(String id, Path resultFile, Path beforeFile, Instant created, String prompt,
                           Long seed, boolean nsfwContentDetected, int width, int height) {

    public String caption() {
        String p = prompt == null || prompt.isBlank() ? "(no prompt)" : prompt.strip();
        return p.length() > 40 ? p.substring(0, 39) + "…" : p;
    }
}
