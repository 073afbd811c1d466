package dev.inpaintstudio.app;

import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.jobs.Backend;
import dev.inpaintstudio.jobs.BackendChooser;
import dev.inpaintstudio.jobs.JobQueue;
import dev.inpaintstudio.jobs.JobRunner;
import dev.inpaintstudio.jobs.JobStore;
import dev.inpaintstudio.settings.AppPaths;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The job pipeline behind the window, without any of the window: the runner (ModelsLab and the
 * offline engine, picked per job), the queue with its
 * jobs in flight on disk ({@code <data>/jobs}) and the results (the output folder setting, by
 * default {@code <data>/results}). {@link #start()} collects what a previous run left unfinished.
 */
final class JobServices implements AutoCloseable {
    private final ResultStore results;
    private final JobRunner runner;
    private final JobQueue<List<StoredResult>> queue;

    /**
     * @param modelsLab the ModelsLab backend for the next job (a supplier, so changed settings apply)
     * @param local     the offline engine's backend
     */
    JobServices(AppPaths paths, Path resultsDir, Supplier<? extends Backend> modelsLab, Backend local, int concurrency) {
        results = new ResultStore(resultsDir);
        // The queue limits how many run; the runner only needs a thread for each of those.
        runner = new JobRunner(Executors.newCachedThreadPool(daemonThreads("inpaint-job")),
                BackendChooser.of(modelsLab, () -> local));
        queue = new JobQueue<>(runner, new JobStore(paths.dataDir().resolve("jobs")), results, concurrency);
    }

    ResultStore results() {
        return results;
    }

    JobQueue<List<StoredResult>> queue() {
        return queue;
    }

    /** Resumes the jobs a previous run left on disk. Blocking (reads their pictures): call off the UI thread. */
    void start() {
        queue.restore();
    }

    /** Stops; jobs under way keep their files and are collected at the next start. */
    @Override
    public void close() {
        queue.close();
        runner.close();
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
