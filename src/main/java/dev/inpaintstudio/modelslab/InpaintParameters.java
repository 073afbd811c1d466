package dev.inpaintstudio.modelslab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the artist asks for, without the images or the size sent (these follow the document): the
 * endpoint and the values set, by field. A field that is absent is unset: it is not sent (except
 * {@code negative_prompt}, sent as {@code ""}, and {@code seed}, sent as {@code null} for random).
 *
 * <p>{@code values} is an unmodifiable, insertion-ordered copy without nulls. Each value has its
 * field's Java type ({@link ApiField.ValueType#javaType()}): String, Integer, Double, Boolean or
 * Long; other numbers are converted when that loses nothing (an Integer seed becomes a Long, an
 * Integer guidance scale a Double), anything else is refused with an IllegalArgumentException.
 * Limits are not checked here but by {@link EndpointProfile#validate}, so a form can hold a value
 * that is out of range while the artist is still typing.
 */
public record InpaintParameters(Endpoint endpoint, Map<ApiField, Object> values) {

    public InpaintParameters {
        Objects.requireNonNull(endpoint, "endpoint");
        Map<ApiField, Object> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((field, value) -> {
                Objects.requireNonNull(field, "field");
                if (value != null) {
                    copy.put(field, normalise(field, value));
                }
            });
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Nothing set: every field is left to the server (but see the class comment). */
    public static InpaintParameters empty(Endpoint endpoint) {
        return new InpaintParameters(endpoint, Map.of());
    }

    /**
     * The endpoint profile's defaults: empty prompt and negative prompt, samples 1, steps 21 (v6)
     * or 31 (the others), guidance scale 7.5, strength 0.7, enhance_prompt and safety_checker "no".
     */
    public static InpaintParameters defaults(Endpoint endpoint) {
        return new InpaintParameters(endpoint, endpoint.profile().defaults());
    }

    /** The value set for a field, or null when it is unset. */
    public Object get(ApiField field) {
        return values.get(field);
    }

    public boolean has(ApiField field) {
        return values.containsKey(field);
    }

    /** A copy with the field set; a null value unsets it. Keeps the field's place when it was set. */
    public InpaintParameters with(ApiField field, Object value) {
        Map<ApiField, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return new InpaintParameters(endpoint, copy);
    }

    /** A copy with every given value set (nulls unset). */
    public InpaintParameters withAll(Map<ApiField, ?> more) {
        Map<ApiField, Object> copy = new LinkedHashMap<>(values);
        more.forEach((field, value) -> {
            if (value == null) {
                copy.remove(field);
            } else {
                copy.put(field, value);
            }
        });
        return new InpaintParameters(endpoint, copy);
    }

    /**
     * These settings for another endpoint: its defaults, overlaid with every value set here that
     * the other endpoint takes. Values are kept as they are, so one the other endpoint does not
     * allow (v6 steps 30 on v3) is reported by its validation rather than silently changed.
     */
    public InpaintParameters forEndpoint(Endpoint other) {
        EndpointProfile profile = other.profile();
        Map<ApiField, Object> copy = new LinkedHashMap<>(profile.defaults());
        values.forEach((field, value) -> {
            if (profile.has(field)) {
                copy.put(field, value);
            }
        });
        return new InpaintParameters(other, copy);
    }

    // ---- convenience getters -------------------------------------------------------------------

    /** The model id, {@code ""} when unset. */
    public String modelId() {
        return text(ApiField.MODEL_ID).strip();
    }

    /** The prompt, {@code ""} when unset. */
    public String prompt() {
        return text(ApiField.PROMPT);
    }

    /** The negative prompt, {@code ""} when unset (which is also what is sent). */
    public String negativePrompt() {
        return text(ApiField.NEGATIVE_PROMPT);
    }

    /** Images asked for: 1 when unset (the server's default too). */
    public int samples() {
        Object v = values.get(ApiField.SAMPLES);
        return v instanceof Integer i ? i : 1;
    }

    /** The steps, or null when unset (the server then uses its own default). */
    public Integer steps() {
        return (Integer) values.get(ApiField.STEPS);
    }

    /** The guidance scale, or null when unset. */
    public Double guidanceScale() {
        return (Double) values.get(ApiField.GUIDANCE_SCALE);
    }

    /** The strength, or null when unset. */
    public Double strength() {
        return (Double) values.get(ApiField.STRENGTH);
    }

    /** The seed, or null for a random one. */
    public Long seed() {
        return (Long) values.get(ApiField.SEED);
    }

    public InpaintRequest toRequest(byte[] initImage, byte[] maskImage, int width, int height) {
        return new InpaintRequest(endpoint, this, initImage, maskImage, width, height);
    }

    private String text(ApiField field) {
        Object v = values.get(field);
        return v == null ? "" : (String) v;
    }

    private static Object normalise(ApiField field, Object value) {
        Class<?> type = field.type().javaType();
        if (type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            if (type == Double.class && (n instanceof Integer || n instanceof Long || n instanceof Float
                    || n instanceof Short || n instanceof Byte)) {
                return n.doubleValue();
            }
            if (type == Long.class && (n instanceof Integer || n instanceof Short || n instanceof Byte)) {
                return n.longValue();
            }
            if (type == Integer.class && (n instanceof Long || n instanceof Short || n instanceof Byte)
                    && n.longValue() == n.intValue()) {
                return n.intValue();
            }
            if ((type == Integer.class || type == Long.class) && n instanceof Double d
                    && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return type == Integer.class && d == d.intValue() ? (Object) d.intValue() : (Object) d.longValue();
            }
        }
        throw new IllegalArgumentException(field.label() + " takes a " + type.getSimpleName() + ", not "
                + value.getClass().getSimpleName() + " " + value);
    }
}
