package dev.inpaintstudio.gallery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One output on disk, with the picture it was made from.
 *
 * @param id            {@code folder/result-N.png}, unique in the store
 * @param seed          the seed asked for; for a random one, the seed the server reports having used
 * @param maskFile      the mask of the job, or null for records older than masks
 * @param thumbnailFile where its small picture is cached (it may not exist yet)
 * @param parentId      the result the job's picture was, or null
 * @param seedUsed      the seed the server used, when it said
 * @param featherPx     the feather it was pasted back with, or null when its record does not say
 * @param offline       made by the offline engine (its seed is the fill's)
 * @param ancestors     the branch back, nearest first: the parent, its parent, ...; kept even when one
 *                      of them is deleted (older records know only the parent)
 */
public record StoredResult(String id, Path resultFile, Path beforeFile, Instant created, String prompt,
                           Long seed, boolean nsfwContentDetected, int width, int height,
                           Path maskFile, Path thumbnailFile, boolean starred, String parentId, Long seedUsed,
                           String sourceName, Integer featherPx, boolean offline, List<String> ancestors) {

    public StoredResult {
        ancestors = ancestors == null ? (parentId == null ? List.of() : List.of(parentId)) : List.copyOf(ancestors);
    }

    public StoredResult(String id, Path resultFile, Path beforeFile, Instant created, String prompt,
                        Long seed, boolean nsfwContentDetected, int width, int height,
                        Path maskFile, Path thumbnailFile, boolean starred, String parentId, Long seedUsed,
                        String sourceName, Integer featherPx, boolean offline) {
        this(id, resultFile, beforeFile, created, prompt, seed, nsfwContentDetected, width, height, maskFile,
                thumbnailFile, starred, parentId, seedUsed, sourceName, featherPx, offline, null);
    }

    /** A ModelsLab result. */
    public StoredResult(String id, Path resultFile, Path beforeFile, Instant created, String prompt,
                        Long seed, boolean nsfwContentDetected, int width, int height,
                        Path maskFile, Path thumbnailFile, boolean starred, String parentId, Long seedUsed,
                        String sourceName, Integer featherPx) {
        this(id, resultFile, beforeFile, created, prompt, seed, nsfwContentDetected, width, height, maskFile,
                thumbnailFile, starred, parentId, seedUsed, sourceName, featherPx, false);
    }

    public StoredResult(String id, Path resultFile, Path beforeFile, Instant created, String prompt,
                        Long seed, boolean nsfwContentDetected, int width, int height) {
        this(id, resultFile, beforeFile, created, prompt, seed, nsfwContentDetected, width, height, null,
                ResultStore.thumbnailPath(resultFile), false, null, null, null, null);
    }

    public String caption() {
        if (offline) {
            return "Offline fill";
        }
        String p = prompt == null || prompt.isBlank() ? "(no prompt)" : prompt.strip();
        return p.length() > 40 ? p.substring(0, 39) + "…" : p;
    }

    /** The folder of the job that made it. */
    public String folder() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** The seed to reuse: the server's when known, else the one asked for. */
    public Long effectiveSeed() {
        return seedUsed != null ? seedUsed : seed;
    }

    StoredResult withStarred(boolean star) {
        return new StoredResult(id, resultFile, beforeFile, created, prompt, seed, nsfwContentDetected, width, height,
                maskFile, thumbnailFile, star, parentId, seedUsed, sourceName, featherPx, offline, ancestors);
    }
}
