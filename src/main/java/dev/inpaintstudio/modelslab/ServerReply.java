package dev.inpaintstudio.modelslab;

import java.util.List;
import java.util.Map;

/**
 * One answer of the server, normalised: every type drift of the wire ({@code id} as number or
 * string, {@code output} as array or string, {@code message} or {@code messege}, string or object)
 * is resolved here, so the flow only sees this shape.
 *
 * @param httpCode      the HTTP status code
 * @param status        the JSON {@code status}, or {@link Status#NOT_JSON} / {@link Status#UNKNOWN}
 * @param id            the job id as text, {@code ""} when absent
 * @param etaSeconds    the server's estimate, or null
 * @param fetchUrl      {@code fetch_result}, or {@code ""}
 * @param output        {@code output} entries (URLs or inline base64); empty when none
 * @param proxyLinks    {@code proxy_links}
 * @param futureLinks   {@code future_links}
 * @param message       the message as text ({@code ""} when none); an object message is flattened
 * @param fieldErrors   an object message as field to messages; empty otherwise
 * @param retryAfterSeconds {@code retry_after} or the Retry-After header, or null
 * @param generationTime {@code generationTime} in seconds, 0 when absent
 * @param nsfw          {@code nsfw_content_detected}
 * @param metaJson      {@code meta} as JSON text without the key, {@code "{}"} when absent
 * @param snippet       for NOT_JSON: the start of the body, for error messages
 */
record ServerReply(
        int httpCode,
        Status status,
        String id,
        Double etaSeconds,
        String fetchUrl,
        List<String> output,
        List<String> proxyLinks,
        List<String> futureLinks,
        String message,
        Map<String, List<String>> fieldErrors,
        Double retryAfterSeconds,
        double generationTime,
        boolean nsfw,
        String metaJson,
        String snippet) {

    enum Status { SUCCESS, PROCESSING, ERROR, FAILED, UNKNOWN, NOT_JSON }

    @Override
    public String toString() {
        return "ServerReply[http=" + httpCode + ", status=" + status + ", id=" + id + ", eta=" + etaSeconds
                + ", output=" + output.size() + "]";
    }
}
