package dev.inpaintstudio.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * {@code job.json} of a job in flight, beside its {@code picture.png} (full size) and {@code mask.png}.
 * Never holds the API key.
 *
 * @param state      {@code WAITING} (never sent), {@code SENDING} (being sent: it may have reached the
 *                   server), {@code ACCEPTED} (the server has it as {@code serverId}), {@code FAILED}
 * @param parameters every parameter as sent, by wire name (see {@link WireParameters})
 * @param collectable for FAILED: the job may still finish on the server, so a retry collects it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersistedJob(
        int version,
        String id,
        String createdAt,
        String startedAt,
        String sourceName,
        String parentResultId,
        String endpoint,
        Map<String, Object> parameters,
        int width,
        int height,
        int sentWidth,
        int sentHeight,
        String state,
        String serverId,
        String fetchUrl,
        String message,
        boolean collectable) {

    public static final int VERSION = 1;
    public static final String WAITING = "WAITING";
    public static final String SENDING = "SENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String FAILED = "FAILED";

    PersistedJob with(String newState, String newServerId, String newFetchUrl, String newMessage, boolean newCollectable,
                      String newStartedAt) {
        return new PersistedJob(version, id, createdAt, newStartedAt, sourceName, parentResultId, endpoint, parameters,
                width, height, sentWidth, sentHeight, newState, newServerId, newFetchUrl, newMessage, newCollectable);
    }
}
