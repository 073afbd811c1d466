package dev.inpaintstudio.modelslab;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Poll and retry delays: starts at the minimum, doubles up to the maximum, never shorter than the
 * server's {@code eta} (but capped at the maximum, so a long estimate does not stop us from seeing
 * an early finish), with ±15 % jitter and never below the minimum.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private final DoubleSupplier random;
    private long currentNanos;

    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
        this.currentNanos = minNanos;
    }

    /** The next delay; {@code etaSeconds} may be null. */
    Duration next(Double etaSeconds) {
        long base = currentNanos;
        if (etaSeconds != null && etaSeconds > 0) {
            base = Math.max(base, (long) Math.min(etaSeconds * 1e9, Long.MAX_VALUE / 4.0));
        }
        base = Math.min(base, maxNanos);
        currentNanos = Math.min(maxNanos, currentNanos * 2);
        double factor = 0.85 + 0.3 * random.getAsDouble();
        return Duration.ofNanos(Math.max(minNanos, (long) (base * factor)));
    }
}
