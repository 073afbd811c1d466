package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client end to end against the fake server's dispatcher, on all five endpoints: submit,
 * processing, fetch (id in the path or request_id in the body), .base64 download.
 */
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
                .toRequest(TestImages.png(256, 256, INIT_COLOR), TestImages.mask(256, 256), width, height);
    }

    @Test
    void repaintsOnlyTheMaskedRegionAfterProcessing() throws Exception {
        InpaintResult result = client.inpaint(request(256, 256, 1), KEY, recorder, CancellationToken.none());

        assertEquals(1, result.images().size());
        BufferedImage out = TestImages.decode(result.images().get(0));
        assertEquals(256, out.getWidth());
        assertEquals(256, out.getHeight());
        assertEquals(INIT_COLOR.getRGB(), out.getRGB(8, 8), "outside the mask the init image is kept");
        assertEquals(INIT_COLOR.getRGB(), out.getRGB(240, 160));
        Color inside = new Color(out.getRGB(128, 140));
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
        InpaintResult result = client.inpaint(request(512, 384, 2), KEY, recorder, CancellationToken.none());
        assertEquals(2, result.images().size());
        BufferedImage first = TestImages.decode(result.images().get(0));
        BufferedImage second = TestImages.decode(result.images().get(1));
        assertEquals(512, first.getWidth());
        assertEquals(384, first.getHeight());
        assertNotEquals(first.getRGB(256, 200), second.getRGB(256, 200), "the samples differ");
    }

    @Test
    void theBadKeyIsRejected() {
        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.inpaint(request(256, 256, 1), new ApiKey(FakeModelsLabServer.BAD_KEY), recorder, CancellationToken.none()));
        assertEquals(Kind.INVALID_KEY, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void sizesOutOfRangeAreRefusedByTheClientBeforeTheServerSeesThem() {
        ModelsLabException e = assertThrows(ModelsLabException.class,
                () -> client.inpaint(request(1030, 256, 1), KEY, recorder, CancellationToken.none()));
        assertEquals(Kind.VALIDATION, e.kind());
        assertTrue(e.fieldErrors().containsKey("width"), e.fieldErrors().toString());
        assertEquals(0, server.getRequestCount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "V3,              /api/v3/inpaint,                /api/v3/fetch/,                   false",
            "V4_DREAMBOOTH,   /api/v4/dreambooth/inpaint,     /api/v4/dreambooth/fetch,         true",
            "V6_IMAGES,       /api/v6/images/inpaint,         /api/v6/images/fetch/,            false",
            "ENTERPRISE,      /api/v1/enterprise/inpaint,     /api/v1/enterprise/fetch,         true",
            "ENTERPRISE_PONY, /api/v1/enterprise/pony/inpaint, /api/v1/enterprise/pony/fetch,   true"})
    void everyEndpointRunsEndToEndWithEveryFieldItHas(Endpoint endpoint, String inpaintPath, String fetchPath,
                                                     boolean requestId) throws Exception {
        Map<ApiField, Object> all = new LinkedHashMap<>();
        all.put(ApiField.MODEL_ID, "fake-model");
        all.put(ApiField.PROMPT, "a red door");
        all.put(ApiField.NEGATIVE_PROMPT, "blurry");
        all.put(ApiField.SAMPLES, 1);
        all.put(ApiField.STEPS, endpoint == Endpoint.V3 || endpoint == Endpoint.ENTERPRISE_PONY ? 21 : 25);
        all.put(ApiField.GUIDANCE_SCALE, 6.0);
        all.put(ApiField.STRENGTH, 0.9);
        all.put(ApiField.SEED, 11L);
        all.put(ApiField.SCHEDULER, "EulerDiscreteScheduler");
        all.put(ApiField.SAFETY_CHECKER, false);
        all.put(ApiField.SAFETY_CHECKER_TYPE, "pixelate");
        all.put(ApiField.ENHANCE_PROMPT, false);
        all.put(ApiField.TOMESD, true);
        all.put(ApiField.USE_KARRAS_SIGMAS, true);
        all.put(ApiField.ALGORITHM_TYPE, "none");
        all.put(ApiField.VAE, "vae-x");
        all.put(ApiField.LORA_MODEL, "lora-a");
        all.put(ApiField.LORA_STRENGTH, "0.8");
        all.put(ApiField.EMBEDDINGS_MODEL, "emb");
        all.put(ApiField.CLIP_SKIP, 1);
        all.put(ApiField.TEMP, false);
        all.put(ApiField.LOADBALANCER, false);
        all.put(ApiField.IP_ADAPTER_ID, "ip-adapter_sd15");
        all.put(ApiField.IP_ADAPTER_SCALE, 0.5);
        all.put(ApiField.IP_ADAPTER_IMAGE, "https://example.com/face.png");
        all.put(ApiField.WEBHOOK, "https://example.com/hook");
        all.put(ApiField.TRACK_ID, "t-" + endpoint.cliName());
        Map<ApiField, Object> taken = new LinkedHashMap<>();
        all.forEach((f, v) -> {
            if (endpoint.profile().has(f)) {
                taken.put(f, v);
            }
        });
        InpaintRequest request = new InpaintParameters(endpoint, taken)
                .toRequest(TestImages.png(256, 256, INIT_COLOR), TestImages.mask(256, 256), 256, 256);

        // The fake server refuses any field its own reading of the endpoint's page does not list.
        InpaintResult result = client.inpaint(request, KEY, recorder, CancellationToken.none());

        assertEquals(1, result.images().size());
        assertEquals(INIT_COLOR.getRGB(), TestImages.decode(result.images().get(0)).getRGB(2, 2));
        assertEquals(inpaintPath, server.takeRequest().getPath());
        RecordedRequest poll = server.takeRequest();
        JsonNode pollBody = new ObjectMapper().readTree(poll.getBody().readUtf8());
        if (requestId) {
            assertEquals(fetchPath, poll.getPath());
            assertEquals(result.serverId(), pollBody.get("request_id").textValue());
        } else {
            assertEquals(fetchPath + result.serverId(), poll.getPath());
            assertFalse(pollBody.has("request_id"));
        }
        assertEquals("t-" + endpoint.cliName(), new ObjectMapper().readTree(result.metaJson()).get("track_id").textValue());
    }

    @Test
    void theFakeServerRefusesFieldsAnEndpointLacksAndFindsJobsOnlyThroughTheirEndpoint() throws Exception {
        OkHttpClient http = new OkHttpClient();
        String image = Base64.getEncoder().encodeToString(TestImages.png(16, 16, INIT_COLOR));
        String mask = Base64.getEncoder().encodeToString(TestImages.mask(16, 16));
        String images = ",\"init_image\":\"" + image + "\",\"mask_image\":\"" + mask + "\"";

        JsonNode refused = post(http, "/api/v6/images/inpaint", "{\"key\":\"k\",\"model_id\":\"m\",\"loadbalancer\":\"yes\""
                + images + "}");
        assertEquals("error", refused.get("status").textValue());
        assertTrue(refused.get("message").has("loadbalancer"), refused.toString());

        JsonNode noModel = post(http, "/api/v1/enterprise/pony/inpaint", "{\"key\":\"k\"" + images + "}");
        assertTrue(noModel.get("message").has("model_id"), noModel.toString());

        JsonNode v3 = post(http, "/api/v3/inpaint", "{\"key\":\"k\",\"num_inference_steps\":\"21\"" + images + "}");
        assertEquals("processing", v3.get("status").textValue(), v3.toString());
        String id = v3.get("id").asText();
        assertTrue(v3.get("fetch_result").textValue().endsWith("/api/v3/fetch/" + id));

        JsonNode v4 = post(http, "/api/v4/dreambooth/inpaint", "{\"key\":\"k\",\"model_id\":\"m\"" + images + "}");
        String v4Id = v4.get("id").asText();
        assertTrue(v4.get("fetch_result").textValue().endsWith("/api/v4/dreambooth/fetch"), "no id in the link: "
                + v4.get("fetch_result"));
        JsonNode missing = post(http, "/api/v4/dreambooth/fetch", "{\"key\":\"k\"}");
        assertTrue(missing.get("message").has("request_id"), missing.toString());
        JsonNode found = post(http, "/api/v4/dreambooth/fetch", "{\"key\":\"k\",\"request_id\":" + v4Id + "}");
        assertTrue(List.of("processing", "success").contains(found.get("status").textValue()), found.toString());
        JsonNode elsewhere = post(http, "/api/v1/enterprise/fetch", "{\"key\":\"k\",\"request_id\":\"" + v4Id + "\"}");
        assertEquals("Request not found", elsewhere.get("message").textValue());
        JsonNode v3ThroughV6 = post(http, "/api/v6/images/fetch/" + id, "{\"key\":\"k\"}");
        assertEquals("Request not found", v3ThroughV6.get("message").textValue());
    }

    private JsonNode post(OkHttpClient http, String path, String body) throws IOException {
        Request request = new Request.Builder().url(server.url(path))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return new ObjectMapper().readTree(response.body().string());
        }
    }
}
