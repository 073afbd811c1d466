package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.modelslab.ModelsLabException;
import dev.inpaintstudio.task.Progress;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Several jobs at once, at most {@code concurrency} running (the provider queues only 5 to 15 per
 * account), the rest waiting their turn. Every job is written to disk ({@link JobStore}) the moment
 * it is submitted and updated as soon as the server takes it, so that after a crash {@link #restore}
 * collects what the server has instead of paying for it twice. Results go to a {@link ResultSink}
 * before the job's files are removed.
 *
 * <p>Thread-safe. Disk work runs on the queue's own thread or the job's worker thread, never on the
 * caller's; listeners are told on those threads and adapt to the UI thread themselves.
 *
 * @param <R> what the sink stores, handed to {@link Listener#stored}
 */
public final class JobQueue<R> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    public static final int DEFAULT_CONCURRENCY = 2;
    private static final java.util.concurrent.atomic.AtomicLong REVISIONS = new java.util.concurrent.atomic.AtomicLong();

    /** Hears about every job. Called on worker threads. */
    public interface Listener<R> {
        void changed(JobStatus job);

        /** The job's results were stored (just before it changes to DONE). */
        default void stored(JobStatus job, R results) {
        }

        default void removed(String jobId) {
        }
    }

    private final JobRunner runner;
    private final JobStore store;
    private final ResultSink<R> sink;
    private final ExecutorService io;
    private final List<Listener<R>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private int concurrency;
    private int running;
    private volatile boolean closing;

    public JobQueue(JobRunner runner, JobStore store, ResultSink<R> sink, int concurrency) {
        this.runner = runner;
        this.store = store;
        this.sink = sink;
        this.concurrency = Math.max(1, concurrency);
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "inpaint-job-queue");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(Listener<R> listener) {
        listeners.add(listener);
    }

    public JobStore store() {
        return store;
    }

    public synchronized int concurrency() {
        return concurrency;
    }

    /** How many jobs may run at once; takes effect as slots free up. */
    public void setConcurrency(int n) {
        synchronized (this) {
            concurrency = Math.max(1, n);
        }
        schedule();
    }

    /**
     * Queues a job and returns at once; its files are written on the queue's thread before it is sent.
     *
     * @param parentResultId the result the picture came from, or null
     * @param observer       also told about this job (progress, outcome), or null
     */
    public JobStatus submit(JobRequest request, String parentResultId, JobListener observer) {
        String id = ID_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Job job = new Job(id, request, parentResultId, observer, JobStore.newRecord(id, request, parentResultId));
        job.serverId = blankToNull(request.resumeServerId());
        job.fetchUrl = blankToNull(request.resumeFetchUrl());
        JobStatus status;
        synchronized (this) {
            jobs.put(id, job);
            status = job.status();
        }
        fireChanged(status);
        io.execute(() -> {
            try {
                // The size of the crop this job's backend will be sent, not of the whole picture.
                GenerationSize planned = runner.plan(request).size();
                synchronized (this) {
                    job.record = JobStore.newRecord(id, request, parentResultId, planned);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not plan the crop of job " + id + " ahead", e);
            }
            try {
                store.create(persisted(job), job.request);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Job " + id + " could not be written to disk; it runs, but is lost if the app stops", e);
            }
            synchronized (this) {
                job.ready = true;
            }
            schedule();
        });
        return status;
    }

    /** Cancels a waiting or running job; its files are removed. A job already on the server runs on there. */
    public void cancel(String id) {
        JobHandle handle = null;
        JobStatus status = null;
        synchronized (this) {
            Job job = jobs.get(id);
            if (job == null || !job.state.isActive()) {
                return;
            }
            job.cancelRequested = true;
            if (job.state == JobState.WAITING) {
                job.state = JobState.CANCELLED;
                job.finishedAt = Instant.now();
                status = job.status();
            } else {
                handle = job.handle;
                job.detail = "Cancelling…";
                status = job.status();
            }
        }
        if (handle != null) {
            handle.cancel();
        }
        fireChanged(status);
        if (status.state() == JobState.CANCELLED) {
            deleteLater(id);
        }
    }

    /**
     * Runs a failed, interrupted or cancelled job again: collects it from the server when it may still
     * finish there ({@link JobStatus#retryCollects()}), else sends it anew.
     */
    public void retry(String id) {
        again(id, false);
    }

    /**
     * Asks the server again for a job it already has ({@link JobStatus#canCheckAgain()}: one cancelled
     * after the server took it), collecting it instead of paying for it again. Does nothing for others.
     */
    public void checkAgain(String id) {
        again(id, true);
    }

    private void again(String id, boolean checkAgain) {
        Job job;
        JobStatus status;
        synchronized (this) {
            job = jobs.get(id);
            if (job == null || !job.status().canRetry() || (checkAgain && !job.status().canCheckAgain())) {
                return;
            }
            boolean collect = job.onServer() && (checkAgain || job.collectable);
            if (!collect) {
                job.serverId = null;
                job.fetchUrl = null;
            }
            job.state = JobState.WAITING;
            job.stage = null;
            job.fraction = -1;
            job.detail = collect ? "Will ask the server for " + job.serverLabel() : "";
            job.message = "";
            job.collectable = false;
            job.cancelRequested = false;
            job.startedAt = null;
            job.finishedAt = null;
            job.ready = false;
            status = job.status();
        }
        fireChanged(status);
        io.execute(() -> {
            try {
                if (store.exists(id)) {
                    store.update(persisted(job));
                } else {
                    store.create(persisted(job), job.request);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Job " + id + " could not be written to disk", e);
            }
            synchronized (this) {
                job.ready = true;
            }
            schedule();
        });
    }

    /** Forgets a job that is not running, and its files. */
    public void remove(String id) {
        synchronized (this) {
            Job job = jobs.get(id);
            if (job == null || job.state.isActive()) {
                return;
            }
            jobs.remove(id);
        }
        deleteLater(id);
        for (Listener<R> l : listeners) {
            l.removed(id);
        }
    }

    /** Forgets every job that is done or cancelled. */
    public void clearFinished() {
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            for (Job job : jobs.values()) {
                if (job.state == JobState.DONE || job.state == JobState.CANCELLED) {
                    ids.add(job.id);
                }
            }
        }
        ids.forEach(this::remove);
    }

    public synchronized List<JobStatus> jobs() {
        return jobs.values().stream().map(Job::status).toList();
    }

    public synchronized long activeCount() {
        return jobs.values().stream().filter(j -> j.state.isActive()).count();
    }

    /**
     * Picks up what a previous run left on disk: jobs the server has are collected (never sent again),
     * jobs never sent are queued, jobs that were being sent are offered for retry (they may or may not
     * have reached the server), offline jobs that were running are queued again, failed ones stay failed. Blocking (reads the pictures): call once at
     * start, off the UI thread.
     */
    public void restore() {
        List<JobStatus> restored = new ArrayList<>();
        for (JobStore.Loaded loaded : store.loadAll()) {
            PersistedJob r = loaded.record();
            Job job = new Job(r.id(), loaded.request(), r.parentResultId(), null, r);
            job.createdAt = parseInstant(r.createdAt(), Instant.now());
            job.serverId = blankToNull(r.serverId());
            job.fetchUrl = blankToNull(r.fetchUrl());
            job.ready = true;
            // A job picked up again keeps its clock: it has been under way since it was first sent.
            Instant startedAt = parseInstant(r.startedAt(), null);
            if (r.isLocal() && !PersistedJob.FAILED.equals(r.state())) {
                // Nothing was sent anywhere: an offline job cut short by a stop is simply run again.
                job.state = JobState.WAITING;
                job.serverId = null;
                job.fetchUrl = null;
            } else switch (r.state()) {
                case PersistedJob.WAITING -> job.state = JobState.WAITING;
                case PersistedJob.ACCEPTED -> {
                    job.state = job.onServer() ? JobState.WAITING : JobState.INTERRUPTED;
                    job.detail = "Collecting " + job.serverLabel() + " from the server";
                    job.startedAt = job.onServer() ? startedAt : null;
                }
                case PersistedJob.FAILED -> {
                    job.state = JobState.FAILED;
                    job.message = r.message() == null ? "Failed." : r.message();
                    job.collectable = r.collectable() && job.onServer();
                }
                default -> job.state = JobState.INTERRUPTED;
            }
            if (job.state == JobState.INTERRUPTED) {
                job.message = "Inpaint Studio stopped while sending this job, so it may or may not have reached "
                        + "the server. Retry sends it again, which is charged again if the first one arrived.";
            }
            synchronized (this) {
                if (jobs.containsKey(job.id)) {
                    continue;
                }
                jobs.put(job.id, job);
                restored.add(job.status());
            }
        }
        restored.forEach(this::fireChanged);
        schedule();
    }

    /** Stops taking work. Jobs under way keep their files, so the next start collects them. */
    @Override
    public void close() {
        closing = true;
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- running -----------------------------------------------------------------------------

    private void schedule() {
        if (closing) {
            return;
        }
        List<Job> start = new ArrayList<>();
        List<JobStatus> changed = new ArrayList<>();
        synchronized (this) {
            for (Job job : jobs.values()) {
                if (running >= concurrency) {
                    break;
                }
                if (job.state == JobState.WAITING && job.ready) {
                    job.state = JobState.RUNNING;
                    job.stage = Progress.Stage.PREPARING;
                    job.fraction = -1;
                    if (job.startedAt == null) {
                        job.startedAt = Instant.now();
                    }
                    job.attempt++;
                    job.slotReleased = false;
                    running++;
                    start.add(job);
                    changed.add(job.status());
                }
            }
        }
        changed.forEach(this::fireChanged);
        for (Job job : start) {
            int attempt = job.attempt;
            try {
                io.execute(() -> launch(job, attempt));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    /** On the queue thread: notes on disk that the job is being sent (or collected), then runs it. */
    private void launch(Job job, int attempt) {
        JobRequest request;
        synchronized (this) {
            if (job.attempt != attempt) {
                return;
            }
            if (job.cancelRequested) {
                finishCancelled(job, attempt);
                return;
            }
            JobRequest r = job.request;
            request = r.resuming(job.serverId, job.fetchUrl);
        }
        try {
            store.update(persisted(job));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not note job " + job.id + " as sent", e);
        }
        JobHandle handle = runner.submit(request, new Callbacks(job, attempt));
        boolean cancelNow;
        synchronized (this) {
            job.handle = handle;
            cancelNow = job.cancelRequested;
        }
        if (cancelNow) {
            handle.cancel();
        }
    }

    private final class Callbacks implements JobListener {
        private final Job job;
        private final int attempt;

        Callbacks(Job job, int attempt) {
            this.job = job;
            this.attempt = attempt;
        }

        private boolean current() {
            synchronized (JobQueue.this) {
                return job.attempt == attempt && job.state == JobState.RUNNING && !closing;
            }
        }

        @Override
        public void report(Stage stage, double fraction, String detail) {
            JobStatus status;
            synchronized (JobQueue.this) {
                if (!current()) {
                    return;
                }
                job.stage = stage;
                job.fraction = fraction;
                if (!job.cancelRequested) {
                    job.detail = detail == null ? "" : detail;
                }
                status = job.status();
            }
            fireChanged(status);
            observer().report(stage, fraction, detail);
        }

        @Override
        public void accepted(String serverId, String fetchUrl) {
            JobStatus status;
            synchronized (JobQueue.this) {
                if (!current()) {
                    return;
                }
                job.serverId = blankToNull(serverId);
                job.fetchUrl = blankToNull(fetchUrl);
                status = job.status();
            }
            // Before the first poll: from here on a crash costs nothing, the next start collects it.
            try {
                store.update(persisted(job));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not note server job " + serverId + " for job " + job.id, e);
            }
            fireChanged(status);
            observer().accepted(serverId, fetchUrl);
        }

        @Override
        public void succeeded(JobOutcome outcome) {
            if (!current()) {
                return;
            }
            R stored;
            try {
                stored = sink.store(outcome, new JobOrigin(job.id, job.parentResultId));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store the results of job " + job.id, e);
                fail("The results could not be saved: " + e.getMessage(), e, job.onServer());
                return;
            }
            try {
                store.delete(job.id);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not remove the finished job " + job.id, e);
            }
            JobStatus status;
            synchronized (JobQueue.this) {
                job.state = JobState.DONE;
                job.stage = Progress.Stage.DONE;
                job.fraction = 1;
                job.finishedAt = Instant.now();
                job.detail = outcome.results().size() == 1 ? "1 result" : outcome.results().size() + " results";
                job.request = null; // a done job is not run again: let its picture and mask go
                releaseSlot(job);
                status = job.status();
            }
            for (Listener<R> l : listeners) {
                l.stored(status, stored);
            }
            fireChanged(status);
            observer().succeeded(outcome);
            schedule();
        }

        @Override
        public void failed(String message, Throwable cause) {
            if (!current()) {
                return;
            }
            boolean collectable = job.onServer() && isDeadline(cause);
            fail(message, cause, collectable);
        }

        private void fail(String message, Throwable cause, boolean collectable) {
            JobStatus status;
            synchronized (JobQueue.this) {
                job.state = JobState.FAILED;
                job.message = message == null ? "Failed." : message;
                job.collectable = collectable;
                job.finishedAt = Instant.now();
                releaseSlot(job);
                status = job.status();
            }
            try {
                store.update(persisted(job));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not note job " + job.id + " as failed", e);
            }
            fireChanged(status);
            observer().failed(message, cause);
            schedule();
        }

        @Override
        public void cancelled() {
            if (!current()) {
                return;
            }
            finishCancelled(job, attempt);
            observer().cancelled();
        }

        private JobListener observer() {
            return job.observer == null ? NO_OBSERVER : job.observer;
        }
    }

    private void finishCancelled(Job job, int attempt) {
        JobStatus status;
        synchronized (this) {
            if (job.attempt != attempt) {
                return;
            }
            job.state = JobState.CANCELLED;
            job.detail = "";
            job.finishedAt = Instant.now();
            releaseSlot(job);
            status = job.status();
        }
        try {
            store.delete(job.id);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the cancelled job " + job.id, e);
        }
        fireChanged(status);
        schedule();
    }

    private void releaseSlot(Job job) {
        if (job.attempt > 0 && !job.slotReleased) {
            job.slotReleased = true;
            running--;
        }
    }

    private static boolean isDeadline(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ModelsLabException e) {
                return e.kind() == ModelsLabException.Kind.DEADLINE;
            }
        }
        return false;
    }

    private void deleteLater(String id) {
        try {
            io.execute(() -> {
                try {
                    store.delete(id);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not remove job " + id, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The next start shows it again.
        }
    }

    private void fireChanged(JobStatus status) {
        for (Listener<R> l : listeners) {
            l.changed(status);
        }
    }

    /** The job's record as it should stand on disk now. */
    private synchronized PersistedJob persisted(Job job) {
        String state;
        if (job.state == JobState.FAILED) {
            state = PersistedJob.FAILED;
        } else if (job.onServer()) {
            // An id or a fetch link: either is enough to collect the job instead of paying for it again.
            state = PersistedJob.ACCEPTED;
        } else if (job.state == JobState.RUNNING || job.state == JobState.INTERRUPTED) {
            state = PersistedJob.SENDING;
        } else {
            state = PersistedJob.WAITING;
        }
        job.record = job.record.with(state, job.serverId, job.fetchUrl, job.state == JobState.FAILED ? job.message : null,
                job.collectable, job.startedAt == null ? job.record.startedAt() : job.startedAt.toString());
        return job.record;
    }

    private static final JobListener NO_OBSERVER = new JobListener() {
        public void report(Stage stage, double fraction, String detail) {
        }

        public void succeeded(JobOutcome outcome) {
        }

        public void failed(String message, Throwable cause) {
        }

        public void cancelled() {
        }
    };

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant parseInstant(String text, Instant fallback) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    /** One job's mutable state; guarded by the queue's lock. */
    private final class Job {
        final String id;
        final String sourceName;
        final String prompt;
        /** The picture, mask and parameters; null once done. */
        JobRequest request;
        final String parentResultId;
        final JobListener observer;
        PersistedJob record;
        Instant createdAt = Instant.now();
        Instant startedAt;
        Instant finishedAt;
        JobState state = JobState.WAITING;
        Progress.Stage stage;
        double fraction = -1;
        String detail = "";
        String message = "";
        String serverId;
        String fetchUrl;
        boolean collectable;
        boolean ready;
        boolean cancelRequested;
        boolean slotReleased;
        int attempt;
        JobHandle handle;

        Job(String id, JobRequest request, String parentResultId, JobListener observer, PersistedJob record) {
            this.id = id;
            this.request = request;
            this.sourceName = request.sourceName();
            this.prompt = request.recipe().description();
            this.parentResultId = parentResultId;
            this.observer = observer;
            this.record = record;
        }

        /** Whether the server has this job: it gave an id or a link to ask for it. */
        boolean onServer() {
            return serverId != null || fetchUrl != null;
        }

        String serverLabel() {
            return serverId != null ? "job " + serverId : "the job";
        }

        JobStatus status() {
            return new JobStatus(id, sourceName, prompt, parentResultId, state,
                    state == JobState.RUNNING ? stage : null, fraction, detail, serverId, message, createdAt, startedAt,
                    finishedAt, state == JobState.FAILED && collectable && onServer(), REVISIONS.incrementAndGet(),
                    onServer());
        }
    }
}
