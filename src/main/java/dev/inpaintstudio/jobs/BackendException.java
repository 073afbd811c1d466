package dev.inpaintstudio.jobs;

/** A generation that failed, with a message meant for the user. */
public class BackendException extends Exception {
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
