package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.task.CancellationToken;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits that end at once when the token is cancelled (or the thread interrupted). */
final class Sleeper {
    private Sleeper() {
    }

    static void sleep(Duration duration, CancellationToken cancel) {
        cancel.throwIfCancelled();
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        CountDownLatch woken = new CountDownLatch(1);
        Runnable removeHook = cancel.onCancel(woken::countDown);
        try {
            woken.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted");
        } finally {
            removeHook.run();
        }
        cancel.throwIfCancelled();
    }
}
