package dev.inpaintstudio.modelslab;

import java.util.Objects;

/**
 * What {@link ModelsLabClient#checkKey} found out about an API key.
 *
 * @param outcome whether the server took the key
 * @param message a sentence for the user; never contains the key
 */
public record KeyCheck(Outcome outcome, String message) {

    public enum Outcome {
        /** The server knew the key (it answered about the request, not about the key). */
        ACCEPTED,
        /** The server said the key is invalid, or no key was given. */
        REJECTED,
        /** No verdict: the server could not be reached, was busy, or did not answer like ModelsLab. */
        UNKNOWN
    }

    public KeyCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
