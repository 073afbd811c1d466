package dev.inpaintstudio.jobs;

import dev.inpaintstudio.task.CancellationToken;

import java.util.concurrent.Future;

/** A job under way: cancel it, or wait for it. */
public final class JobHandle {
    private final CancellationToken token;
    private volatile Future<?> future;

    JobHandle(CancellationToken token) {
        this.token = token;
    }

    void attach(Future<?> future) {
        this.future = future;
    }

    public void cancel() {
        token.cancel();
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    public boolean isDone() {
        Future<?> f = future;
        return f != null && f.isDone();
    }
}
