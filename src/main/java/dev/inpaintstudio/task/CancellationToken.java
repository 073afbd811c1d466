package dev.inpaintstudio.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation shared by every long operation (encoding, HTTP, the offline engine).
 * Blocking work registers a hook (e.g. cancelling an HTTP call) so a cancel takes effect at once,
 * not at the next check.
 */
public final class CancellationToken {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel, or right away when already cancelled. Returns a remover. */
    public Runnable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("Cancelled");
        }
    }
}
