package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The JSON beside a job's PNGs: what was asked (never the API key), what was sent and what came back.
 * Unknown fields are ignored so older versions read newer records.
 *
 * @param version    2 since the parameters are stored by wire name (1 had a fixed set of v6 fields;
 *                   such records still load, with {@code parameters} null)
 * @param endpoint   the {@code modelslab.Endpoint} constant's name, e.g. {@code V6_IMAGES}
 * @param parameters every parameter sent, by its wire name at that endpoint ({@code model_id},
 *                   {@code num_inference_steps}, {@code width}, ...), with its JSON value as sent;
 *                   never the key, never the images
 * @param prompt     the prompt, kept apart for the gallery
 * @param seed       the seed asked for, or null for random (the server's pick is in {@code serverMeta})
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
        String serverMeta) {

    public static final int VERSION = 2;
}
