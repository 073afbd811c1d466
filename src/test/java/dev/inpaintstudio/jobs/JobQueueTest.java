package dev.inpaintstudio.jobs;

import dev.inpaintstudio.modelslab.ModelsLabException;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.inpaintstudio.jobs.JobRunnerTest.params;
import static dev.inpaintstudio.jobs.JobRunnerTest.solid;
import static org.junit.jupiter.api.Assertions.*;

class JobQueueTest {
    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<JobQueue<String>> queues = new ArrayList<>();
    private final Map<String, JobStatus> latest = new ConcurrentHashMap<>();
    private final List<String> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        queues.forEach(JobQueue::close);
        workers.shutdownNow();
    }

    /** A backend whose jobs wait until released; each takes a server id and tells how many run at once. */
    static final class GatedBackend implements Backend {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final List<String> resumedIds = new CopyOnWriteArrayList<>();
        volatile CountDownLatch release = new CountDownLatch(1);
        volatile BackendException failWith;

        public String name() {
            return "gated";
        }

        public BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException {
            int n = calls.incrementAndGet();
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                String id = input.resumeServerId();
                if (id == null) {
                    id = "srv-" + n;
                    progress.accepted(id, "http://fake/fetch/" + id);
                } else {
                    resumedIds.add(id);
                }
                progress.report(Progress.Stage.QUEUED, 0.5, "about 3 s left");
                while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    cancel.throwIfCancelled();
                }
                if (failWith != null) {
                    throw failWith;
                }
                return new BackendResult(List.of(solid(input.image().getWidth(), input.image().getHeight(), 0xff00ff00)),
                        id, false, "{}");
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CancellationException();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private JobQueue<String> queue(Backend backend, int concurrency) {
        JobQueue<String> q = new JobQueue<>(new JobRunner(workers, recipe -> backend), new JobStore(dir),
                (outcome, origin) -> {
                    String s = origin.jobId() + ":" + outcome.serverId() + ":" + origin.parentResultId();
                    stored.add(s);
                    return s;
                }, concurrency);
        q.addListener(new JobQueue.Listener<>() {
            public void changed(JobStatus job) {
                latest.merge(job.id(), job, (old, now) -> now.revision() > old.revision() ? now : old);
            }
        });
        queues.add(q);
        return q;
    }

    private static JobRequest request() {
        byte[] coverage = new byte[32 * 32];
        coverage[5] = (byte) 255;
        return new JobRequest(solid(32, 32, 0xff000000), coverage, params(), "pic.png");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("Timed out waiting: " + what);
            }
            Thread.sleep(10);
        }
    }

    private JobState state(String id) {
        JobStatus s = latest.get(id);
        return s == null ? null : s.state();
    }

    @Test
    void runsAtMostTheConcurrencyAtOnceAndStoresEveryResult() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(q.submit(request(), i == 0 ? "older/result-1.png" : null, null).id());
        }
        waitFor(() -> backend.running.get() == 2, "two running");
        Thread.sleep(100);
        assertEquals(2, backend.running.get(), "the third waits for a free slot");
        assertEquals(3, ids.stream().filter(id -> state(id) == JobState.WAITING).count());
        assertEquals(Progress.Stage.QUEUED, latest.get(ids.get(0)).stage());
        assertEquals("about 3 s left", latest.get(ids.get(0)).detail());

        backend.release.countDown();
        waitFor(() -> ids.stream().allMatch(id -> state(id) == JobState.DONE), "all done");
        assertEquals(2, backend.mostAtOnce.get());
        assertEquals(5, stored.size());
        assertTrue(stored.contains(ids.get(0) + ":srv-1:older/result-1.png") || stored.stream()
                .anyMatch(s -> s.startsWith(ids.get(0) + ":") && s.endsWith(":older/result-1.png")), stored.toString());
        waitFor(() -> new JobStore(dir).loadAll().isEmpty(), "finished jobs leave no files");
    }

    @Test
    void theServerIdIsOnDiskWhileTheJobRuns() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 2);
        String id = q.submit(request(), null, null).id();
        waitFor(() -> "srv-1".equals(latest.get(id).serverId()), "accepted");
        PersistedJob onDisk = new JobStore(dir).read(id);
        assertEquals(PersistedJob.ACCEPTED, onDisk.state());
        assertEquals("srv-1", onDisk.serverId());
        assertEquals("http://fake/fetch/srv-1", onDisk.fetchUrl());
        assertNotNull(onDisk.startedAt());
        backend.release.countDown();
        waitFor(() -> state(id) == JobState.DONE, "done");
    }

    @Test
    void cancellingARunningOrWaitingJobStopsItAndRemovesItsFiles() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 1);
        String first = q.submit(request(), null, null).id();
        String second = q.submit(request(), null, null).id();
        waitFor(() -> backend.running.get() == 1 && state(second) == JobState.WAITING, "one running, one waiting");
        waitFor(() -> new JobStore(dir).exists(second), "the waiting one is on disk too");

        q.cancel(second);
        assertEquals(JobState.CANCELLED, state(second));
        q.cancel(first);
        waitFor(() -> state(first) == JobState.CANCELLED, "running job cancelled");
        waitFor(() -> new JobStore(dir).loadAll().isEmpty(), "no files left");
        assertEquals(1, backend.calls.get(), "the cancelled waiting job was never sent");
        assertTrue(stored.isEmpty());
        assertTrue(latest.get(first).canRetry());
    }

    @Test
    void aFailedJobIsKeptOnDiskAndRetriedWithOneCall() throws Exception {
        GatedBackend backend = new GatedBackend();
        backend.failWith = new BackendException("Failed, Try Again", null);
        backend.release.countDown();
        JobQueue<String> q = queue(backend, 2);
        String id = q.submit(request(), null, null).id();
        waitFor(() -> state(id) == JobState.FAILED, "failed");
        assertEquals("Failed, Try Again", latest.get(id).message());
        assertFalse(latest.get(id).retryCollects(), "a failed job is sent anew");
        assertEquals(PersistedJob.FAILED, new JobStore(dir).read(id).state());

        backend.failWith = null;
        q.retry(id);
        waitFor(() -> state(id) == JobState.DONE, "retried and done");
        assertEquals(2, backend.calls.get());
        assertTrue(backend.resumedIds.isEmpty());
    }

    @Test
    void aJobPastTheDeadlineIsCollectedFromTheServerOnRetryNotSentAgain() throws Exception {
        GatedBackend backend = new GatedBackend();
        backend.failWith = new BackendException("Still generating", new ModelsLabException(
                ModelsLabException.Kind.DEADLINE, "Still generating", Map.of(), "srv-1", null));
        backend.release.countDown();
        JobQueue<String> q = queue(backend, 2);
        String id = q.submit(request(), null, null).id();
        waitFor(() -> state(id) == JobState.FAILED, "deadline");
        assertTrue(latest.get(id).retryCollects());

        backend.failWith = null;
        q.retry(id);
        waitFor(() -> state(id) == JobState.DONE, "collected");
        assertEquals(List.of("srv-1"), backend.resumedIds);
    }

    @Test
    void restoreCollectsAcceptedJobsRequeuesUnsentOnesAndOffersInterruptedOnesForRetry() throws Exception {
        JobStore disk = new JobStore(dir);
        JobRequest r = request();
        disk.create(JobStore.newRecord("a-accepted", r, null).with(PersistedJob.ACCEPTED, "srv-77", "http://x/f/77",
                null, false, "2026-01-01T00:00:00Z"), r);
        disk.create(JobStore.newRecord("b-waiting", r, null), r);
        disk.create(JobStore.newRecord("c-sending", r, null).with(PersistedJob.SENDING, null, null, null, false,
                "2026-01-01T00:00:00Z"), r);

        GatedBackend backend = new GatedBackend();
        backend.release.countDown();
        JobQueue<String> q = queue(backend, 2);
        q.restore();

        waitFor(() -> state("a-accepted") == JobState.DONE && state("b-waiting") == JobState.DONE, "both ran");
        assertEquals(List.of("srv-77"), backend.resumedIds, "the accepted job was collected, not sent");
        assertEquals(2, backend.calls.get(), "the interrupted one was not sent");
        assertEquals(JobState.INTERRUPTED, state("c-sending"));
        assertTrue(latest.get("c-sending").canRetry());
        assertTrue(latest.get("c-sending").message().contains("may or may not have reached"));
        assertTrue(stored.contains("a-accepted:srv-77:null"), stored.toString());

        q.retry("c-sending");
        waitFor(() -> state("c-sending") == JobState.DONE, "retried");
        assertEquals(3, backend.calls.get());
        waitFor(() -> disk.loadAll().isEmpty(), "nothing left on disk");
    }

    @Test
    void aCancelledJobTheServerHadIsCollectedOnCheckAgainNotSentAgain() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 1);
        String onServer = q.submit(request(), null, null).id();
        String neverSent = q.submit(request(), null, null).id();
        waitFor(() -> "srv-1".equals(latest.get(onServer).serverId()), "accepted");
        q.cancel(neverSent);
        q.cancel(onServer);
        waitFor(() -> state(onServer) == JobState.CANCELLED, "cancelled");
        assertTrue(latest.get(onServer).canCheckAgain(), "the server may finish it: it can be asked for");
        assertFalse(latest.get(neverSent).canCheckAgain(), "never sent: nothing to ask for");
        assertTrue(latest.get(neverSent).canRetry());

        q.checkAgain(neverSent);
        Thread.sleep(100);
        assertEquals(JobState.CANCELLED, state(neverSent), "Check again does nothing for a job the server never had");

        backend.release.countDown();
        q.checkAgain(onServer);
        waitFor(() -> state(onServer) == JobState.DONE, "collected");
        assertEquals(List.of("srv-1"), backend.resumedIds, "asked for by its server id");
        assertEquals(2, backend.calls.get(), "one send, one collection");
        assertTrue(stored.stream().anyMatch(s -> s.startsWith(onServer + ":srv-1:")), stored.toString());
    }

    @Test
    void retryStillSendsACancelledJobAnew() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 1);
        String id = q.submit(request(), null, null).id();
        waitFor(() -> "srv-1".equals(latest.get(id).serverId()), "accepted");
        q.cancel(id);
        waitFor(() -> state(id) == JobState.CANCELLED, "cancelled");
        backend.release.countDown();
        q.retry(id);
        waitFor(() -> state(id) == JobState.DONE, "sent again");
        assertTrue(backend.resumedIds.isEmpty(), "Retry is a new send");
        assertEquals(2, backend.calls.get());
    }

    @Test
    void aRestoredJobKeepsTheTimeItFirstStarted() throws Exception {
        JobStore disk = new JobStore(dir);
        JobRequest r = request();
        java.time.Instant started = java.time.Instant.parse("2026-01-01T00:00:00Z");
        disk.create(JobStore.newRecord("a-accepted", r, null).with(PersistedJob.ACCEPTED, "srv-5", "http://x/f/5",
                null, false, started.toString()), r);
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 2);
        q.restore();
        waitFor(() -> state("a-accepted") == JobState.RUNNING && backend.running.get() == 1, "collecting");
        assertEquals(started, latest.get("a-accepted").startedAt(), "the clock goes on from the first start");
        assertTrue(latest.get("a-accepted").elapsed(java.time.Instant.now()).toDays() > 0);
        assertEquals(started.toString(), disk.read("a-accepted").startedAt());
        backend.release.countDown();
        waitFor(() -> state("a-accepted") == JobState.DONE, "done");
        assertEquals(started, latest.get("a-accepted").startedAt());
    }

    @Test
    void theJobFileRecordsTheSizeOfTheCropSentNotOfTheWholePicture() throws Exception {
        int w = 2000;
        int h = 1500;
        byte[] coverage = new byte[w * h];
        for (int y = 700; y < 730; y++) {
            for (int x = 900; x < 940; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        JobRequest r = new JobRequest(solid(w, h, 0xff000000), coverage, params(), "wide.png");
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 1);
        String id = q.submit(r, null, null).id();
        waitFor(() -> new JobStore(dir).exists(id), "on disk");
        PersistedJob onDisk = new JobStore(dir).read(id);
        dev.inpaintstudio.imaging.GenerationSize planned = backend.planCrop(r).size();
        dev.inpaintstudio.imaging.GenerationSize whole = dev.inpaintstudio.imaging.GenerationSize.fit(w, h);
        assertNotEquals(whole, planned, "a small mask in a big picture is sent as a crop");
        assertEquals(planned.width(), onDisk.sentWidth());
        assertEquals(planned.height(), onDisk.sentHeight());
        assertEquals(String.valueOf(planned.width()), String.valueOf(onDisk.parameters().get("width")));
        assertEquals(String.valueOf(planned.height()), String.valueOf(onDisk.parameters().get("height")));
        backend.release.countDown();
        waitFor(() -> state(id) == JobState.DONE, "done");
    }

    @Test
    void closingKeepsTheFilesOfJobsUnderWay() throws Exception {
        GatedBackend backend = new GatedBackend();
        JobQueue<String> q = queue(backend, 2);
        String id = q.submit(request(), null, null).id();
        waitFor(() -> latest.get(id).serverId() != null, "accepted");
        q.close();
        workers.shutdownNow();
        Thread.sleep(100);
        assertEquals(PersistedJob.ACCEPTED, new JobStore(dir).read(id).state(), "collected at the next start");
    }
}
