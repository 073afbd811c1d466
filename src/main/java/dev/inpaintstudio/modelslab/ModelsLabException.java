package dev.inpaintstudio.modelslab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job that did not produce images. {@link #getMessage()} is a sentence meant for the user; it
 * never contains the API key.
 */
public class ModelsLabException extends Exception {

    /** What went wrong, so that callers can react (e.g. open the key settings on INVALID_KEY). */
    public enum Kind {
        /** The key was rejected (or none was given). Not retried. */
        INVALID_KEY,
        /** The account has no credits left. */
        NO_CREDITS,
        /** The model or feature needs another subscription plan. */
        PLAN,
        /** The server rejected a parameter; see {@link #fieldErrors()}. */
        VALIDATION,
        /** Too many requests, still refused after waiting within the deadline. */
        RATE_LIMITED,
        /** The server reported the job as failed, or refused it with a message. */
        FAILED,
        /** HTTP 5xx or an error page, still after the retries. */
        SERVER_ERROR,
        /** An answer that is not a ModelsLab reply (not JSON, unknown status, no links). */
        BAD_RESPONSE,
        /** The server could not be reached or the connection broke. */
        NETWORK,
        /** The job did not finish within the deadline; it may still finish on the server. */
        DEADLINE,
        /** An output that could not be downloaded or is not an image. */
        BAD_OUTPUT
    }

    private final Kind kind;
    private final Map<String, List<String>> fieldErrors;
    private final String serverId;

    public ModelsLabException(Kind kind, String message) {
        this(kind, message, Map.of(), null, null);
    }

    public ModelsLabException(Kind kind, String message, Map<String, List<String>> fieldErrors,
                              String serverId, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (fieldErrors != null) {
            fieldErrors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        }
        this.fieldErrors = java.util.Collections.unmodifiableMap(copy);
        this.serverId = serverId == null || serverId.isEmpty() ? null : serverId;
    }

    public Kind kind() {
        return kind;
    }

    /** Field name (as on the wire, e.g. {@code init_image}) to the server's messages; empty unless VALIDATION. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** The server's job id when the job had been accepted, else null (useful with {@link Kind#DEADLINE}). */
    public String serverId() {
        return serverId;
    }

    /** The same failure with the job id attached, unless it already has one. */
    ModelsLabException withServerId(String id) {
        if (serverId != null || id == null || id.isEmpty()) {
            return this;
        }
        ModelsLabException copy = new ModelsLabException(kind, getMessage(), fieldErrors, id, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
