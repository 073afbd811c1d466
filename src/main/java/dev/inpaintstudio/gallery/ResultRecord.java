package dev.inpaintstudio.gallery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The JSON beside a job's PNGs: what was asked (never the API key), what was sent and what came back.
 * Unknown fields are ignored so older versions read newer records.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultRecord(
        int version,
        String createdAt,
        String sourceName,
        String endpoint,
        String modelId,
        String prompt,
        String negativePrompt,
        int samples,
        int steps,
        double guidanceScale,
        double strength,
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
}
