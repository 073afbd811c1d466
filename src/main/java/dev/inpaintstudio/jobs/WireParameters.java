package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.InpaintParameters;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters as stored on disk: by wire name, as {@link EndpointProfile#wireParameters} sent them
 * (strings for integers, {@code "yes"}/{@code "no"} for flags, numbers, null for a random seed),
 * never with the key or the images. {@link #read} turns such a map back into the request.
 */
public final class WireParameters {
    private static final java.util.Set<String> NOT_FIELDS = java.util.Set.of("width", "height", "base64", "key",
            "init_image", "mask_image");

    private WireParameters() {
    }

    /** What {@code parameters} sends at this size, by wire name. */
    public static Map<String, Object> of(InpaintParameters parameters, int sentWidth, int sentHeight) {
        return parameters.endpoint().profile().wireParameters(parameters, sentWidth, sentHeight);
    }

    /**
     * The request those wire values came from. Values are converted by the field's type without
     * checking limits (sending validates); a value that cannot be read is left unset. Names the
     * endpoint does not take, the size and the key are ignored.
     */
    public static InpaintParameters read(Endpoint endpoint, Map<String, ?> wire) {
        Map<ApiField, Object> values = new LinkedHashMap<>();
        if (wire != null) {
            for (EndpointProfile.FieldSpec spec : endpoint.profile().specs()) {
                for (String name : spec.wireNames()) {
                    if (NOT_FIELDS.contains(name) || !wire.containsKey(name)) {
                        continue;
                    }
                    Object value = convert(spec.field(), wire.get(name));
                    if (value != null) {
                        values.put(spec.field(), value);
                    }
                    break;
                }
            }
        }
        return new InpaintParameters(endpoint, values);
    }

    static Object convert(ApiField field, Object raw) {
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw);
        try {
            switch (field.type()) {
                case TEXT:
                case CHOICE:
                    return text;
                case INTEGER:
                    return raw instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(text.strip());
                case DECIMAL:
                    return raw instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(text.strip());
                case SEED:
                    return raw instanceof Number n ? Long.valueOf(new BigDecimal(n.toString()).longValueExact())
                            : Long.valueOf(text.strip());
                case YES_NO:
                    if (raw instanceof Boolean b) {
                        return b;
                    }
                    String s = text.strip().toLowerCase(Locale.ROOT);
                    return s.equals("yes") || s.equals("true") ? Boolean.TRUE
                            : s.equals("no") || s.equals("false") ? Boolean.FALSE : null;
                default:
                    return null;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
