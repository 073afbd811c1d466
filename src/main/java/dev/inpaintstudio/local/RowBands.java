package dev.inpaintstudio.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Splits a level into fixed bands of rows and runs work on them across the worker threads. The
 * bands do not depend on the number of threads, so work that depends only on its band (and seeds
 * its randomness from the band's index) gives the same result however it is scheduled.
 */
final class RowBands {
    static final int ROWS_PER_BAND = 16;

    private final ExecutorService pool;
    private final int threads;

    /** @param pool null to run everything on the calling thread */
    RowBands(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = pool == null ? 1 : Math.max(1, threads);
    }

    static int count(int height) {
        return (height + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
    }

    static int firstRow(int band) {
        return band * ROWS_PER_BAND;
    }

    static int endRow(int band, int height) {
        return Math.min(height, (band + 1) * ROWS_PER_BAND);
    }

    /** Every band, in any order and at once; {@code height} may count any items cut into fixed chunks. */
    void forEach(int height, IntConsumer band) {
        run(count(height), 0, 1, band);
    }

    /**
     * Even bands, then odd ones: a band then reads its neighbours' rows only while they stand still,
     * which keeps propagation across band edges deterministic.
     */
    void forEachAlternating(int height, IntConsumer band) {
        int n = count(height);
        run(n, 0, 2, band);
        run(n, 1, 2, band);
    }

    private void run(int bandCount, int first, int step, IntConsumer band) {
        int jobs = (bandCount - first + step - 1) / step;
        if (jobs <= 0) {
            return;
        }
        if (threads == 1 || jobs == 1) {
            for (int b = first; b < bandCount; b += step) {
                band.accept(b);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, jobs); t++) {
            futures.add(pool.submit(() -> {
                for (int j = next.getAndIncrement(); j < jobs; j = next.getAndIncrement()) {
                    band.accept(first + j * step);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
