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
 * @param backend    the backend chosen, or null when the snapshot does not say (older files): restoring
 *                   it then leaves the choice as it is
 * @param fill       the offline engine's options, or null when the snapshot does not say (older files)
 */
public record ParameterSnapshot(Endpoint endpoint, Map<ApiField, String> values, boolean randomSeed,
                                BackendChoice backend, FillSettings fill) {

    /** A snapshot of the ModelsLab request only, which leaves the backend and the fill options alone. */
    public ParameterSnapshot(Endpoint endpoint, Map<ApiField, String> values, boolean randomSeed) {
        this(endpoint, values, randomSeed, null, null);
    }

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
