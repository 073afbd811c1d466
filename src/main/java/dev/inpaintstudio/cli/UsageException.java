package dev.inpaintstudio.cli;

/** A mistake in the command line or its input files; the message says what to change. */
final class UsageException extends Exception {
    private final ExitCode exitCode;

    UsageException(String message) {
        this(message, ExitCode.USAGE);
    }

    /** {@code exitCode} tells a value the endpoint refuses ({@link ExitCode#REFUSED}) from a malformed command. */
    UsageException(String message, ExitCode exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
