package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads any answer of the server into a {@link ServerReply}, tolerating the type drift of the API. */
final class ReplyParser {
    /** Long strings in {@code meta} (echoed base64 images) are cut to keep stored metadata small. */
    static final int META_STRING_LIMIT = 2048;

    private final ObjectMapper mapper;

    ReplyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ServerReply parse(int httpCode, byte[] body, String retryAfterHeader) {
        JsonNode root = readJson(body);
        Double headerRetry = number(retryAfterHeader == null ? null : TextNode.valueOf(retryAfterHeader));
        if (root == null || !root.isObject()) {
            return new ServerReply(httpCode, ServerReply.Status.NOT_JSON, "", null, "", List.of(), List.of(),
                    List.of(), "", Map.of(), headerRetry, 0, false, "{}", snippet(body));
        }
        JsonNode messageNode = first(root, "message", "messege", "error", "msg");
        Map<String, List<String>> fieldErrors = messageNode != null && messageNode.isObject()
                ? fieldErrors(messageNode) : Map.of();
        String message = messageNode == null ? "" : flatten(messageNode, fieldErrors);
        List<String> output = strings(root.get("output"));
        if (output.isEmpty()) {
            output = strings(root.get("output_url"));
        }
        Double retryAfter = number(root.get("retry_after"));
        return new ServerReply(
                httpCode,
                status(root, output, message),
                id(root.get("id")),
                number(root.get("eta")),
                text(root.get("fetch_result")),
                output,
                strings(root.get("proxy_links")),
                strings(root.get("future_links")),
                message,
                fieldErrors,
                retryAfter != null ? retryAfter : headerRetry,
                orZero(number(first(root, "generationTime", "generation_time"))),
                flag(root.get("nsfw_content_detected")),
                meta(root.get("meta")),
                "");
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ServerReply.Status status(JsonNode root, List<String> output, String message) {
        String s = text(root.get("status")).toLowerCase(Locale.ROOT);
        switch (s) {
            case "success":
            case "succeeded":
            case "completed":
                return ServerReply.Status.SUCCESS;
            case "processing":
            case "queued":
            case "pending":
            case "starting":
                return ServerReply.Status.PROCESSING;
            case "error":
                return ServerReply.Status.ERROR;
            case "failed":
            case "failure":
                return ServerReply.Status.FAILED;
            case "":
                // No status at all: judge by the content.
                if (!output.isEmpty()) {
                    return ServerReply.Status.SUCCESS;
                }
                return message.isEmpty() ? ServerReply.Status.UNKNOWN : ServerReply.Status.ERROR;
            default:
                return ServerReply.Status.UNKNOWN;
        }
    }

    private static JsonNode first(JsonNode root, String... names) {
        for (String name : names) {
            JsonNode n = root.get(name);
            if (n != null && !n.isNull() && !(n.isTextual() && n.asText().isBlank())) {
                return n;
            }
        }
        return null;
    }

    /** {@code 123}, {@code "123"}, {@code 1.23e2} or {@code ""}: always text, never "123.0". */
    static String id(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().toString();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : n.asText();
        }
        return n.isValueNode() ? n.asText().strip() : "";
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? "" : n.asText().strip();
    }

    static Double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                double d = Double.parseDouble(n.asText().strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** An array of strings, a single string, {@code ""} or null: non-blank entries, in order. */
    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                String s = text(e);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else {
            String s = text(n);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** true, "yes", "true", 1, or an array with any of them (some servers send one flag per image). */
    static boolean flag(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (flag(e)) {
                    return true;
                }
            }
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0;
        }
        String s = n.asText().strip().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("1");
    }

    private static Map<String, List<String>> fieldErrors(JsonNode object) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> messages = e.getValue().isArray() || e.getValue().isValueNode()
                    ? strings(e.getValue()) : List.of(e.getValue().toString());
            out.put(e.getKey(), messages.isEmpty() ? List.of("is invalid") : messages);
        }
        return out;
    }

    private static String flatten(JsonNode message, Map<String, List<String>> fieldErrors) {
        if (message.isValueNode()) {
            return message.asText().strip();
        }
        if (message.isArray()) {
            return String.join(" ", strings(message));
        }
        StringBuilder sb = new StringBuilder();
        fieldErrors.forEach((field, messages) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(field).append(": ").append(String.join(" ", messages));
        });
        return sb.toString();
    }

    private String meta(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return "{}";
        }
        ObjectNode copy = ((ObjectNode) meta).deepCopy();
        copy.remove("key");
        shortenLongStrings(copy);
        try {
            return mapper.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static void shortenLongStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            List<String> longOnes = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getValue().asText().length() > META_STRING_LIMIT) {
                    longOnes.add(e.getKey());
                } else {
                    shortenLongStrings(e.getValue());
                }
            }
            for (String name : longOnes) {
                object.put(name, "(" + object.get(name).asText().length() + " characters omitted)");
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode e : node) {
                shortenLongStrings(e);
            }
        }
    }

    /**
     * The start of a non-JSON body as one line of text without markup, for messages. Not cut to
     * its final length here: the key must be hidden before cutting (see {@link #shorten}).
     */
    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        return s.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
