package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.modelslab.EndpointProfile.FieldSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.inpaintstudio.modelslab.ApiField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profiles as data: fields per endpoint, names, limits, defaults, parsing; and the parameter map. */
class EndpointProfileTest {

    // ---- which endpoint has which field ------------------------------------------------------------

    @Test
    void eachEndpointHasTheFieldsOfItsPageInArtistOrder() {
        assertEquals(List.of(PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SEED, SAMPLES, ENHANCE_PROMPT,
                SAFETY_CHECKER, WEBHOOK, TRACK_ID), Endpoint.V3.profile().fields());
        assertEquals(List.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SCHEDULER, SEED, SAMPLES,
                LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD,
                ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, WEBHOOK, TRACK_ID),
                Endpoint.V4_DREAMBOOTH.profile().fields());
        assertEquals(List.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SCHEDULER, SEED, SAMPLES,
                LORA_MODEL, LORA_STRENGTH, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, IP_ADAPTER_ID,
                IP_ADAPTER_SCALE, IP_ADAPTER_IMAGE, ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, WEBHOOK,
                TRACK_ID), Endpoint.V6_IMAGES.profile().fields());
        assertEquals(List.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SCHEDULER, SEED, SAMPLES,
                LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD,
                ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, LOADBALANCER, WEBHOOK, TRACK_ID),
                Endpoint.ENTERPRISE.profile().fields());
        assertEquals(List.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SCHEDULER, SEED, SAMPLES,
                LORA_MODEL, LORA_STRENGTH, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD,
                ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, WEBHOOK, TRACK_ID),
                Endpoint.ENTERPRISE_PONY.profile().fields());
    }

    @Test
    void everyFieldIsTakenSomewhereAndLoadBalancerOnlyByEnterprise() {
        Set<ApiField> somewhere = EnumSet.noneOf(ApiField.class);
        for (Endpoint e : Endpoint.values()) {
            somewhere.addAll(e.profile().fields());
            assertEquals(e == Endpoint.ENTERPRISE, e.profile().has(LOADBALANCER), e.toString());
            assertEquals(e == Endpoint.V6_IMAGES, e.profile().has(IP_ADAPTER_ID), e.toString());
            assertEquals(e != Endpoint.V3, e.profile().has(MODEL_ID), e.toString());
        }
        assertEquals(EnumSet.allOf(ApiField.class), somewhere);
    }

    @Test
    void stepsHaveTheEndpointsNamesLimitsAndDefaults() {
        assertSteps(Endpoint.V3, List.of("num_inference_steps"), null, null, List.of(21, 31, 41, 51), 31);
        assertSteps(Endpoint.V4_DREAMBOOTH, List.of("steps"), 1.0, 50.0, List.of(), 31);
        assertSteps(Endpoint.V6_IMAGES, List.of("steps", "num_inference_steps"), 1.0, 50.0, List.of(), 21);
        assertSteps(Endpoint.ENTERPRISE, List.of("num_inference_steps"), 1.0, 50.0, List.of(), 31);
        assertSteps(Endpoint.ENTERPRISE_PONY, List.of("num_inference_steps"), null, null, List.of(21, 31, 41), 31);
    }

    private static void assertSteps(Endpoint e, List<String> wire, Double min, Double max, List<Integer> allowed, int def) {
        FieldSpec s = e.profile().spec(STEPS).orElseThrow();
        assertEquals(wire, s.wireNames(), e.toString());
        assertEquals(min, s.min(), e.toString());
        assertEquals(max, s.max(), e.toString());
        assertEquals(allowed, s.allowedValues(), e.toString());
        assertEquals(def, s.defaultValue(), e.toString());
        assertEquals(EndpointProfile.Encoding.STRING, s.encoding());
    }

    @Test
    void ponyHasItsOwnFifteenSchedulersTheOthersEighteen() {
        List<String> pony = List.of("EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "LMSDiscreteScheduler",
                "HeunDiscreteScheduler", "KDPM2DiscreteScheduler", "KDPM2AncestralDiscreteScheduler",
                "DPMSolverMultistepScheduler", "DPMSolverSinglestepScheduler", "DDIMScheduler", "DDPMScheduler",
                "PNDMScheduler", "UniPCMultistepScheduler", "DEISMultistepScheduler", "LCMScheduler", "IPNDMScheduler");
        assertEquals(pony, Endpoint.ENTERPRISE_PONY.profile().spec(SCHEDULER).orElseThrow().choices());
        Set<String> eighteen = new HashSet<>(pony);
        eighteen.addAll(List.of("DDIMInverseScheduler", "KarrasVeScheduler", "ScoreSdeVeScheduler"));
        for (Endpoint e : List.of(Endpoint.V4_DREAMBOOTH, Endpoint.V6_IMAGES, Endpoint.ENTERPRISE)) {
            List<String> choices = e.profile().spec(SCHEDULER).orElseThrow().choices();
            assertEquals(18, choices.size(), e.toString());
            assertEquals(eighteen, new HashSet<>(choices), e.toString());
        }
    }

    @Test
    void commonLimitsAndEncodings() {
        for (Endpoint e : Endpoint.values()) {
            EndpointProfile p = e.profile();
            assertLimits(p, SAMPLES, 1, 4, EndpointProfile.Encoding.STRING);
            assertLimits(p, GUIDANCE_SCALE, 1, 20, EndpointProfile.Encoding.NUMBER);
            assertLimits(p, STRENGTH, 0, 1, EndpointProfile.Encoding.NUMBER);
            assertLimits(p, SEED, 0, 4294967295.0, EndpointProfile.Encoding.NUMBER_OR_NULL);
            if (p.has(CLIP_SKIP)) {
                assertLimits(p, CLIP_SKIP, 1, 8, EndpointProfile.Encoding.STRING);
                assertLimits(p, LORA_STRENGTH, 0.1, 1, EndpointProfile.Encoding.STRING);
                assertEquals(List.of("blur", "sensitive_content_text", "pixelate", "black"),
                        p.spec(SAFETY_CHECKER_TYPE).orElseThrow().choices());
                assertEquals(List.of("none", "dpmsolver+++"), p.spec(ALGORITHM_TYPE).orElseThrow().choices());
            }
            assertEquals(EndpointProfile.Encoding.YES_NO, p.spec(SAFETY_CHECKER).orElseThrow().encoding());
            assertEquals(List.of("negative_prompt"), p.spec(NEGATIVE_PROMPT).orElseThrow().wireNames());
            assertTrue(p.spec(NEGATIVE_PROMPT).orElseThrow().alwaysSent());
            assertTrue(p.spec(SEED).orElseThrow().alwaysSent());
            assertEquals(e != Endpoint.V3, p.spec(MODEL_ID).map(FieldSpec::required).orElse(false));
        }
        assertLimits(Endpoint.V6_IMAGES.profile(), IP_ADAPTER_SCALE, 0, 1, EndpointProfile.Encoding.NUMBER);
        assertEquals(List.of("ip-adapter_sdxl", "ip-adapter_sd15", "ip-adapter-plus-face_sd15",
                "ip-adapter-plus_sdxl_vit-h", "ip-adapter-plus-face_sdxl_vit-h"),
                Endpoint.V6_IMAGES.profile().spec(IP_ADAPTER_ID).orElseThrow().choices());
    }

    private static void assertLimits(EndpointProfile p, ApiField f, double min, double max, EndpointProfile.Encoding enc) {
        FieldSpec s = p.spec(f).orElseThrow();
        assertEquals(min, s.min(), p + " " + f);
        assertEquals(max, s.max(), p + " " + f);
        assertEquals(enc, s.encoding(), p + " " + f);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void defaultsAreWhatAnArtistExpects(Endpoint e) {
        Map<ApiField, Object> expected = new LinkedHashMap<>();
        expected.put(PROMPT, "");
        expected.put(NEGATIVE_PROMPT, "");
        expected.put(STRENGTH, 0.7);
        expected.put(GUIDANCE_SCALE, 7.5);
        expected.put(STEPS, e == Endpoint.V6_IMAGES ? 21 : 31);
        expected.put(SAMPLES, 1);
        expected.put(ENHANCE_PROMPT, false);
        expected.put(SAFETY_CHECKER, false);
        InpaintParameters d = InpaintParameters.defaults(e);
        assertEquals(expected, d.values());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(d.values().keySet()), "in artist order");
        assertNull(d.seed(), "random");
        assertTrue(e.profile().validate(e == Endpoint.V3 ? d : d.with(MODEL_ID, "m"), 512, 512).isEmpty());
    }

    // ---- endpoints ---------------------------------------------------------------------------------

    @Test
    void endpointsHaveCliNamesPathsAndFetchStyles() {
        assertEquals(List.of("v3", "v4", "v6", "enterprise", "enterprise-pony"),
                Arrays.stream(Endpoint.values()).map(Endpoint::cliName).toList());
        for (Endpoint e : Endpoint.values()) {
            assertEquals(e, Endpoint.fromCliName(e.cliName()));
            assertEquals(e, Endpoint.fromCliName(" " + e.cliName().toUpperCase() + " "));
            assertEquals(e, Endpoint.fromCliName(e.name()));
            assertEquals(e, e.profile().endpoint());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Endpoint.fromCliName("v5"));
        assertTrue(bad.getMessage().contains("v3, v4, v6, enterprise, enterprise-pony"), bad.getMessage());
        assertEquals("/api/v3/fetch/7", Endpoint.V3.fetchPath("7"));
        assertEquals("/api/v6/images/fetch/7", Endpoint.V6_IMAGES.fetchPath("7"));
        assertEquals("/api/v4/dreambooth/fetch", Endpoint.V4_DREAMBOOTH.fetchPath("7"));
        assertEquals("/api/v1/enterprise/fetch", Endpoint.ENTERPRISE.fetchPath("7"));
        assertEquals("/api/v1/enterprise/pony/fetch", Endpoint.ENTERPRISE_PONY.fetchPath("7"));
        assertFalse(Endpoint.V3.profile().fetchTakesRequestId());
        assertFalse(Endpoint.V6_IMAGES.profile().fetchTakesRequestId());
        assertTrue(Endpoint.V4_DREAMBOOTH.profile().fetchTakesRequestId());
        assertTrue(Endpoint.ENTERPRISE.profile().fetchTakesRequestId());
        assertTrue(Endpoint.ENTERPRISE_PONY.profile().fetchTakesRequestId());
    }

    @Test
    void apiFieldsHaveUniqueOptionNamesLabelsAndDescriptions() {
        Set<String> options = new HashSet<>();
        for (ApiField f : ApiField.values()) {
            assertTrue(f.optionName().matches("[a-z0-9]+(-[a-z0-9]+)*"), f.optionName());
            assertTrue(options.add(f.optionName()), "unique: " + f.optionName());
            assertFalse(f.label().isBlank());
            assertFalse(f.description().isBlank());
            assertEquals(f, ApiField.fromOptionName("--" + f.optionName()));
        }
        assertEquals("guidance-scale", GUIDANCE_SCALE.optionName());
        assertEquals("ip-adapter-scale", IP_ADAPTER_SCALE.optionName());
        assertNull(ApiField.fromOptionName("key"), "the key is not an artist's parameter");
    }

    // ---- parsing typed-in text ---------------------------------------------------------------------

    @Test
    void parseGivesTypedValues() {
        EndpointProfile v6 = Endpoint.V6_IMAGES.profile();
        assertEquals(30, v6.parse(STEPS, " 30 "));
        assertEquals(7.5, v6.parse(GUIDANCE_SCALE, "7.5"));
        assertEquals(0.25, v6.parse(STRENGTH, "0,25"), "a decimal comma is read too");
        assertEquals(Boolean.TRUE, v6.parse(SAFETY_CHECKER, "yes"));
        assertEquals(Boolean.FALSE, v6.parse(ENHANCE_PROMPT, "No"));
        assertEquals(Boolean.TRUE, v6.parse(TEMP, "true"));
        assertEquals(4294967295L, v6.parse(SEED, "4294967295"));
        assertNull(v6.parse(SEED, "random"));
        assertNull(v6.parse(SEED, ""));
        assertEquals("UniPCMultistepScheduler", v6.parse(SCHEDULER, "unipcmultistepscheduler"), "wire spelling");
        assertEquals("dpmsolver+++", v6.parse(ALGORITHM_TYPE, "DPMSolver+++"));
        assertEquals("  a door  ", v6.parse(PROMPT, "  a door  "), "prompts as typed");
        assertEquals("", v6.parse(NEGATIVE_PROMPT, "   "));
        assertNull(v6.parse(VAE, "  "), "blank is unset");
        assertEquals("0.5,0.7", v6.parse(LORA_STRENGTH, "0.5,0.7"));
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "V3              | STEPS          | 30     | Steps must be one of 21, 31, 41, 51 for v3.",
            "ENTERPRISE_PONY | STEPS          | 50     | Steps must be one of 21, 31, 41 for enterprise pony.",
            "V4_DREAMBOOTH   | STEPS          | many   | Steps must be a whole number between 1 and 50 for v4 dreambooth.",
            "V6_IMAGES       | GUIDANCE_SCALE | 21     | Guidance scale must be between 1 and 20.",
            "V6_IMAGES       | GUIDANCE_SCALE | high   | Guidance scale must be a number between 1 and 20.",
            "V6_IMAGES       | STRENGTH       | 2      | Strength must be between 0 and 1.",
            "V6_IMAGES       | SAMPLES        | 2.5    | Samples must be a whole number between 1 and 4.",
            "V6_IMAGES       | SAFETY_CHECKER | maybe  | Safety checker must be yes or no.",
            "V6_IMAGES       | SEED           | 1e3    | Seed must be a whole number from 0 to 4294967295, or empty for random.",
            "ENTERPRISE_PONY | SCHEDULER      | ScoreSdeVeScheduler | Scheduler must be one of EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, LMSDiscreteScheduler, HeunDiscreteScheduler, KDPM2DiscreteScheduler, KDPM2AncestralDiscreteScheduler, DPMSolverMultistepScheduler, DPMSolverSinglestepScheduler, DDIMScheduler, DDPMScheduler, PNDMScheduler, UniPCMultistepScheduler, DEISMultistepScheduler, LCMScheduler, IPNDMScheduler for enterprise pony.",
            "V6_IMAGES       | MODEL_ID       | ' '    | Model id is required for v6 images.",
            "V3              | MODEL_ID       | x      | Model id is not a parameter of v3, so it cannot be sent there.",
            "V4_DREAMBOOTH   | LOADBALANCER   | yes    | Load balancer is not a parameter of v4 dreambooth, so it cannot be sent there.",
            "V6_IMAGES       | LORA_STRENGTH  | 0.5,2  | LoRA strengths must each be a number between 0.1 and 1, separated by commas.",
            "V6_IMAGES       | WEBHOOK        | example.com | Webhook must be an http:// or https:// address."})
    void parseRefusesNamingTheFieldAndTheLimit(Endpoint e, ApiField field, String text, String message) {
        InvalidParameterException x = assertThrows(InvalidParameterException.class, () -> e.profile().parse(field, text));
        assertEquals(message, x.getMessage());
        assertEquals(field, x.field());
    }

    // ---- the parameter map -------------------------------------------------------------------------

    @Test
    void parametersAreAnUnmodifiableOrderedCopyOfTypedValues() {
        Map<ApiField, Object> source = new LinkedHashMap<>();
        source.put(SEED, 5);            // an Integer seed becomes a Long
        source.put(GUIDANCE_SCALE, 8);  // an Integer scale becomes a Double
        source.put(PROMPT, "p");
        source.put(VAE, null);          // null: unset
        InpaintParameters p = new InpaintParameters(Endpoint.V6_IMAGES, source);
        source.put(STEPS, 3);
        assertEquals(List.of(SEED, GUIDANCE_SCALE, PROMPT), List.copyOf(p.values().keySet()));
        assertEquals(5L, p.seed());
        assertEquals(8.0, p.guidanceScale());
        assertNull(p.steps());
        assertEquals(1, p.samples(), "samples default to 1");
        assertEquals("", p.modelId());
        assertThrows(UnsupportedOperationException.class, () -> p.values().put(STEPS, 3));
        assertThrows(IllegalArgumentException.class, () -> p.with(STEPS, "thirty"));
        assertThrows(IllegalArgumentException.class, () -> p.with(SAFETY_CHECKER, "yes"));
        assertThrows(IllegalArgumentException.class, () -> p.with(SAMPLES, 2.5));
        assertFalse(p.with(PROMPT, null).has(PROMPT));
        assertEquals(List.of(SEED, GUIDANCE_SCALE, PROMPT), List.copyOf(p.with(SEED, 6L).values().keySet()),
                "a changed value keeps its place");
    }

    @Test
    void forEndpointKeepsWhatTheOtherEndpointTakes() {
        InpaintParameters v6 = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(MODEL_ID, "m")
                .with(IP_ADAPTER_ID, "ip-adapter_sd15").with(STEPS, 30).with(SEED, 9L);
        InpaintParameters v3 = v6.forEndpoint(Endpoint.V3);
        assertEquals(Endpoint.V3, v3.endpoint());
        assertFalse(v3.has(MODEL_ID));
        assertFalse(v3.has(IP_ADAPTER_ID));
        assertEquals(9L, v3.seed());
        assertEquals(30, v3.steps(), "kept as set, so validation tells the artist");
        assertEquals(List.of("Steps must be one of 21, 31, 41, 51 for v3."),
                v3.endpoint().profile().validate(v3, 512, 512).stream().map(FieldProblem::message).toList());
    }

    @Test
    void wireParametersLeaveOutFieldsTheEndpointLacks() {
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V3).with(MODEL_ID, "m").with(LOADBALANCER, true);
        Map<String, Object> wire = Endpoint.V3.profile().wireParameters(p, 256, 264);
        assertFalse(wire.containsKey("model_id"));
        assertFalse(wire.containsKey("loadbalancer"));
        assertEquals("256", wire.get("width"));
        assertEquals("264", wire.get("height"));
        assertEquals("yes", wire.get("base64"));
        assertTrue(wire.containsKey("seed") && wire.get("seed") == null);
        assertFalse(wire.containsKey("key"));
    }

    @Test
    void aRequestShowsNeitherBytesNorSecretsAndMatchesItsEndpoint() {
        InpaintParameters p = InpaintParameters.defaults(Endpoint.V6_IMAGES).with(MODEL_ID, "m");
        InpaintRequest r = p.toRequest(new byte[] {1, 2, 3}, new byte[] {4}, 512, 512);
        assertTrue(r.toString().contains("3 B") && r.toString().contains("v6"), r.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new InpaintRequest(Endpoint.V3, p, new byte[0], new byte[0], 8, 8));
    }
}
