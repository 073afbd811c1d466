package dev.inpaintstudio.cli;

import dev.inpaintstudio.modelslab.ModelsLabException;

/** The headless command's exit codes: one per kind of outcome a script may want to tell apart. */
public enum ExitCode {
    OK(0, "outputs written"),
    USAGE(2, "bad options, or unreadable input files"),
    INVALID_KEY(3, "the API key is missing or was refused"),
    REFUSED(4, "the request was refused: out-of-limit values, no credits, plan, rate limit"),
    SERVER_FAILURE(5, "the server or the network failed, or sent no usable image"),
    DEADLINE(6, "still running on the server when the deadline passed"),
    OUTPUT_FAILED(7, "the outputs could not be written"),
    FILL_FAILED(8, "the offline fill failed"),
    CANCELLED(130, "interrupted");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    static ExitCode of(ModelsLabException.Kind kind) {
        return switch (kind) {
            case INVALID_KEY -> INVALID_KEY;
            case NO_CREDITS, PLAN, VALIDATION, RATE_LIMITED -> REFUSED;
            case DEADLINE -> DEADLINE;
            case FAILED, SERVER_ERROR, BAD_RESPONSE, NETWORK, BAD_OUTPUT -> SERVER_FAILURE;
        };
    }
}
