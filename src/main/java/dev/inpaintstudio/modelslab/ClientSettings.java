package dev.inpaintstudio.modelslab;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, poll and retry timings of {@link ModelsLabClient}. Production code uses
 * {@link #defaults()}; tests pass millisecond values so that waiting costs nothing.
 *
 * @param connectTimeout     TCP/TLS connect timeout of every call
 * @param readTimeout        socket read (and write) timeout; the submit call uploads megabytes
 * @param minPollDelay       the first and shortest wait between polls (also the first retry delay)
 * @param maxPollDelay       the cap of the doubling poll backoff
 * @param deadline           how long a job may take from submit to success before giving up
 *                           (the job keeps running on the server)
 * @param downloadAttempts   tries per output link (links may answer 404 for a while after success)
 * @param downloadRetryDelay wait between two tries of one output link
 * @param rateLimitWait      wait after "Rate limit exceeded" without a {@code retry_after}, and the
 *                           cap of a server's {@code retry_after}
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration minPollDelay,
        Duration maxPollDelay,
        Duration deadline,
        int downloadAttempts,
        Duration downloadRetryDelay,
        Duration rateLimitWait) {

    public ClientSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(minPollDelay, "minPollDelay");
        requirePositive(maxPollDelay, "maxPollDelay");
        requirePositive(deadline, "deadline");
        requirePositive(downloadRetryDelay, "downloadRetryDelay");
        requirePositive(rateLimitWait, "rateLimitWait");
        if (maxPollDelay.compareTo(minPollDelay) < 0) {
            throw new IllegalArgumentException("maxPollDelay must not be shorter than minPollDelay");
        }
        if (downloadAttempts < 1) {
            throw new IllegalArgumentException("downloadAttempts must be at least 1");
        }
    }

    /** Without an explicit rate-limit wait: {@code maxPollDelay} is used for it. */
    public ClientSettings(Duration connectTimeout, Duration readTimeout, Duration minPollDelay,
                          Duration maxPollDelay, Duration deadline, int downloadAttempts,
                          Duration downloadRetryDelay) {
        this(connectTimeout, readTimeout, minPollDelay, maxPollDelay, deadline, downloadAttempts,
                downloadRetryDelay, maxPollDelay);
    }

    /**
     * 10 s connect, 180 s read, polls from 2 s doubling to 12 s, a 10 minute deadline, 8 download
     * tries 4 s apart, and 30 s after a rate limit (the server's duplicate-request window).
     */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(180), Duration.ofSeconds(2),
                Duration.ofSeconds(12), Duration.ofMinutes(10), 8, Duration.ofSeconds(4), Duration.ofSeconds(30));
    }

    public ClientSettings withRateLimitWait(Duration wait) {
        return new ClientSettings(connectTimeout, readTimeout, minPollDelay, maxPollDelay, deadline,
                downloadAttempts, downloadRetryDelay, wait);
    }

    public ClientSettings withDeadline(Duration newDeadline) {
        return new ClientSettings(connectTimeout, readTimeout, minPollDelay, maxPollDelay, newDeadline,
                downloadAttempts, downloadRetryDelay, rateLimitWait);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
