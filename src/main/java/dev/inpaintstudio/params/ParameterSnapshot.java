package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The side panel's request as text, the way presets and the last-used parameters are stored: the
 * endpoint, every field's text as the artist left it (also fields the endpoint does not have, so
 * nothing is lost by switching), and whether the seed is random. Never the API key or the server:
 * those are settings.
 *
 * @param endpoint   the endpoint chosen
 * @param values     text by field; LoRA models and strengths as the comma-separated lists sent
 * @param randomSeed whether a new random seed is asked for (the seed text is then kept, not sent)
 */
public record ParameterSnapshot(Endpoint endpoint, Map<ApiField, String> values, boolean randomSeed) {
    public ParameterSnapshot {
        Objects.requireNonNull(endpoint, "endpoint");
        EnumMap<ApiField, String> copy = new EnumMap<>(ApiField.class);
        if (values != null) {
            values.forEach((field, text) -> {
                if (field != null && text != null) {
                    copy.put(field, text);
                }
            });
        }
        values = Collections.unmodifiableMap(copy);
    }
}
