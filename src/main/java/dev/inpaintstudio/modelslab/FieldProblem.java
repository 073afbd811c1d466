package dev.inpaintstudio.modelslab;

/**
 * One reason a request cannot be sent, from {@link EndpointProfile#validate}.
 *
 * @param field    the parameter at fault; null for the image size, which is not an {@link ApiField}
 * @param wireName the name on the wire: the field's first wire name at this endpoint (or its
 *                 lower-case name when the endpoint lacks it), {@code width} or {@code height} for
 *                 the size
 * @param message  a sentence for the user naming the field and the limit, e.g.
 *                 "Guidance scale must be between 1 and 20."
 */
public record FieldProblem(ApiField field, String wireName, String message) {

    static FieldProblem size(String wireName, String message) {
        return new FieldProblem(null, wireName, message);
    }

    /** Whether this is about the image size (width or height) rather than a parameter. */
    public boolean isSize() {
        return field == null;
    }
}
