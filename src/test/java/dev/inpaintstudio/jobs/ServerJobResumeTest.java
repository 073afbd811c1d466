package dev.inpaintstudio.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.ClientSettings;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.inpaintstudio.jobs.JobRunnerTest.params;
import static dev.inpaintstudio.jobs.JobRunnerTest.solid;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Jobs the server has are collected through the fetch link it gave for them, and a job it took
 * with a link but no id is collected after a restart instead of being sent (and paid for) again.
 * Through the real queue, runner, ModelsLab backend and client, against a local server.
 */
class ServerJobResumeTest {
    private static final String KEY = "resume-test-key";
    private static final int PICTURE = 0xff204060;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<JobQueue<?>> queues = new ArrayList<>();
    private volatile Function<String, MockResponse> answer = path -> error(404, "Not found: " + path);

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                paths.add(path);
                return answer.apply(path);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        queues.forEach(JobQueue::close);
        executors.forEach(ExecutorService::shutdownNow);
        server.shutdown();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse error(int code, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"status\":\"error\",\"message\":\"" + message + "\"}");
    }

    /** A success whose output is inline base64 (so no download route is needed), reporting a generation time. */
    private static String success(String id, double generationTime) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(solid(64, 64, 0xffe0c020), "png", png);
        return "{\"status\":\"success\",\"id\":\"" + id + "\",\"generationTime\":" + generationTime
                + ",\"output\":[\"data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray())
                + "\"],\"meta\":{\"seed\":1234}}";
    }

    private static JobRequest request() {
        int w = 96;
        int h = 96;
        byte[] coverage = new byte[w * h];
        for (int y = 32; y < 64; y++) {
            for (int x = 32; x < 64; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        return new JobRequest(solid(w, h, PICTURE), coverage, params(), "door.png");
    }

    /** A queue on {@code dir}, as the app builds one, storing results in {@code results}. */
    private JobQueue<List<StoredResult>> queue(ResultStore results, CompletableFuture<List<StoredResult>> stored) {
        ClientSettings fast = new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(40), Duration.ofSeconds(20), 4, Duration.ofMillis(10), Duration.ofMillis(100));
        ModelsLabClient client = new ModelsLabClient(server.url("/").toString(), fast);
        ApiKey key = new ApiKey(KEY);
        ModelsLabBackend backend = new ModelsLabBackend(() -> client, () -> key, () -> PictureEncoding.PNG);
        ExecutorService workers = Executors.newCachedThreadPool();
        executors.add(workers);
        JobQueue<List<StoredResult>> q = new JobQueue<>(new JobRunner(workers, recipe -> backend),
                new JobStore(dir.resolve("jobs")), results, 2);
        q.addListener(new JobQueue.Listener<>() {
            @Override
            public void changed(JobStatus job) {
            }

            @Override
            public void stored(JobStatus job, List<StoredResult> r) {
                stored.complete(r);
            }
        });
        queues.add(q);
        return q;
    }

    @Test
    @Timeout(30)
    void aResumedJobPollsTheFetchLinkTheServerGaveNotTheStandardPath() throws Exception {
        String link = server.url("/queue/v6/job-777").toString();
        answer = path -> {
            try {
                return path.equals("/queue/v6/job-777") ? json(success("777", 4.5)) : error(404, "Not found: " + path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        JobStore disk = new JobStore(dir.resolve("jobs"));
        JobRequest r = request();
        disk.create(JobStore.newRecord("a-accepted", r, null).with(PersistedJob.ACCEPTED, "777", link, null, false,
                "2026-01-01T00:00:00Z"), r);

        ResultStore results = new ResultStore(dir.resolve("results"));
        CompletableFuture<List<StoredResult>> stored = new CompletableFuture<>();
        queue(results, stored).restore();
        List<StoredResult> got = stored.get(20, TimeUnit.SECONDS);

        assertEquals(List.of("/queue/v6/job-777"), paths, "only the stored link was asked, once");
        assertEquals(1, got.size());
        BufferedImage after = ImageIO.read(got.get(0).resultFile().toFile());
        assertNotEquals(PICTURE, after.getRGB(48, 48), "the masked middle came from the server");
        assertEquals(PICTURE, after.getRGB(2, 2));
        JsonNode record = new ObjectMapper().readTree(got.get(0).resultFile().resolveSibling("record.json").toFile());
        assertEquals("777", record.get("serverId").asText());
        assertEquals(4.5, record.get("serverGenerationSeconds").doubleValue(), 1e-9,
                "the generation time the server reported is kept");
    }

    @Test
    @Timeout(60)
    void aJobTheServerTookWithOnlyAFetchLinkIsCollectedAfterARestartNotSentAgain() throws Exception {
        String link = server.url("/queue/token-abc").toString();
        List<String> submits = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        answer = path -> {
            try {
                if (path.equals("/api/v6/images/inpaint")) {
                    submits.add(path);
                    // Taken, but with no id: only the link says where to ask.
                    return json("{\"status\":\"processing\",\"id\":\"\",\"eta\":0.01,\"fetch_result\":\"" + link
                            + "\",\"output\":[]}");
                }
                if (path.equals("/queue/token-abc")) {
                    return finished.isDone() ? json(success("", 2.25))
                            : json("{\"status\":\"processing\",\"id\":\"\",\"eta\":0.01,\"fetch_result\":\"" + link + "\"}");
                }
                return error(404, "Not found: " + path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        ResultStore results = new ResultStore(dir.resolve("results"));
        JobQueue<List<StoredResult>> first = queue(results, new CompletableFuture<>());
        String id = first.submit(request(), null, null).id();
        JobStore disk = new JobStore(dir.resolve("jobs"));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        PersistedJob onDisk = null;
        while (System.nanoTime() < end) {
            onDisk = disk.exists(id) ? disk.read(id) : null;
            if (onDisk != null && onDisk.fetchUrl() != null && paths.stream().filter(link::endsWith).count() >= 2) {
                break;
            }
            Thread.sleep(20);
        }
        assertNotNull(onDisk);
        assertEquals(link, onDisk.fetchUrl());
        assertNull(onDisk.serverId());
        assertEquals(PersistedJob.ACCEPTED, onDisk.state(), "a link alone is enough to collect it: not SENDING");

        // The app stops without finishing (as after kill -9, the files stay as they were).
        first.close();
        executors.get(0).shutdownNow();
        assertTrue(executors.get(0).awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(PersistedJob.ACCEPTED, disk.read(id).state());
        finished.complete(null);

        CompletableFuture<List<StoredResult>> stored = new CompletableFuture<>();
        JobQueue<List<StoredResult>> second = queue(results, stored);
        second.restore();
        List<StoredResult> got = stored.get(20, TimeUnit.SECONDS);

        assertEquals(1, submits.size(), "collected through its link, never sent again");
        assertEquals(1, got.size());
        assertNotEquals(PICTURE, ImageIO.read(got.get(0).resultFile().toFile()).getRGB(48, 48));
        JsonNode record = new ObjectMapper().readTree(got.get(0).resultFile().resolveSibling("record.json").toFile());
        assertEquals(id, record.get("jobId").asText());
        assertEquals(2.25, record.get("serverGenerationSeconds").doubleValue(), 1e-9);
        assertFalse(disk.exists(id), "the collected job's files are gone");
    }
}
