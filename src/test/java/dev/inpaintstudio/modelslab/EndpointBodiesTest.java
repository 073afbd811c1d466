package dev.inpaintstudio.modelslab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.inpaintstudio.modelslab.ApiField.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The body each endpoint gets, field by field, with every field it has set; and the poll that
 * follows a {@code processing} answer, per endpoint. Expected bodies are written out from the
 * endpoint pages, not computed from the profiles.
 */
class EndpointBodiesTest {
    static final String KEY = "sk-bodies-0a1b2c3d";
    static final byte[] INIT = TestImages.png(16, 16, new Color(120, 40, 200));
    static final byte[] MASK = TestImages.mask(16, 16);
    static final byte[] OUT = TestImages.png(16, 16, new Color(5, 150, 90));

    private final ObjectMapper json = new ObjectMapper();
    private final Progress quiet = (stage, fraction, detail) -> { };
    private MockWebServer server;
    private ModelsLabClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new ModelsLabClient(server.url("/").toString(), ModelsLabClientTest.fast());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** A value for every field, valid on every endpoint that has it (steps and scheduler vary). */
    private static Map<ApiField, Object> everything(int steps, String scheduler) {
        Map<ApiField, Object> v = new LinkedHashMap<>();
        v.put(MODEL_ID, "sdxl-inpaint");
        v.put(PROMPT, "a red door, oil paint");
        v.put(NEGATIVE_PROMPT, "blurry");
        v.put(SAMPLES, 2);
        v.put(STEPS, steps);
        v.put(GUIDANCE_SCALE, 8.5);
        v.put(STRENGTH, 0.55);
        v.put(SEED, 4_000_000_000L);
        v.put(SCHEDULER, scheduler);
        v.put(SAFETY_CHECKER, true);
        v.put(SAFETY_CHECKER_TYPE, "blur");
        v.put(ENHANCE_PROMPT, false);
        v.put(TOMESD, true);
        v.put(USE_KARRAS_SIGMAS, false);
        v.put(ALGORITHM_TYPE, "dpmsolver+++");
        v.put(VAE, "sdxl-vae-fp16");
        v.put(LORA_MODEL, "contrast-fix,yae-miko-genshin");
        v.put(LORA_STRENGTH, "0.6,0.9");
        v.put(EMBEDDINGS_MODEL, "easynegative");
        v.put(CLIP_SKIP, 2);
        v.put(TEMP, true);
        v.put(LOADBALANCER, true);
        v.put(IP_ADAPTER_ID, "ip-adapter_sdxl");
        v.put(IP_ADAPTER_SCALE, 0.4);
        v.put(IP_ADAPTER_IMAGE, "https://example.com/ref.png");
        v.put(WEBHOOK, "https://example.com/hook");
        v.put(TRACK_ID, "job-17");
        return v;
    }

    /** Everything the endpoint has, set. */
    private static InpaintParameters allOf(Endpoint endpoint, int steps, String scheduler) {
        Map<ApiField, Object> values = new LinkedHashMap<>();
        everything(steps, scheduler).forEach((field, value) -> {
            if (endpoint.profile().has(field)) {
                values.put(field, value);
            }
        });
        return new InpaintParameters(endpoint, values);
    }

    private JsonNode send(InpaintParameters p, String expectedPath) throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":1,\"output\":[\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(OUT) + "\"]}"));
        InpaintResult result = client.inpaint(p.toRequest(INIT, MASK, 512, 768), new ApiKey(KEY), quiet,
                CancellationToken.none());
        assertArrayEquals(OUT, result.images().get(0));
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals("POST", r.getMethod());
        assertEquals(expectedPath, r.getPath());
        return json.readTree(r.getBody().readUtf8());
    }

    /**
     * The body is exactly {@code expected} plus the two images: the same keys, and for each the same
     * JSON type and value. The images are raw base64 (no data: prefix) of the bytes given.
     */
    private void assertBody(String expected, JsonNode body) throws IOException {
        JsonNode want = json.readTree(expected.replace('\'', '"'));
        TreeSet<String> wantKeys = names(want.fieldNames());
        wantKeys.add("init_image");
        wantKeys.add("mask_image");
        assertEquals(wantKeys, names(body.fieldNames()), "the exact set of fields sent");
        Iterator<Map.Entry<String, JsonNode>> it = want.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            assertEquals(describe(e.getValue()), describe(body.get(e.getKey())), e.getKey());
        }
        for (String image : List.of("init_image", "mask_image")) {
            assertTrue(body.get(image).isTextual(), image);
            assertFalse(body.get(image).textValue().startsWith("data:"), image + " is raw base64");
        }
        assertArrayEquals(INIT, Base64.getDecoder().decode(body.get("init_image").textValue()));
        assertArrayEquals(MASK, Base64.getDecoder().decode(body.get("mask_image").textValue()));
    }

    /** "string \"512\"", "number 8.5", "null": the JSON type is part of what is compared. */
    private static String describe(JsonNode n) {
        if (n == null) {
            return "(missing)";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "number " + n.decimalValue().stripTrailingZeros().toPlainString();
        }
        return n.getNodeType() + " " + n;
    }

    private static TreeSet<String> names(Iterator<String> it) {
        TreeSet<String> out = new TreeSet<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static MockResponse json(int code, String body) {
        return ModelsLabClientTest.json(code, body);
    }

    // ---- one body per endpoint -------------------------------------------------------------------

    @Test
    void v3SendsItsOwnFieldsWithNumInferenceStepsAndNoModelId() throws Exception {
        JsonNode b = send(allOf(Endpoint.V3, 41, null), "/api/v3/inpaint");
        assertBody("{'key':'" + KEY + "','prompt':'a red door, oil paint','negative_prompt':'blurry',"
                + "'width':'512','height':'768','samples':'2','num_inference_steps':'41','safety_checker':'yes',"
                + "'enhance_prompt':'no','guidance_scale':8.5,'strength':0.55,'base64':'yes','seed':4000000000,"
                + "'webhook':'https://example.com/hook','track_id':'job-17'}", b);
        assertFalse(b.has("model_id"), "v3 has a fixed model");
        assertFalse(b.has("steps"));
        assertFalse(b.has("scheduler"));
        assertFalse(b.has("loadbalancer"));
    }

    @Test
    void v4DreamboothSendsStepsAndEveryModelField() throws Exception {
        JsonNode b = send(allOf(Endpoint.V4_DREAMBOOTH, 30, "UniPCMultistepScheduler"), "/api/v4/dreambooth/inpaint");
        assertBody("{'key':'" + KEY + "','model_id':'sdxl-inpaint','prompt':'a red door, oil paint',"
                + "'negative_prompt':'blurry','width':'512','height':'768','samples':'2','steps':'30',"
                + "'safety_checker':'yes','safety_checker_type':'blur','enhance_prompt':'no','guidance_scale':8.5,"
                + "'tomesd':'yes','use_karras_sigmas':'no','algorithm_type':'dpmsolver+++','vae':'sdxl-vae-fp16',"
                + "'lora_strength':'0.6,0.9','lora_model':'contrast-fix,yae-miko-genshin','strength':0.55,"
                + "'scheduler':'UniPCMultistepScheduler','seed':4000000000,'webhook':'https://example.com/hook',"
                + "'track_id':'job-17','clip_skip':'2','base64':'yes','temp':'yes','embeddings_model':'easynegative'}", b);
        assertFalse(b.has("num_inference_steps"), "v4 names it steps only");
        assertFalse(b.has("loadbalancer"));
        assertFalse(b.has("ip_adapter_id"));
    }

    @Test
    void v6ImagesSendsBothStepNamesAndTheIpAdapterButNoTomesd() throws Exception {
        JsonNode b = send(allOf(Endpoint.V6_IMAGES, 30, "DPMSolverMultistepScheduler"), "/api/v6/images/inpaint");
        assertBody("{'key':'" + KEY + "','model_id':'sdxl-inpaint','prompt':'a red door, oil paint',"
                + "'negative_prompt':'blurry','width':'512','height':'768','samples':'2','steps':'30',"
                + "'num_inference_steps':'30','safety_checker':'yes','safety_checker_type':'blur',"
                + "'enhance_prompt':'no','guidance_scale':8.5,'strength':0.55,'scheduler':'DPMSolverMultistepScheduler',"
                + "'use_karras_sigmas':'no','algorithm_type':'dpmsolver+++','vae':'sdxl-vae-fp16',"
                + "'lora_strength':'0.6,0.9','lora_model':'contrast-fix,yae-miko-genshin','clip_skip':'2',"
                + "'base64':'yes','temp':'yes','seed':4000000000,'webhook':'https://example.com/hook',"
                + "'track_id':'job-17','ip_adapter_id':'ip-adapter_sdxl','ip_adapter_scale':0.4,"
                + "'ip_adapter_image':'https://example.com/ref.png'}", b);
        assertEquals(b.get("steps"), b.get("num_inference_steps"));
        assertFalse(b.has("tomesd"));
        assertFalse(b.has("embeddings_model"));
        assertFalse(b.has("loadbalancer"));
    }

    @Test
    void enterpriseSendsNumInferenceStepsAndTheLoadBalancer() throws Exception {
        JsonNode b = send(allOf(Endpoint.ENTERPRISE, 30, "PNDMScheduler"), "/api/v1/enterprise/inpaint");
        assertBody("{'key':'" + KEY + "','model_id':'sdxl-inpaint','prompt':'a red door, oil paint',"
                + "'negative_prompt':'blurry','width':'512','height':'768','samples':'2','num_inference_steps':'30',"
                + "'safety_checker':'yes','safety_checker_type':'blur','enhance_prompt':'no','guidance_scale':8.5,"
                + "'strength':0.55,'tomesd':'yes','use_karras_sigmas':'no','algorithm_type':'dpmsolver+++',"
                + "'vae':'sdxl-vae-fp16','lora_strength':'0.6,0.9','lora_model':'contrast-fix,yae-miko-genshin',"
                + "'scheduler':'PNDMScheduler','seed':4000000000,'webhook':'https://example.com/hook',"
                + "'track_id':'job-17','loadbalancer':'yes','clip_skip':'2','base64':'yes','temp':'yes',"
                + "'embeddings_model':'easynegative'}", b);
        assertFalse(b.has("steps"), "enterprise names it num_inference_steps only");
    }

    @Test
    void enterprisePonySendsItsOwnSchedulerAndNoLoadBalancer() throws Exception {
        JsonNode b = send(allOf(Endpoint.ENTERPRISE_PONY, 41, "DEISMultistepScheduler"), "/api/v1/enterprise/pony/inpaint");
        assertBody("{'key':'" + KEY + "','model_id':'sdxl-inpaint','prompt':'a red door, oil paint',"
                + "'negative_prompt':'blurry','width':'512','height':'768','samples':'2','num_inference_steps':'41',"
                + "'safety_checker':'yes','safety_checker_type':'blur','enhance_prompt':'no','guidance_scale':8.5,"
                + "'strength':0.55,'tomesd':'yes','use_karras_sigmas':'no','algorithm_type':'dpmsolver+++',"
                + "'vae':'sdxl-vae-fp16','lora_strength':'0.6,0.9','lora_model':'contrast-fix,yae-miko-genshin',"
                + "'scheduler':'DEISMultistepScheduler','seed':4000000000,'webhook':'https://example.com/hook',"
                + "'track_id':'job-17','clip_skip':'2','base64':'yes','temp':'yes'}", b);
        assertFalse(b.has("loadbalancer"), "the pony page has no loadbalancer parameter");
        assertFalse(b.has("embeddings_model"));
    }

    // ---- unset fields ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void onlyTheDefaultsGoWhenNothingElseIsSetWithSeedNullAndAnEmptyNegativePrompt(Endpoint endpoint) throws Exception {
        InpaintParameters p = InpaintParameters.defaults(endpoint);
        if (endpoint.profile().has(MODEL_ID)) {
            p = p.with(MODEL_ID, "m");
        }
        JsonNode b = send(p, endpoint.path());
        String steps = endpoint == Endpoint.V6_IMAGES ? "21" : "31";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("key", "string \"" + KEY + "\"");
        if (endpoint != Endpoint.V3) {
            expected.put("model_id", "string \"m\"");
        }
        expected.put("prompt", "string \"\"");
        expected.put("negative_prompt", "string \"\"");
        expected.put("samples", "string \"1\"");
        if (endpoint == Endpoint.V4_DREAMBOOTH || endpoint == Endpoint.V6_IMAGES) {
            expected.put("steps", "string \"" + steps + "\"");
        }
        if (endpoint != Endpoint.V4_DREAMBOOTH) {
            expected.put("num_inference_steps", "string \"" + steps + "\"");
        }
        expected.put("guidance_scale", "number 7.5");
        expected.put("strength", "number 0.7");
        expected.put("seed", "null");
        expected.put("enhance_prompt", "string \"no\"");
        expected.put("safety_checker", "string \"no\"");
        expected.put("width", "string \"512\"");
        expected.put("height", "string \"768\"");
        expected.put("base64", "string \"yes\"");
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.add("init_image");
        keys.add("mask_image");
        assertEquals(keys, names(b.fieldNames()));
        expected.forEach((k, v) -> assertEquals(v, describe(b.get(k)), k));
    }

    @Test
    void blankOptionalTextIsNotSentButAnEmptyPromptIs() throws Exception {
        InpaintParameters p = InpaintParameters.empty(Endpoint.V4_DREAMBOOTH)
                .with(MODEL_ID, " m ").with(PROMPT, "").with(VAE, "  ").with(LORA_MODEL, "").with(WEBHOOK, " ");
        JsonNode b = send(p, "/api/v4/dreambooth/inpaint");
        assertEquals("m", b.get("model_id").textValue(), "ids go without stray spaces");
        assertEquals("", b.get("prompt").textValue());
        assertFalse(b.has("vae"));
        assertFalse(b.has("lora_model"));
        assertFalse(b.has("webhook"));
        assertFalse(b.has("steps"), "unset: left to the server");
        assertFalse(b.has("guidance_scale"));
        assertTrue(b.get("seed").isNull());
        assertEquals("", b.get("negative_prompt").textValue());
    }

    // ---- processing, then polling the endpoint's fetch -------------------------------------------

    @ParameterizedTest(name = "{0}, fetch_result {1} -> POST {2}, request_id: {3}")
    @CsvSource({
            "V3,              /api/v3/fetch/501,                   /api/v3/fetch/501,                   false",
            "V3,              '',                                  /api/v3/fetch/501,                   false",
            "V4_DREAMBOOTH,   /api/v4/dreambooth/fetch,            /api/v4/dreambooth/fetch,            true",
            "V4_DREAMBOOTH,   /api/v4/dreambooth/fetch/501,        /api/v4/dreambooth/fetch/501,        true",
            "V4_DREAMBOOTH,   '',                                  /api/v4/dreambooth/fetch,            true",
            "V6_IMAGES,       /api/v6/images/fetch/501,            /api/v6/images/fetch/501,            false",
            "V6_IMAGES,       '',                                  /api/v6/images/fetch/501,            false",
            "ENTERPRISE,      /api/v1/enterprise/fetch,            /api/v1/enterprise/fetch,            true",
            "ENTERPRISE,      '',                                  /api/v1/enterprise/fetch,            true",
            "ENTERPRISE_PONY, /api/v1/enterprise/pony/fetch,       /api/v1/enterprise/pony/fetch,       true",
            "ENTERPRISE_PONY, '',                                  /api/v1/enterprise/pony/fetch,       true"})
    void processingIsPolledAtTheEndpointsFetchUntilSuccess(Endpoint endpoint, String fetchResult, String fetchPath,
                                                          boolean requestId) throws Exception {
        String fetch = fetchResult == null || fetchResult.isEmpty() ? "null" : "\"" + server.url(fetchResult) + "\"";
        String processing = "{\"status\":\"processing\",\"eta\":0.01,\"messege\":\"Try to fetch request after given "
                + "estimated time\",\"id\":501,\"fetch_result\":" + fetch + ",\"output\":\"\",\"future_links\":[]}";
        server.enqueue(json(200, processing));
        server.enqueue(json(200, processing.replace("\"id\":501", "\"id\":\"501\"")));
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":501,\"output\":[\""
                + server.url("/generations/501-0.base64") + "\"]}"));
        server.enqueue(new MockResponse().setBody(Base64.getEncoder().encodeToString(OUT)));
        InpaintParameters p = InpaintParameters.defaults(endpoint);
        if (endpoint.profile().has(MODEL_ID)) {
            p = p.with(MODEL_ID, "m");
        }

        InpaintResult result = client.inpaint(p.toRequest(INIT, MASK, 512, 512), new ApiKey(KEY), quiet,
                CancellationToken.none());

        assertEquals(endpoint.path(), take().getPath());
        for (int poll = 0; poll < 2; poll++) {
            RecordedRequest r = take();
            assertEquals("POST", r.getMethod());
            assertEquals(fetchPath, r.getPath());
            JsonNode b = json.readTree(r.getBody().readUtf8());
            assertEquals(KEY, b.get("key").textValue());
            if (requestId) {
                assertEquals(2, b.size(), "key and request_id: " + b);
                assertEquals("string \"501\"", describe(b.get("request_id")));
            } else {
                assertEquals(1, b.size(), "the id is in the path; the body holds only the key: " + b);
            }
        }
        assertEquals("/generations/501-0.base64", take().getPath());
        assertArrayEquals(OUT, result.images().get(0));
        assertEquals("501", result.serverId());
    }

    @ParameterizedTest(name = "{0} -> POST {1}, request_id: {2}")
    @CsvSource({
            "V3,              /api/v3/fetch/900,             false",
            "V4_DREAMBOOTH,   /api/v4/dreambooth/fetch,      true",
            "V6_IMAGES,       /api/v6/images/fetch/900,      false",
            "ENTERPRISE,      /api/v1/enterprise/fetch,      true",
            "ENTERPRISE_PONY, /api/v1/enterprise/pony/fetch, true"})
    void resumePollsTheEndpointsFetchRightAway(Endpoint endpoint, String fetchPath, boolean requestId) throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":900,\"output\":[\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(OUT) + "\"]}"));
        InpaintResult result = client.resume(endpoint, " 900 ", new ApiKey(KEY), quiet, CancellationToken.none());
        RecordedRequest r = take();
        assertEquals(fetchPath, r.getPath());
        JsonNode b = json.readTree(r.getBody().readUtf8());
        assertEquals(KEY, b.get("key").textValue());
        assertEquals(requestId ? "string \"900\"" : "(missing)", describe(b.get("request_id")));
        assertEquals(requestId ? 2 : 1, b.size());
        assertArrayEquals(OUT, result.images().get(0));
    }

    @Test
    void anIdWithOddCharactersIsEncodedInTheFetchPath() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"id\":\"a b/c\",\"output\":[\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(OUT) + "\"]}"));
        client.resume(Endpoint.V6_IMAGES, "a b/c", new ApiKey(KEY), quiet, CancellationToken.none());
        assertEquals("/api/v6/images/fetch/a%20b%2Fc", take().getPath());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertNotNull(r, "expected another request");
        return r;
    }
}
