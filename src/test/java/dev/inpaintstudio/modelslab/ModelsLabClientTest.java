package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import dev.inpaintstudio.task.Progress.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsLabClientTest {
    static final String KEY = "sk-test-9f8e7d6c5b4a-do-not-leak";
    static final byte[] INIT = TestImages.png(16, 16, new Color(200, 30, 30));
    static final byte[] MASK = TestImages.mask(16, 16);
    static final byte[] OUT = TestImages.png(16, 16, new Color(10, 200, 40));
    static final byte[] OUT2 = TestImages.png(16, 16, new Color(10, 20, 240));

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final Progress recorder = (stage, fraction, detail) -> progress.add(stage + "|" + detail);
    private MockWebServer server;
    private ModelsLabClient client;

    /** Millisecond timings: 10 ms first poll, 40 ms cap, 5 s deadline, 4 downloads 10 ms apart, 100 ms rate-limit wait. */
    static ClientSettings fast() {
        return new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofMillis(40), Duration.ofSeconds(5), 4, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new ModelsLabClient(server.url("/").toString(), fast());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    // ---- helpers -------------------------------------------------------------------------------

    static InpaintRequest request(Long seed, String negative, int samples) {
        return InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "realistic-vision-inpaint")
                .with(ApiField.PROMPT, "a cat on a bench")
                .with(ApiField.NEGATIVE_PROMPT, negative)
                .with(ApiField.SAMPLES, samples)
                .with(ApiField.STEPS, 21)
                .with(ApiField.GUIDANCE_SCALE, 7.5)
                .with(ApiField.STRENGTH, 0.7)
                .with(ApiField.SEED, seed)
                .toRequest(INIT, MASK, 512, 768);
    }

    private InpaintResult run() throws ModelsLabException {
        return run(client);
    }

    private InpaintResult run(ModelsLabClient c) throws ModelsLabException {
        return c.inpaint(request(42L, "blurry, low quality", 1), new ApiKey(KEY), recorder, CancellationToken.none());
    }

    private ModelsLabException failing() {
        return assertThrows(ModelsLabException.class, this::run);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private String success(String... outputs) throws IOException {
        return "{\"status\":\"success\",\"generationTime\":1.25,\"id\":12345,\"output\":"
                + json.writeValueAsString(outputs) + ",\"nsfw_content_detected\":false,\"meta\":{\"seed\":42}}";
    }

    private String processing(String id, String fetchUrl, double eta) {
        return "{\"status\":\"processing\",\"tip\":\"Get 20x faster image generation\",\"eta\":" + eta
                + ",\"messege\":\"Try to fetch request after given estimated time\",\"fetch_result\":"
                + (fetchUrl == null ? "null" : "\"" + fetchUrl + "\"") + ",\"id\":" + id
                + ",\"output\":\"\",\"future_links\":[]}";
    }

    private MockResponse png(byte[] bytes) {
        return new MockResponse().setHeader("Content-Type", "image/png").setBody(new okio.Buffer().write(bytes));
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertNotNull(r, "expected another request");
        return r;
    }

    private JsonNode body(RecordedRequest r) throws IOException {
        return json.readTree(r.getBody().readUtf8());
    }

    // ---- success, body -------------------------------------------------------------------------

    @Test
    void immediateSuccessSendsTheV6BodyAndReturnsTheImage() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"generationTime\":1.25,\"id\":12345,\"output\":[\""
                + url("/generations/a.png") + "\"],\"nsfw_content_detected\":true,"
                + "\"meta\":{\"seed\":42,\"key\":\"" + KEY + "\",\"init_image\":\"" + "A".repeat(5000) + "\"}}"));
        server.enqueue(png(OUT));

        InpaintResult result = run();

        RecordedRequest submit = take();
        assertEquals("POST", submit.getMethod());
        assertEquals("/api/v6/images/inpaint", submit.getPath());
        assertTrue(submit.getHeader("Content-Type").startsWith("application/json"));
        JsonNode b = body(submit);
        assertEquals(KEY, b.get("key").textValue());
        assertEquals("realistic-vision-inpaint", b.get("model_id").textValue());
        assertEquals("a cat on a bench", b.get("prompt").textValue());
        assertEquals("blurry, low quality", b.get("negative_prompt").textValue());
        String init = b.get("init_image").textValue();
        String mask = b.get("mask_image").textValue();
        assertFalse(init.startsWith("data:"), "raw base64, no data URI prefix");
        assertFalse(mask.startsWith("data:"));
        assertArrayEquals(INIT, Base64.getDecoder().decode(init));
        assertArrayEquals(MASK, Base64.getDecoder().decode(mask));
        for (String[] field : new String[][] {{"width", "512"}, {"height", "768"}, {"samples", "1"},
                {"steps", "21"}, {"num_inference_steps", "21"}, {"base64", "yes"}, {"enhance_prompt", "no"},
                {"safety_checker", "no"}}) {
            assertTrue(b.get(field[0]).isTextual(), field[0] + " is sent as a string");
            assertEquals(field[1], b.get(field[0]).textValue(), field[0]);
        }
        assertTrue(b.get("guidance_scale").isNumber());
        assertEquals(7.5, b.get("guidance_scale").doubleValue());
        assertTrue(b.get("strength").isNumber());
        assertEquals(0.7, b.get("strength").doubleValue());
        assertTrue(b.get("seed").isIntegralNumber());
        assertEquals(42, b.get("seed").longValue());

        RecordedRequest download = take();
        assertEquals("GET", download.getMethod());
        assertEquals("/generations/a.png", download.getPath());

        assertEquals(1, result.images().size());
        assertArrayEquals(OUT, result.images().get(0));
        assertEquals("12345", result.serverId());
        assertEquals(1.25, result.generationTimeSeconds());
        assertTrue(result.nsfwContentDetected());
        JsonNode meta = json.readTree(result.metaJson());
        assertEquals(42, meta.get("seed").intValue());
        assertFalse(meta.has("key"), "the key is dropped from the stored metadata");
        assertTrue(meta.get("init_image").textValue().length() < 100, "echoed images are cut");

        int uploading = progress.indexOf("UPLOADING|Sending the image to ModelsLab");
        int downloading = progress.indexOf("DOWNLOADING|Downloading image 1 of 1");
        assertTrue(uploading >= 0 && downloading > uploading, progress.toString());
    }

    @Test
    void nullSeedIsJsonNullAndAnEmptyNegativePromptIsAnEmptyString() throws Exception {
        server.enqueue(json(200, success("data:image/png;base64," + Base64.getEncoder().encodeToString(OUT))));
        client.inpaint(request(null, null, 1), new ApiKey(KEY), recorder, CancellationToken.none());
        JsonNode b = body(take());
        assertTrue(b.has("seed") && b.get("seed").isNull());
        assertTrue(b.get("negative_prompt").isTextual());
        assertEquals("", b.get("negative_prompt").textValue());
    }

    // ---- processing and fetch ------------------------------------------------------------------

    @ParameterizedTest(name = "id {0}, fetch_result given: {1}")
    @CsvSource({
            "12345,       true,  /api/v6/images/fetch/12345",
            "'\"777\"',   true,  /api/v6/images/fetch/777",
            "'\"abc-9\"', false, /api/v6/images/fetch/abc-9",
            "88,          false, /api/v6/images/fetch/88"})
    void processingIsPolledAtTheFetchUrlWithTheKeyUntilSuccess(String idJson, boolean giveFetchUrl, String fetchPath)
            throws Exception {
        String plainId = idJson.replace("\"", "");
        String fetchUrl = giveFetchUrl ? url("/api/v6/images/fetch/" + plainId) : null;
        server.enqueue(json(200, processing(idJson, fetchUrl, 0.02)));
        server.enqueue(json(200, processing(idJson, fetchUrl, 0.01)));
        server.enqueue(json(200, success(url("/g/out.png"))));
        server.enqueue(png(OUT));

        InpaintResult result = run();

        assertEquals("/api/v6/images/inpaint", take().getPath());
        for (int poll = 0; poll < 2; poll++) {
            RecordedRequest fetch = take();
            assertEquals("POST", fetch.getMethod());
            assertEquals(fetchPath, fetch.getPath());
            JsonNode b = body(fetch);
            assertEquals(KEY, b.get("key").textValue());
            assertEquals(1, b.size(), "the fetch body holds only the key");
        }
        assertEquals("/g/out.png", take().getPath());
        assertArrayEquals(OUT, result.images().get(0));
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("QUEUED|") && p.contains("job " + plainId)), progress.toString());
    }

    @Test
    void successWithoutOutputUsesTheFutureLinksSeenWhileProcessing() throws Exception {
        server.enqueue(json(200, "{\"status\":\"processing\",\"id\":5,\"eta\":0.01,\"fetch_result\":\""
                + url("/api/v6/images/fetch/5") + "\",\"future_links\":[\"" + url("/f/5.png") + "\"]}"));
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":\"\",\"output\":\"\"}"));
        server.enqueue(png(OUT));
        InpaintResult result = run();
        assertArrayEquals(OUT, result.images().get(0));
        assertEquals("5", result.serverId(), "the id from processing is kept when success has none");
    }

    @Test
    void resumePollsAnEarlierJobRightAway() throws Exception {
        server.enqueue(json(200, success(url("/g/r.png"))));
        server.enqueue(png(OUT));
        InpaintResult result = client.resume(Endpoint.V6_IMAGES, "900", new ApiKey(KEY), recorder, CancellationToken.none());
        RecordedRequest fetch = take();
        assertEquals("/api/v6/images/fetch/900", fetch.getPath());
        assertEquals(KEY, body(fetch).get("key").textValue());
        assertArrayEquals(OUT, result.images().get(0));
    }

    // ---- errors --------------------------------------------------------------------------------

    @ParameterizedTest(name = "HTTP {0} \"{1}\" -> {2}")
    @CsvSource({
            "200, Invalid Api Key,                                   INVALID_KEY",
            "401, Invalid API key,                                   INVALID_KEY",
            "200, Insufficient credits. Please recharge your wallet, NO_CREDITS",
            "402, Payment required,                                  NO_CREDITS",
            "403, This model is only for premium users,              PLAN",
            "200, Model not found,                                   VALIDATION",
            "200, Unable to fetch image from provided URL,           FAILED",
            "500, Server Error,                                      SERVER_ERROR"})
    void errorStringMessagesMapToAKindAndASentence(int code, String message, Kind kind) throws Exception {
        for (int i = 0; i < 3; i++) { // 5xx is retried twice on submit
            server.enqueue(json(code, "{\"status\":\"error\",\"message\":\"" + message + "\"}"));
        }
        ModelsLabException e = failing();
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), "a sentence: " + e.getMessage());
        assertEquals(kind == Kind.SERVER_ERROR ? 3 : 1, server.getRequestCount());
    }

    @Test
    void misspelledMessegeIsReadToo() throws Exception {
        server.enqueue(json(200, "{\"status\":\"error\",\"messege\":\"Invalid Api Key\"}"));
        assertEquals(Kind.INVALID_KEY, failing().kind());
    }

    @Test
    void validationObjectMessageGivesFieldErrors() throws Exception {
        server.enqueue(json(400, "{\"status\":\"error\",\"message\":{\"init_image\":[\"The init image field is required.\"],"
                + "\"width\":[\"The width must not be greater than 1024.\",\"The width must be a multiple of 8.\"]}}"));
        ModelsLabException e = failing();
        assertEquals(Kind.VALIDATION, e.kind());
        assertEquals(Map.of("init_image", List.of("The init image field is required."),
                        "width", List.of("The width must not be greater than 1024.", "The width must be a multiple of 8.")),
                e.fieldErrors());
        assertTrue(e.getMessage().contains("init_image: The init image field is required."), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void http401IsAnInvalidKeyAndNotRetried() throws Exception {
        server.enqueue(json(401, "{\"message\":\"Unauthenticated.\"}"));
        server.enqueue(json(200, success(url("/never.png"))));
        ModelsLabException e = failing();
        assertEquals(Kind.INVALID_KEY, e.kind());
        assertTrue(e.getMessage().contains("API key"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void http401HtmlIsAnInvalidKey() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("<html>Unauthorized</html>"));
        assertEquals(Kind.INVALID_KEY, failing().kind());
    }

    @Test
    void failedJobWhilePollingIsFailedWithTheJobId() throws Exception {
        server.enqueue(json(200, processing("314", url("/api/v6/images/fetch/314"), 0.01)));
        server.enqueue(json(200, "{\"status\":\"failed\",\"id\":\"\",\"message\":\"Failed, Try Again\",\"output\":\"\"}"));
        ModelsLabException e = failing();
        assertEquals(Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("Failed, Try Again"), e.getMessage());
        assertEquals("314", e.serverId());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void invalidKeyWhilePollingStopsAtOnce() throws Exception {
        server.enqueue(json(200, processing("8", url("/api/v6/images/fetch/8"), 0.01)));
        server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Invalid Api Key\"}"));
        server.enqueue(json(200, success(url("/never.png"))));
        assertEquals(Kind.INVALID_KEY, failing().kind());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void htmlNonJsonAnswerWithStatus200IsABadResponse() throws Exception {
        server.enqueue(new MockResponse().setBody("<html><title>Welcome to nginx</title></html>"));
        ModelsLabException e = failing();
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("Welcome to nginx"), e.getMessage());
    }

    @Test
    void unknownStatusIsABadResponse() throws Exception {
        server.enqueue(json(200, "{\"status\":\"weird\"}"));
        assertEquals(Kind.BAD_RESPONSE, failing().kind());
    }

    @Test
    void blankKeyFailsWithoutARequest() {
        ModelsLabException e = assertThrows(ModelsLabException.class, () ->
                client.inpaint(request(1L, "", 1), new ApiKey("  "), recorder, CancellationToken.none()));
        assertEquals(Kind.INVALID_KEY, e.kind());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void invalidBaseUrlIsReportedOnUseNotOnConstruction() {
        ModelsLabClient bad = new ModelsLabClient("not a url", fast());
        ModelsLabException e = assertThrows(ModelsLabException.class, () -> run(bad));
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("not a url"), e.getMessage());
    }

    @Test
    void unreachableServerIsANetworkError() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        String address = closed.url("/").toString();
        closed.shutdown();
        ModelsLabException e = assertThrows(ModelsLabException.class, () -> run(new ModelsLabClient(address, fast())));
        assertEquals(Kind.NETWORK, e.kind());
    }

    // ---- retries -------------------------------------------------------------------------------

    @Test
    void html502OnSubmitIsRetriedWithTheSameBody() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));
        server.enqueue(json(200, success(url("/g/1.png"))));
        server.enqueue(png(OUT));
        InpaintResult result = run();
        String first = take().getBody().readUtf8();
        String second = take().getBody().readUtf8();
        assertEquals(first, second);
        assertArrayEquals(OUT, result.images().get(0));
    }

    @Test
    void persistent5xxOnSubmitGivesUpAfterTwoRetries() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>Service Unavailable</html>"));
        }
        ModelsLabException e = failing();
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void droppedConnectionOnSubmitIsRetried() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(json(200, success(url("/g/1.png"))));
        server.enqueue(png(OUT));
        assertArrayEquals(OUT, run().images().get(0));
    }

    @Test
    void http429WaitsRetryAfterThenSucceeds() throws Exception {
        ModelsLabClient patient = new ModelsLabClient(url("/"), fast().withRateLimitWait(Duration.ofSeconds(5)));
        server.enqueue(json(429, "{\"status\":\"error\",\"message\":\"Rate limit exceeded. Maximum 5 queued requests allowed.\","
                + "\"retry_after\":0.3}"));
        server.enqueue(json(200, success(url("/g/1.png"))));
        server.enqueue(png(OUT));
        long t0 = System.nanoTime();
        InpaintResult result = run(patient);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertArrayEquals(OUT, result.images().get(0));
        assertTrue(ms >= 300, "waited retry_after: " + ms + " ms");
        assertTrue(ms < 3000, "and not the 5 s cap: " + ms + " ms");
        assertEquals("/api/v6/images/inpaint", take().getPath());
        assertEquals("/api/v6/images/inpaint", take().getPath());
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("QUEUED|ModelsLab is busy")), progress.toString());
    }

    @Test
    void retryAfterIsCappedByTheRateLimitWait() throws Exception {
        server.enqueue(json(429, "{\"status\":\"error\",\"message\":\"Rate limit exceeded\",\"retry_after\":60}"));
        server.enqueue(json(200, success(url("/g/1.png"))));
        server.enqueue(png(OUT));
        long t0 = System.nanoTime();
        run();
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
    }

    @Test
    void duplicateRequestRateLimitWithStatus200WaitsAndRetries() throws Exception {
        server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Rate limit exceeded\"}"));
        server.enqueue(json(200, success(url("/g/1.png"))));
        server.enqueue(png(OUT));
        long t0 = System.nanoTime();
        assertArrayEquals(OUT, run().images().get(0));
        assertTrue(System.nanoTime() - t0 >= 100_000_000L, "waited the 100 ms rate-limit wait");
    }

    @Test
    void rateLimitedUntilTheDeadlineIsRateLimited() throws Exception {
        ModelsLabClient shortDeadline = new ModelsLabClient(url("/"), fast().withDeadline(Duration.ofMillis(450)));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(429, "{\"status\":\"error\",\"message\":\"Rate limit exceeded\",\"retry_after\":1}");
            }
        });
        ModelsLabException e = assertThrows(ModelsLabException.class, () -> run(shortDeadline));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(server.getRequestCount() >= 3 && server.getRequestCount() <= 6, "" + server.getRequestCount());
    }

    @Test
    void serverErrorsAndDroppedConnectionsWhilePollingAreRetried() throws Exception {
        String fetch = url("/api/v6/images/fetch/4");
        server.enqueue(json(200, processing("4", fetch, 0.01)));
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(500, "{\"status\":\"error\",\"message\":\"Internal Server Error\"}"));
        server.enqueue(new MockResponse().setBody(""));
        server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Rate limit exceeded\"}"));
        server.enqueue(json(200, processing("4", fetch, 0.01)));
        server.enqueue(json(200, success(url("/g/4.png"))));
        server.enqueue(png(OUT));
        assertArrayEquals(OUT, run().images().get(0));
    }

    @Test
    void pollingGivesUpAfterSeveralAnswersThatAreNotModelsLabReplies() throws Exception {
        server.enqueue(json(200, processing("4", url("/api/v6/images/fetch/4"), 0.01)));
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse().setBody("<html>Parking page</html>"));
        }
        ModelsLabException e = failing();
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertEquals("4", e.serverId());
        assertEquals(1 + 4, server.getRequestCount());
    }

    @Test
    void jobStillProcessingAtTheDeadlineSaysItIsStillRunningWithItsId() throws Exception {
        ModelsLabClient shortDeadline = new ModelsLabClient(url("/"), fast().withDeadline(Duration.ofMillis(300)));
        String fetch = url("/api/v6/images/fetch/555");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(200, processing("555", fetch, 30));
            }
        });
        long t0 = System.nanoTime();
        ModelsLabException e = assertThrows(ModelsLabException.class, () -> run(shortDeadline));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Kind.DEADLINE, e.kind());
        assertEquals("555", e.serverId());
        assertTrue(e.getMessage().contains("still") && e.getMessage().contains("555"), e.getMessage());
        assertTrue(ms >= 300 && ms < 3000, ms + " ms");
        assertTrue(server.getRequestCount() > 3, "polled until the deadline: " + server.getRequestCount());
    }

    // ---- downloads -----------------------------------------------------------------------------

    @Test
    void outputLinkToBase64TextIsDecoded() throws Exception {
        server.enqueue(json(200, success(url("/generations/abc.base64"))));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
                .setBody(Base64.getMimeEncoder().encodeToString(OUT) + "\n"));
        InpaintResult result = run();
        assertArrayEquals(OUT, result.images().get(0));
    }

    @Test
    void base64TextOfAJpegIsRecognisedByItsBytesNotItsName() throws Exception {
        byte[] jpeg = TestImages.jpeg(8, 8, Color.ORANGE);
        server.enqueue(json(200, success(url("/generations/abc.png"))));
        server.enqueue(new MockResponse().setBody(Base64.getEncoder().encodeToString(jpeg)));
        assertArrayEquals(jpeg, run().images().get(0));
    }

    @Test
    void inlineDataUriAndRawBase64OutputsNeedNoDownload() throws Exception {
        server.enqueue(json(200, success("data:image/png;base64," + Base64.getEncoder().encodeToString(OUT),
                Base64.getEncoder().encodeToString(OUT2))));
        InpaintResult result = client.inpaint(request(1L, "", 2), new ApiKey(KEY), recorder, CancellationToken.none());
        assertEquals(2, result.images().size());
        assertArrayEquals(OUT, result.images().get(0));
        assertArrayEquals(OUT2, result.images().get(1));
        assertEquals(1, server.getRequestCount());
        assertTrue(progress.contains("DOWNLOADING|Downloading image 2 of 2"), progress.toString());
    }

    @Test
    void outputAsASingleStringIsAccepted() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":\"3\",\"output\":\"" + url("/g/3.png") + "\"}"));
        server.enqueue(png(OUT));
        assertArrayEquals(OUT, run().images().get(0));
    }

    @Test
    void notYetPropagatedLinkIsRetried() throws Exception {
        server.enqueue(json(200, success(url("/generations/late.base64"))));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("Not Found"));
        server.enqueue(new MockResponse().setResponseCode(403).setBody("<Error>AccessDenied</Error>"));
        server.enqueue(new MockResponse().setBody(Base64.getEncoder().encodeToString(OUT)));
        assertArrayEquals(OUT, run().images().get(0));
        take();
        for (int i = 0; i < 3; i++) {
            assertEquals("/generations/late.base64", take().getPath());
        }
    }

    @Test
    void linkThatNeverAppearsFailsAfterTheConfiguredAttempts() throws Exception {
        server.enqueue(json(200, success(url("/generations/gone.png"))));
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse().setResponseCode(404));
        }
        ModelsLabException e = failing();
        assertEquals(Kind.BAD_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("404") && e.getMessage().contains("4 tries"), e.getMessage());
        assertTrue(e.getMessage().contains("12345"), "names the job id: " + e.getMessage());
        assertEquals(1 + 4, server.getRequestCount());
    }

    @Test
    void proxyLinkIsTriedWhenTheOutputLinkFails() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                switch (request.getPath()) {
                    case "/api/v6/images/inpaint":
                        return json(200, "{\"status\":\"success\",\"id\":1,\"output\":[\"" + url("/cdn/1.png")
                                + "\"],\"proxy_links\":[\"" + url("/proxy/1.png") + "\"]}");
                    case "/proxy/1.png":
                        return png(OUT);
                    default:
                        return new MockResponse().setResponseCode(404);
                }
            }
        });
        assertArrayEquals(OUT, run().images().get(0));
    }

    @Test
    void nonImageOutputIsRefusedWithAClearMessage() throws Exception {
        server.enqueue(json(200, success(url("/generations/x.base64"))));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                .setBody("<html><body>Access denied by policy</body></html>"));
        ModelsLabException e = failing();
        assertEquals(Kind.BAD_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("not an image") && e.getMessage().contains("text/html"), e.getMessage());
        assertEquals(2, server.getRequestCount(), "a wrong answer is not retried");
    }

    @Test
    void base64OfSomethingElseIsRefused() throws Exception {
        server.enqueue(json(200, success(Base64.getEncoder().encodeToString("%PDF-1.4 not a picture".getBytes()))));
        assertEquals(Kind.BAD_OUTPUT, failing().kind());
    }

    @Test
    void successWithoutAnyLinkIsABadResponse() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":1,\"output\":[]}"));
        assertEquals(Kind.BAD_RESPONSE, failing().kind());
    }

    // ---- cancellation --------------------------------------------------------------------------

    @Test
    void cancelWhileWaitingBetweenPollsEndsPromptly() throws Exception {
        ClientSettings slow = new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(8),
                Duration.ofSeconds(20), Duration.ofMinutes(5), 4, Duration.ofSeconds(4));
        ModelsLabClient slowClient = new ModelsLabClient(url("/"), slow);
        server.enqueue(json(200, processing("66", url("/api/v6/images/fetch/66"), 100)));
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            Progress cancelWhenQueued = (stage, fraction, detail) -> {
                if (stage == Stage.QUEUED) {
                    timer.schedule(token::cancel, 100, TimeUnit.MILLISECONDS);
                }
            };
            long t0 = System.nanoTime();
            assertThrows(CancellationException.class, () -> slowClient.inpaint(request(1L, "", 1), new ApiKey(KEY),
                    cancelWhenQueued, token));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2000, "cancelled within " + ms + " ms, not after the 8 s poll delay");
            assertEquals(1, server.getRequestCount(), "no poll after the cancel");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void cancelDuringAHangingCallAbortsIt() throws Exception {
        ClientSettings longRead = new ClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMillis(10),
                Duration.ofMillis(40), Duration.ofMinutes(5), 4, Duration.ofMillis(10));
        ModelsLabClient c = new ModelsLabClient(url("/"), longRead);
        server.enqueue(json(200, processing("67", url("/api/v6/images/fetch/67"), 0.01)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        CancellationToken token = new CancellationToken();
        Thread canceller = new Thread(() -> {
            try {
                server.takeRequest(5, TimeUnit.SECONDS);
                server.takeRequest(5, TimeUnit.SECONDS); // the fetch is in flight now
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        assertThrows(CancellationException.class, () -> c.inpaint(request(1L, "", 1), new ApiKey(KEY), recorder, token));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        canceller.join(5000);
        assertTrue(ms < 3000, "cancelled within " + ms + " ms, not after the 60 s read timeout");
    }

    @Test
    void alreadyCancelledTokenSendsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class, () -> client.inpaint(request(1L, "", 1), new ApiKey(KEY), recorder, token));
        assertEquals(0, server.getRequestCount());
    }

    // ---- the key never leaks -------------------------------------------------------------------

    @Test
    void theKeyAppearsInNoMessageToStringOrLogLine() throws Exception {
        Logger logger = Logger.getLogger("dev.inpaintstudio.modelslab");
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Level oldLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        List<ModelsLabException> errors = new ArrayList<>();
        try {
            // The server echoes the key in every place it could.
            server.enqueue(json(200, "{\"status\":\"error\",\"message\":\"Invalid Api Key " + KEY + "\"}"));
            errors.add(failing());
            server.enqueue(json(422, "{\"status\":\"error\",\"message\":{\"" + KEY + "\":[\"bad value " + KEY + "\"]}}"));
            errors.add(failing());
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>upstream " + KEY + " failed</html>"));
            }
            errors.add(failing());
            server.enqueue(json(200, processing("9", url("/api/v6/images/fetch/9"), 0.01)));
            server.enqueue(new MockResponse().setResponseCode(500).setBody("<pre>" + KEY + "</pre>"));
            server.enqueue(json(200, "{\"status\":\"failed\",\"message\":\"Failed for " + KEY + "\"}"));
            errors.add(failing());
            server.enqueue(json(200, success(url("/g/bad.png"))));
            server.enqueue(new MockResponse().setBody("<html>" + KEY + "</html>"));
            errors.add(failing());

            server.enqueue(json(200, "{\"status\":\"success\",\"id\":1,\"output\":[\"" + url("/g/ok.png")
                    + "\"],\"meta\":{\"key\":\"" + KEY + "\",\"note\":\"" + KEY + "\"}}"));
            server.enqueue(png(OUT));
            InpaintResult result = run();
            assertFalse(result.toString().contains(KEY));
            assertFalse(result.metaJson().contains(KEY), result.metaJson());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(oldLevel);
        }
        assertEquals(5, errors.size());
        for (ModelsLabException e : errors) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(KEY), trace.toString());
            assertFalse(e.fieldErrors().toString().contains(KEY), e.fieldErrors().toString());
        }
        assertEquals(Kind.INVALID_KEY, errors.get(0).kind());
        assertEquals(Kind.VALIDATION, errors.get(1).kind());
        assertFalse(lines.isEmpty(), "the retries were logged, so the capture works");
        for (String line : lines) {
            assertFalse(line.contains(KEY), line);
        }
        assertFalse(new ApiKey(KEY).toString().contains(KEY));
        assertFalse(request(1L, "", 1).toString().contains(KEY));
    }
}
