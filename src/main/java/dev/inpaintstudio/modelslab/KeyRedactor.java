package dev.inpaintstudio.modelslab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hides the API key in text that came from elsewhere (a server that echoes it, an exception). */
final class KeyRedactor {
    static final String HIDDEN = "[key hidden]";

    private KeyRedactor() {
    }

    /** The text with every occurrence of the key replaced. */
    static String redact(String text, ApiKey key) {
        if (text == null || key == null || key.isBlank()) {
            return text;
        }
        return text.replace(key.value(), HIDDEN);
    }

    static Map<String, List<String>> redact(Map<String, List<String>> fields, ApiKey key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((field, messages) -> out.put(redact(field, key),
                messages.stream().map(m -> redact(m, key)).toList()));
        return out;
    }
}
