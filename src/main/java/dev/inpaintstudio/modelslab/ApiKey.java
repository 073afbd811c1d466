package dev.inpaintstudio.modelslab;

import java.util.Objects;

/** The ModelsLab API key. Its {@code toString} never shows the value, so it cannot leak into logs. */
public final class ApiKey {
    private final String value;

    public ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value").strip();
    }

    public String value() {
        return value;
    }

    public boolean isBlank() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }
}
