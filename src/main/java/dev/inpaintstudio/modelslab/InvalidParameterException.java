package dev.inpaintstudio.modelslab;

/**
 * A value an endpoint does not take, from {@link EndpointProfile#parse}. The message is a sentence
 * for the user that names the field and the limit, e.g. "Steps must be one of 21, 31, 41, 51 for v3."
 */
public class InvalidParameterException extends IllegalArgumentException {
    private final ApiField field;

    public InvalidParameterException(ApiField field, String message) {
        super(message);
        this.field = field;
    }

    public ApiField field() {
        return field;
    }
}
