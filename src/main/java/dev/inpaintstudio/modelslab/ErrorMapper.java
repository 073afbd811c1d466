package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.ModelsLabException.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a reply that is not success or processing into a {@link ModelsLabException} with a kind
 * the app can act on and a sentence a person understands. Every text that came from the server
 * passes through {@link KeyRedactor}, so the key cannot leak even if a server echoes it.
 */
final class ErrorMapper {
    private ErrorMapper() {
    }

    static ModelsLabException map(ServerReply r, ApiKey key) {
        int code = r.httpCode();
        if (r.status() == ServerReply.Status.NOT_JSON) {
            return notJson(r, key);
        }
        if (r.status() == ServerReply.Status.FAILED) {
            String why = r.message().isEmpty() ? "" : " (\"" + KeyRedactor.redact(r.message(), key) + "\")";
            return new ModelsLabException(Kind.FAILED, "ModelsLab could not generate the image" + why
                    + ". Try again, perhaps with other settings.", Map.of(), r.id(), null);
        }
        if (r.status() == ServerReply.Status.UNKNOWN) {
            return new ModelsLabException(Kind.BAD_RESPONSE, "ModelsLab answered with a reply this app does not "
                    + "understand (HTTP " + code + ", no known status). Check the server address.", Map.of(), r.id(), null);
        }
        String message = KeyRedactor.redact(r.message(), key);
        String lower = message.toLowerCase(Locale.ROOT);
        String quoted = message.isEmpty() ? "" : " (\"" + message + "\")";
        if (code == 401 || lower.contains("invalid api key") || lower.contains("invalid key")
                || (lower.contains("api key") && (lower.contains("invalid") || lower.contains("wrong") || lower.contains("missing")))) {
            return new ModelsLabException(Kind.INVALID_KEY, "ModelsLab rejected the API key" + quoted
                    + ". Check the key in the settings.");
        }
        if (code == 402 || lower.contains("insufficient") || lower.contains("credit")
                || lower.contains("balance") || lower.contains("wallet")) {
            return new ModelsLabException(Kind.NO_CREDITS, "Your ModelsLab account has no credits left" + quoted
                    + ". Add credits on modelslab.com and try again.");
        }
        if (code == 429 || lower.contains("rate limit") || lower.contains("too many")) {
            return new ModelsLabException(Kind.RATE_LIMITED, "ModelsLab is refusing new requests for now" + quoted
                    + ". Wait a minute and try again.", Map.of(), r.id(), null);
        }
        if (code == 403 || lower.contains("premium") || lower.contains("subscription")
                || lower.contains("upgrade") || lower.contains(" plan")) {
            return new ModelsLabException(Kind.PLAN, "Your ModelsLab plan does not allow this" + quoted
                    + ". Choose another model or upgrade the plan.");
        }
        if (!r.fieldErrors().isEmpty()) {
            Map<String, List<String>> fields = KeyRedactor.redact(r.fieldErrors(), key);
            return new ModelsLabException(Kind.VALIDATION, "ModelsLab rejected some settings: "
                    + KeyRedactor.redact(r.message(), key) + ".", fields, r.id(), null);
        }
        if (lower.contains("model not found") || lower.contains("model does not exist")) {
            return new ModelsLabException(Kind.VALIDATION, "ModelsLab does not know this model" + quoted
                    + ". Check the model id.", Map.of("model_id", List.of(message)), r.id(), null);
        }
        if (code >= 500) {
            return new ModelsLabException(Kind.SERVER_ERROR, "The ModelsLab server had a problem (HTTP " + code + ")"
                    + quoted + ". Try again in a minute.", Map.of(), r.id(), null);
        }
        if (message.isEmpty()) {
            return new ModelsLabException(Kind.FAILED, "ModelsLab refused the request without saying why (HTTP "
                    + code + ").", Map.of(), r.id(), null);
        }
        return new ModelsLabException(Kind.FAILED, "ModelsLab refused the request: " + message
                + (message.endsWith(".") ? "" : "."), Map.of(), r.id(), null);
    }

    private static ModelsLabException notJson(ServerReply r, ApiKey key) {
        int code = r.httpCode();
        String page = r.snippet().isEmpty() ? ""
                : " (\"" + ReplyParser.shorten(KeyRedactor.redact(r.snippet(), key), 160) + "\")";
        if (code == 401) {
            return new ModelsLabException(Kind.INVALID_KEY, "ModelsLab rejected the API key (HTTP 401). Check the key in the settings.");
        }
        if (code == 402) {
            return new ModelsLabException(Kind.NO_CREDITS, "Your ModelsLab account has no credits left (HTTP 402). "
                    + "Add credits on modelslab.com and try again.");
        }
        if (code == 403) {
            return new ModelsLabException(Kind.PLAN, "ModelsLab refused access (HTTP 403)" + page
                    + ". This model or feature may need another plan.");
        }
        if (code == 429) {
            return new ModelsLabException(Kind.RATE_LIMITED, "ModelsLab is refusing new requests for now (HTTP 429). "
                    + "Wait a minute and try again.");
        }
        if (code >= 500) {
            return new ModelsLabException(Kind.SERVER_ERROR, "The ModelsLab server had a problem (HTTP " + code + ")"
                    + page + ". Try again in a minute.");
        }
        return new ModelsLabException(Kind.BAD_RESPONSE, "The server did not answer like ModelsLab (HTTP " + code
                + (r.snippet().isEmpty() ? ", empty answer" : ", not JSON") + ")" + page + ". Check the server address.");
    }

}
