package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client end to end against the fake server's dispatcher: submit, processing, fetch, .base64 download. */
class FakeModelsLabServerTest {
    private static final ApiKey KEY = new ApiKey("fake-key-0123456789");
    private static final Color INIT_COLOR = new Color(30, 120, 200);

    private MockWebServer server;
    private ModelsLabClient client;
    private final List<Progress.Stage> stages = new CopyOnWriteArrayList<>();
    private final Progress recorder = (stage, fraction, detail) -> stages.add(stage);

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(250)));
        server.start();
        ClientSettings settings = new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(30),
                Duration.ofMillis(80), Duration.ofSeconds(10), 4, Duration.ofMillis(20));
        client = new ModelsLabClient(server.url("/").toString(), settings);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static InpaintRequest request(int width, int height, int samples) {
        return InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "fake-model")
                .with(ApiField.PROMPT, "a red door")
                .with(ApiField.SAMPLES, samples)
                .with(ApiField.STEPS, 20)
                .with(ApiField.STRENGTH, 0.8)
                .with(ApiField.SEED, 7L)
                .toRequest(TestImages.png(64, 64, INIT_COLOR), TestImages.mask(64, 64), width, height);
    }

    @Test
    void repaintsOnlyTheMaskedRegionAfterProcessing() throws Exception {
        InpaintResult result = client.inpaint(request(64, 64, 1), KEY, recorder, CancellationToken.none());

        assertEquals(1, result.images().size());
        BufferedImage out = TestImages.decode(result.images().get(0));
        assertEquals(64, out.getWidth());
        assertEquals(64, out.getHeight());
        assertEquals(INIT_COLOR.getRGB(), out.getRGB(2, 2), "outside the mask the init image is kept");
        assertEquals(INIT_COLOR.getRGB(), out.getRGB(60, 40));
        Color inside = new Color(out.getRGB(32, 35));
        assertTrue(Math.abs(inside.getRed() - INIT_COLOR.getRed()) + Math.abs(inside.getGreen() - INIT_COLOR.getGreen())
                + Math.abs(inside.getBlue() - INIT_COLOR.getBlue()) > 150, "inside the mask it is visibly repainted: " + inside);
        assertFalse(result.serverId().isEmpty());
        assertEquals(7, new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.metaJson()).get("seed").intValue());

        RecordedRequest submit = server.takeRequest();
        assertEquals(FakeModelsLabServer.INPAINT_PATH, submit.getPath());
        RecordedRequest poll = server.takeRequest();
        assertEquals(FakeModelsLabServer.FETCH_PREFIX + result.serverId(), poll.getPath());
        assertTrue(server.getRequestCount() >= 3, "submit, at least one poll, one download");
        assertTrue(stages.contains(Progress.Stage.QUEUED) && stages.contains(Progress.Stage.DOWNLOADING), stages.toString());
    }

    @Test
    void answersAtTheRequestedSizeWithOneImagePerSample() throws Exception {
        InpaintResult result = client.inpaint(request(128, 96, 2), KEY, recorder, CancellationToken.none());
        assertEquals(2, result.images().size());
        BufferedImage first = TestImages.decode(result.images().get(0));
        BufferedImage second = TestImages.decode(result.images().get(1));
        assertEquals(128, first.getWidth());
        assertEquals(96, first.getHeight());
        assertNotEquals(first.getRGB(64, 50), second.getRGB(64, 50), "the samples differ");
    }

    @Test
    void theBadKeyIsRejected() {
        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.inpaint(request(64, 64, 1), new ApiKey(FakeModelsLabServer.BAD_KEY), recorder, CancellationToken.none()));
        assertEquals(Kind.INVALID_KEY, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void sizesOutOfRangeComeBackAsFieldErrors() {
        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.inpaint(request(1030, 64, 1), KEY, recorder, CancellationToken.none()));
        assertEquals(Kind.VALIDATION, e.kind());
        assertTrue(e.fieldErrors().containsKey("width"), e.fieldErrors().toString());
    }
}
