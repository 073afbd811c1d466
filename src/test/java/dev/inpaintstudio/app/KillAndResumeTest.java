package dev.inpaintstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.jobs.JobQueue;
import dev.inpaintstudio.jobs.JobStatus;
import dev.inpaintstudio.jobs.PersistedJob;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app is killed ({@code kill -9}) while its job is processing on the server; the next start
 * collects the job from the server (without sending it again) and the result lands on disk.
 */
class KillAndResumeTest {
    private static final int ORIGINAL = 0xff3366aa;
    private static final String KEY = "kill-test-key";

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private Process child;

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        server.shutdown();
    }

    @Test
    @Timeout(60)
    void aJobKilledWhileProcessingIsCollectedAtTheNextStart() throws Exception {
        FakeModelsLabServer fake = new FakeModelsLabServer(Duration.ofSeconds(6));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = String.valueOf(request.getPath());
                if (path.endsWith("/inpaint")) {
                    submits.incrementAndGet();
                } else if (path.contains("/fetch")) {
                    fetches.incrementAndGet();
                }
                return fake.dispatch(request);
            }
        });
        server.start();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("settings.properties"),
                "baseUrl=" + server.url("/").toString().replaceAll("/$", "").replace(":", "\\:") + "\n");
        new ApiKeyStore(config).save(KEY);
        Path picture = home.resolve("picture.png");
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                image.setRGB(x, y, ORIGINAL);
            }
        }
        ImageIO.write(image, "png", picture.toFile());

        long start = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), JobProcessMain.class.getName(), home.toString(), picture.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(home.resolve("child.log").toFile());
        child = builder.start();

        PersistedJob accepted = waitForAcceptedJob(Duration.ofSeconds(20));
        long acceptedAt = System.nanoTime();
        assertTrue(child.isAlive(), "the first run is still waiting for the server");
        child.destroyForcibly();
        assertTrue(child.waitFor(5, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals(1, submits.get());
        assertEquals(PersistedJob.ACCEPTED, accepted.state());
        assertNotNull(accepted.fetchUrl());
        Path data = home.resolve("data");
        assertTrue(countFiles(data) >= 3, "the job's picture, mask and job.json are there to check");
        assertKeyInNoFile(data, "at the kill");

        // The next start, on the same folder.
        try (JobServices services = JobProcessMain.services(home)) {
            CompletableFuture<List<StoredResult>> stored = new CompletableFuture<>();
            services.queue().addListener(new JobQueue.Listener<>() {
                @Override
                public void changed(JobStatus job) {
                }

                @Override
                public void stored(JobStatus job, List<StoredResult> results) {
                    stored.complete(results);
                }
            });
            services.start();
            List<StoredResult> results = stored.get(30, TimeUnit.SECONDS);
            long doneAt = System.nanoTime();

            assertEquals(1, results.size());
            StoredResult result = results.get(0);
            assertEquals(results, services.results().loadAll(), "on disk, and read back as a new start would");
            BufferedImage after = ImageIO.read(result.resultFile().toFile());
            assertEquals(320, after.getWidth());
            assertNotEquals(ORIGINAL, after.getRGB(160, 120), "the masked middle was repainted");
            assertEquals(ORIGINAL, after.getRGB(10, 10), "outside the mask untouched");
            JsonNode record = new ObjectMapper().readTree(result.resultFile().resolveSibling("record.json").toFile());
            assertEquals(accepted.serverId(), record.get("serverId").asText());
            assertEquals(accepted.id(), record.get("jobId").asText());
            assertEquals("a window at night", record.get("prompt").asText());
            assertEquals(4242L, record.get("seed").longValue());
            assertEquals(1, submits.get(), "collected, never sent again");
            assertTrue(fetches.get() >= 1);
            try (Stream<Path> left = Files.list(home.resolve("data").resolve("jobs"))) {
                assertEquals(0, left.count(), "the finished job's files are gone");
            }
            // The recipe a PNG carries when saved with it, next to the stored results.
            services.results().export(result, data.resolve("exported.png"), false);
            assertTrue(pngTexts(data.resolve("exported.png")).stream().anyMatch(t -> t.contains("a window at night")),
                    "the exported PNG carries its recipe as text");
            assertKeyInNoFile(data, "after collection");
            System.out.printf("kill -9 and resume: accepted after %.1f s, collected %.1f s after the kill%n",
                    (acceptedAt - start) / 1e9, (doneAt - acceptedAt) / 1e9);
        }
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /**
     * The key is in no file under {@code root}: not in the raw bytes of any file (job.json, record.json,
     * the pictures), nor in the text chunks of any PNG, inflated when compressed.
     */
    private static void assertKeyInNoFile(Path root, String when) throws IOException {
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(-1, indexOf(bytes, key), "the API key is in " + root.relativize(file) + " " + when);
            if (file.getFileName().toString().endsWith(".png")) {
                for (String text : pngTexts(file)) {
                    assertFalse(text.contains(KEY), "the API key is in the PNG text of " + file.getFileName() + " " + when);
                }
            }
        }
    }

    /** The text of every tEXt, zTXt and iTXt chunk of a PNG, inflated where it is compressed. */
    static List<String> pngTexts(Path png) throws IOException {
        List<String> texts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(png)))) {
            in.skipNBytes(8);
            while (in.available() >= 12) {
                int length = in.readInt();
                byte[] type = in.readNBytes(4);
                byte[] body = in.readNBytes(length);
                in.skipNBytes(4);
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (name.equals("tEXt")) {
                    texts.add(new String(body, StandardCharsets.ISO_8859_1));
                } else if (name.equals("zTXt")) {
                    int nul = indexOf(body, new byte[] {0});
                    texts.add(new String(body, 0, nul, StandardCharsets.ISO_8859_1) + "\0"
                            + new String(inflate(body, nul + 2), StandardCharsets.ISO_8859_1));
                } else if (name.equals("iTXt")) {
                    int nul = indexOf(body, new byte[] {0});
                    boolean compressed = body[nul + 1] != 0;
                    int language = nul + 3;
                    int languageEnd = indexOf(body, new byte[] {0}, language);
                    int textStart = indexOf(body, new byte[] {0}, languageEnd + 1) + 1;
                    byte[] text = compressed ? inflate(body, textStart)
                            : java.util.Arrays.copyOfRange(body, textStart, body.length);
                    texts.add(new String(body, 0, nul, StandardCharsets.ISO_8859_1) + "\0"
                            + new String(text, StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    private static byte[] inflate(byte[] body, int from) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(body, from, body.length - from))) {
            return in.readAllBytes();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private PersistedJob waitForAcceptedJob(Duration limit) throws Exception {
        Path jobs = home.resolve("data").resolve("jobs");
        ObjectMapper json = new ObjectMapper();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!child.isAlive()) {
                fail("The first run ended by itself: " + Files.readString(home.resolve("child.log")));
            }
            if (Files.isDirectory(jobs)) {
                try (Stream<Path> dirs = Files.list(jobs)) {
                    for (Path dir : dirs.toList()) {
                        Path file = dir.resolve("job.json");
                        if (Files.isRegularFile(file)) {
                            try {
                                PersistedJob job = json.readValue(file.toFile(), PersistedJob.class);
                                if (job.serverId() != null) {
                                    return job;
                                }
                            } catch (java.io.IOException partial) {
                                // being replaced right now: read it again
                            }
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        fail("No job was accepted in time: " + Files.readString(home.resolve("child.log")));
        return null;
    }
}
