package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.ModelsLabException.Kind;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.inpaintstudio.modelslab.ApiField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values outside an endpoint's limits are refused by the client before anything is sent: the
 * server sees no request, and the message names the field and the limit.
 */
class ValidationBeforeSendingTest {
    static final byte[] INIT = TestImages.png(8, 8, Color.GRAY);
    static final byte[] MASK = TestImages.mask(8, 8);
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

    /** Valid for the endpoint: its defaults, a model where it takes one. */
    private static InpaintParameters valid(Endpoint endpoint) {
        InpaintParameters p = InpaintParameters.defaults(endpoint).with(PROMPT, "a bench");
        return endpoint.profile().has(MODEL_ID) ? p.with(MODEL_ID, "some-model") : p;
    }

    private ModelsLabException refused(InpaintParameters p, int width, int height) {
        ModelsLabException e = assertThrows(ModelsLabException.class, () -> client.inpaint(
                p.toRequest(INIT, MASK, width, height), new ApiKey("k-123"), quiet, CancellationToken.none()));
        assertEquals(Kind.VALIDATION, e.kind());
        assertEquals(0, server.getRequestCount(), "refused before anything was sent");
        return e;
    }

    private ModelsLabException refused(InpaintParameters p) {
        return refused(p, 512, 512);
    }

    private static void assertNames(ModelsLabException e, String wireName, String message) {
        assertEquals(Map.of(wireName, List.of(message)), e.fieldErrors());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // steps: a set of values, or a range, per endpoint
            "V3              | STEPS             | 30                  | num_inference_steps | Steps must be one of 21, 31, 41, 51 for v3.",
            "V3              | STEPS             | 50                  | num_inference_steps | Steps must be one of 21, 31, 41, 51 for v3.",
            "ENTERPRISE_PONY | STEPS             | 51                  | num_inference_steps | Steps must be one of 21, 31, 41 for enterprise pony.",
            "V4_DREAMBOOTH   | STEPS             | 51                  | steps               | Steps must be between 1 and 50 for v4 dreambooth.",
            "V6_IMAGES       | STEPS             | 0                   | steps               | Steps must be between 1 and 50 for v6 images.",
            "ENTERPRISE      | STEPS             | 60                  | num_inference_steps | Steps must be between 1 and 50 for enterprise.",
            // integer ranges
            "V6_IMAGES       | SAMPLES           | 5                   | samples             | Samples must be between 1 and 4.",
            "V3              | SAMPLES           | 0                   | samples             | Samples must be between 1 and 4.",
            "V4_DREAMBOOTH   | CLIP_SKIP         | 9                   | clip_skip           | CLIP skip must be between 1 and 8.",
            "ENTERPRISE_PONY | CLIP_SKIP         | 0                   | clip_skip           | CLIP skip must be between 1 and 8.",
            // decimal ranges
            "V6_IMAGES       | GUIDANCE_SCALE    | 20.5                | guidance_scale      | Guidance scale must be between 1 and 20.",
            "V3              | GUIDANCE_SCALE    | 0.5                 | guidance_scale      | Guidance scale must be between 1 and 20.",
            "V4_DREAMBOOTH   | STRENGTH          | 1.2                 | strength            | Strength must be between 0 and 1.",
            "ENTERPRISE      | STRENGTH          | -0.1                | strength            | Strength must be between 0 and 1.",
            "V6_IMAGES       | STRENGTH          | NaN                 | strength            | Strength must be between 0 and 1.",
            "V6_IMAGES       | IP_ADAPTER_SCALE  | 1.5                 | ip_adapter_scale    | IP adapter scale must be between 0 and 1.",
            // choices
            "ENTERPRISE_PONY | SCHEDULER         | KarrasVeScheduler   | scheduler           | Scheduler must be one of EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, LMSDiscreteScheduler, HeunDiscreteScheduler, KDPM2DiscreteScheduler, KDPM2AncestralDiscreteScheduler, DPMSolverMultistepScheduler, DPMSolverSinglestepScheduler, DDIMScheduler, DDPMScheduler, PNDMScheduler, UniPCMultistepScheduler, DEISMultistepScheduler, LCMScheduler, IPNDMScheduler for enterprise pony.",
            "ENTERPRISE_PONY | SCHEDULER         | DDIMInverseScheduler| scheduler           | Scheduler must be one of EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, LMSDiscreteScheduler, HeunDiscreteScheduler, KDPM2DiscreteScheduler, KDPM2AncestralDiscreteScheduler, DPMSolverMultistepScheduler, DPMSolverSinglestepScheduler, DDIMScheduler, DDPMScheduler, PNDMScheduler, UniPCMultistepScheduler, DEISMultistepScheduler, LCMScheduler, IPNDMScheduler for enterprise pony.",
            "V4_DREAMBOOTH   | SCHEDULER         | Euler a             | scheduler           | Scheduler must be one of DDPMScheduler, DDIMScheduler, PNDMScheduler, LMSDiscreteScheduler, EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, DPMSolverMultistepScheduler, HeunDiscreteScheduler, KDPM2DiscreteScheduler, DPMSolverSinglestepScheduler, KDPM2AncestralDiscreteScheduler, UniPCMultistepScheduler, DDIMInverseScheduler, DEISMultistepScheduler, IPNDMScheduler, KarrasVeScheduler, ScoreSdeVeScheduler, LCMScheduler for v4 dreambooth.",
            "V6_IMAGES       | SAFETY_CHECKER_TYPE | mosaic            | safety_checker_type | Safety checker type must be one of blur, sensitive_content_text, pixelate, black.",
            "ENTERPRISE      | ALGORITHM_TYPE    | dpmsolver++         | algorithm_type      | Algorithm type must be one of none, dpmsolver+++.",
            "V6_IMAGES       | IP_ADAPTER_ID     | ip-adapter_sd3      | ip_adapter_id       | IP adapter must be one of ip-adapter_sdxl, ip-adapter_sd15, ip-adapter-plus-face_sd15, ip-adapter-plus_sdxl_vit-h, ip-adapter-plus-face_sdxl_vit-h.",
            // seed and links
            "V6_IMAGES       | SEED              | -1                  | seed                | Seed must be a whole number from 0 to 4294967295, or empty for random.",
            "V3              | SEED              | 4294967296          | seed                | Seed must be a whole number from 0 to 4294967295, or empty for random.",
            "V4_DREAMBOOTH   | WEBHOOK           | ftp://example.com/h | webhook             | Webhook must be an http:// or https:// address.",
            "V6_IMAGES       | IP_ADAPTER_IMAGE  | ref.png             | ip_adapter_image    | IP adapter image must be an http:// or https:// address."})
    void aValueOutsideTheLimitIsRefusedNamingFieldAndLimit(Endpoint endpoint, ApiField field, String value,
                                                         String wireName, String message) {
        Object typed = switch (field.type()) {
            case INTEGER -> Integer.valueOf(value);
            case DECIMAL -> Double.valueOf(value);
            case SEED -> Long.valueOf(value);
            default -> value;
        };
        assertNames(refused(valid(endpoint).with(field, typed)), wireName, message);
    }

    @Test
    void v6StepsAreOneMessageUnderTheFirstOfItsTwoNames() {
        ModelsLabException e = refused(valid(Endpoint.V6_IMAGES).with(STEPS, 51));
        assertNames(e, "steps", "Steps must be between 1 and 50 for v6 images.");
    }

    @Test
    void loraStrengthsMustMatchTheLoraModelsInCount() {
        assertNames(refused(valid(Endpoint.V6_IMAGES).with(LORA_MODEL, "contrast-fix,yae-miko-genshin")
                        .with(LORA_STRENGTH, "0.5")),
                "lora_strength", "LoRA strengths must have one value per LoRA model (2 models, 1 strength).");
        assertNames(refused(valid(Endpoint.ENTERPRISE).with(LORA_STRENGTH, "0.5,0.7")),
                "lora_strength", "LoRA strengths must have one value per LoRA model (0 models, 2 strengths).");
    }

    @Test
    void eachLoraStrengthMustBeBetweenATenthAndOne() {
        String message = "LoRA strengths must each be a number between 0.1 and 1, separated by commas.";
        assertNames(refused(valid(Endpoint.V4_DREAMBOOTH).with(LORA_MODEL, "a,b").with(LORA_STRENGTH, "0.5,1.5")),
                "lora_strength", message);
        assertNames(refused(valid(Endpoint.ENTERPRISE_PONY).with(LORA_MODEL, "a").with(LORA_STRENGTH, "0.05")),
                "lora_strength", message);
        assertNames(refused(valid(Endpoint.V6_IMAGES).with(LORA_MODEL, "a").with(LORA_STRENGTH, "strong")),
                "lora_strength", message);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
            "1030, 512,  width",
            "1040, 512,  width",
            "510,  512,  width",
            "512,  1032, height",
            "512,  500,  height",
            "512,  0,    height",
            "248,  512,  width",
            "512,  8,    height"})
    void aSizeOutsideTheLimitsOrNotAMultipleOfEightIsRefused(int width, int height, String wireName) {
        ModelsLabException e = refused(valid(Endpoint.V6_IMAGES), width, height);
        int side = wireName.equals("width") ? width : height;
        String label = wireName.equals("width") ? "Width" : "Height";
        assertNames(e, wireName, label + " must be a multiple of 8 from 256 to 1024 pixels (it is " + side + ").");
    }

    @Test
    void width1030IsRefusedOnEveryEndpoint() {
        for (Endpoint endpoint : Endpoint.values()) {
            ModelsLabException e = refused(valid(endpoint), 1030, 768);
            assertEquals(List.of("width"), List.copyOf(e.fieldErrors().keySet()), endpoint.toString());
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "V3              | MODEL_ID         | x    | model_id         | Model id is not a parameter of v3, so it cannot be sent there.",
            "V3              | SCHEDULER        | PNDMScheduler | scheduler | Scheduler is not a parameter of v3, so it cannot be sent there.",
            "V6_IMAGES       | LOADBALANCER     | yes  | loadbalancer     | Load balancer is not a parameter of v6 images, so it cannot be sent there.",
            "ENTERPRISE_PONY | LOADBALANCER     | yes  | loadbalancer     | Load balancer is not a parameter of enterprise pony, so it cannot be sent there.",
            "V6_IMAGES       | TOMESD           | yes  | tomesd           | Token merging is not a parameter of v6 images, so it cannot be sent there.",
            "ENTERPRISE_PONY | EMBEDDINGS_MODEL | e    | embeddings_model | Embeddings model is not a parameter of enterprise pony, so it cannot be sent there.",
            "V4_DREAMBOOTH   | IP_ADAPTER_ID    | ip-adapter_sdxl | ip_adapter_id | IP adapter is not a parameter of v4 dreambooth, so it cannot be sent there."})
    void aFieldTheEndpointLacksIsRefusedNotDroppedSilently(Endpoint endpoint, ApiField field, String value,
                                                          String wireName, String message) {
        Object typed = field.type() == ApiField.ValueType.YES_NO ? Boolean.TRUE : value;
        assertNames(refused(valid(endpoint).with(field, typed)), wireName, message);
    }

    @Test
    void aMissingModelIdIsRefusedWhereTheEndpointNeedsOne() {
        for (Endpoint endpoint : List.of(Endpoint.V4_DREAMBOOTH, Endpoint.V6_IMAGES, Endpoint.ENTERPRISE,
                Endpoint.ENTERPRISE_PONY)) {
            assertNames(refused(valid(endpoint).with(MODEL_ID, null)), "model_id",
                    "Model id is required for " + endpoint.displayName() + ".");
            assertNames(refused(valid(endpoint).with(MODEL_ID, "   ")), "model_id",
                    "Model id is required for " + endpoint.displayName() + ".");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ModelsLabException e = refused(valid(Endpoint.V3).with(STEPS, 30).with(GUIDANCE_SCALE, 30.0)
                .with(MODEL_ID, "x"), 1030, 768);
        assertEquals(List.of("guidance_scale", "num_inference_steps", "model_id", "width"),
                List.copyOf(e.fieldErrors().keySet()));
        assertTrue(e.getMessage().startsWith("These settings are not accepted by ModelsLab v3: "), e.getMessage());
    }

    @Test
    void theLimitsThemselvesAreAccepted() throws Exception {
        server.enqueue(ModelsLabClientTest.json(200, "{\"status\":\"success\",\"id\":1,\"output\":[\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(INIT) + "\"]}"));
        InpaintParameters edge = valid(Endpoint.V6_IMAGES).with(STEPS, 50).with(SAMPLES, 4).with(GUIDANCE_SCALE, 20)
                .with(STRENGTH, 0).with(CLIP_SKIP, 8).with(IP_ADAPTER_SCALE, 1).with(SEED, 4294967295L)
                .with(LORA_MODEL, "a, b").with(LORA_STRENGTH, "0.1, 1");
        client.inpaint(edge.toRequest(INIT, MASK, 1024, 256), new ApiKey("k-123"), quiet, CancellationToken.none());
        assertEquals(1, server.getRequestCount());
    }
}
