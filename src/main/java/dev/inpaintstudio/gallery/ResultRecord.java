package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The JSON beside a job's PNGs: what was asked (never the API key), what was sent and what came back.
 * Unknown fields are ignored so older versions read newer records, and fields a record lacks are null.
 *
 * @param version        4 since offline results are kept (backend, fill); 3 since the mask, crop box, source
 *                       identity, lineage and stars are kept; 2 stored
 *                       the parameters by wire name (1 had a fixed set of v6 fields; such records still
 *                       load, with {@code parameters} null)
 * @param endpoint       the {@code modelslab.Endpoint} constant's name, e.g. {@code V6_IMAGES}; null offline
 * @param parameters     every parameter sent, by its wire name at that endpoint ({@code model_id},
 *                       {@code num_inference_steps}, {@code width}, ...), with its JSON value as sent;
 *                       never the key, never the images
 * @param prompt         the prompt, kept apart for the gallery
 * @param seed           the seed asked for, or null for random (the server's pick is {@code seedUsed})
 * @param mask           the mask file ({@code mask.png}, white = repainted), or null in older records
 * @param cropBox        the part of the picture that was sent, in the picture's pixels
 * @param maskBox        the bounding box of the mask, or null when it was empty
 * @param source         the picture's identity
 * @param jobId          the local job that made these results
 * @param parentResultId the result the picture was ({@code folder/result-N.png}) when the artist
 *                       continued from one, else null: follow these to walk a branch of edits back
 * @param seedUsed       the seed the server reports having used ({@code meta.seed}), or null
 * @param starred        the outputs the artist starred
 * @param crop           how much context was sent and how the outputs were blended back, or null in
 *                       records older than it
 * @param backend        {@code local} for the offline engine, {@code modelslab} (or null, before version 4) for ModelsLab
 * @param fill           the offline engine's options; null for ModelsLab results
 * @param serverGenerationSeconds the generation time the server reported ({@code generationTime}), in
 *                       seconds; null offline, when the server gave none, or in older records
 * @param ancestors      the whole branch back: the parent result, its parent, and so on (nearest first),
 *                       so the branch can still be followed when one of them was deleted; null in older
 *                       records (follow {@code parentResultId} then)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultRecord(
        int version,
        String createdAt,
        String sourceName,
        String endpoint,
        Map<String, Object> parameters,
        String prompt,
        Long seed,
        int sentWidth,
        int sentHeight,
        int width,
        int height,
        String serverId,
        boolean nsfwContentDetected,
        long elapsedMillis,
        String before,
        List<String> outputs,
        String serverMeta,
        String mask,
        Box cropBox,
        Box maskBox,
        Source source,
        String jobId,
        String parentResultId,
        Long seedUsed,
        List<String> starred,
        Crop crop,
        String backend,
        Fill fill,
        Double serverGenerationSeconds,
        List<String> ancestors) {

    public static final int VERSION = 4;
    public static final String LOCAL = "local";
    public static final String MODELSLAB = "modelslab";

    /**
     * What the offline engine was asked for.
     *
     * @param quality      the preset: {@code fast}, {@code balanced} or {@code quality}
     * @param sourceRegion whether texture was taken only from a region the artist marked
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fill(int patchSize, String quality, long seed, boolean sourceRegion) {
    }

    /** The crop settings a job ran with: context padding, whole-picture mode, feather (px) and colour matching. */
    public record Crop(int padding, boolean wholeImage, int feather, boolean colorMatch) {
    }

    /** A rectangle in the picture's pixels. */
    public record Box(int x, int y, int width, int height) {
    }

    /** Which picture the job started from: its name, size and the SHA-256 of its pixels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String name, int width, int height, String sha256) {
    }

    public ResultRecord {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        starred = starred == null ? List.of() : List.copyOf(starred);
    }

    ResultRecord withOutputs(List<String> newOutputs, List<String> newStarred) {
        return new ResultRecord(version, createdAt, sourceName, endpoint, parameters, prompt, seed, sentWidth, sentHeight,
                width, height, serverId, nsfwContentDetected, elapsedMillis, before, newOutputs, serverMeta, mask, cropBox,
                maskBox, source, jobId, parentResultId, seedUsed, newStarred, crop, backend, fill,
                serverGenerationSeconds, ancestors);
    }

    /** Whether the offline engine made these results. */
    public boolean isLocal() {
        return LOCAL.equals(backend);
    }

    /** The seed to reuse: the one the server used when it said, else the one asked for. */
    public Long effectiveSeed() {
        return seedUsed != null ? seedUsed : seed;
    }
}
