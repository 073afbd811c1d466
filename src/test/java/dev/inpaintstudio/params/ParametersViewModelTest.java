package dev.inpaintstudio.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.inpaintstudio.modelslab.ApiField.*;
import static org.junit.jupiter.api.Assertions.*;

class ParametersViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ParametersViewModel complete() {
        ParametersViewModel vm = new ParametersViewModel();
        vm.apiKeyProperty().set("k");
        vm.modelIdProperty().set("realistic-vision-v51");
        vm.promptProperty().set("a wooden bench");
        return vm;
    }

    /** Every field of every endpoint set to a value all endpoints that have it accept. */
    private static ParametersViewModel everythingSet() {
        ParametersViewModel vm = complete();
        Map<ApiField, String> texts = new HashMap<>();
        texts.put(NEGATIVE_PROMPT, "blurry");
        texts.put(STRENGTH, "0.5");
        texts.put(GUIDANCE_SCALE, "8");
        texts.put(STEPS, "31");
        texts.put(SCHEDULER, "DDIMScheduler");
        texts.put(SEED, "42");
        texts.put(SAMPLES, "2");
        texts.put(EMBEDDINGS_MODEL, "emb-1");
        texts.put(VAE, "vae-1");
        texts.put(CLIP_SKIP, "2");
        texts.put(USE_KARRAS_SIGMAS, "yes");
        texts.put(ALGORITHM_TYPE, "dpmsolver+++");
        texts.put(TOMESD, "yes");
        texts.put(IP_ADAPTER_ID, "ip-adapter_sdxl");
        texts.put(IP_ADAPTER_SCALE, "0.6");
        texts.put(IP_ADAPTER_IMAGE, "https://example.com/ref.png");
        texts.put(ENHANCE_PROMPT, "no");
        texts.put(SAFETY_CHECKER, "yes");
        texts.put(SAFETY_CHECKER_TYPE, "blur");
        texts.put(TEMP, "no");
        texts.put(LOADBALANCER, "yes");
        texts.put(WEBHOOK, "https://hooks.example.com/done");
        texts.put(TRACK_ID, "t-1");
        texts.forEach((f, t) -> vm.textProperty(f).set(t));
        vm.randomSeedProperty().set(false);
        vm.loraRows().setAll(new LoraRow("contrast-fix", 0.5), new LoraRow("yae-miko-genshin", 1));
        return vm;
    }

    private static JsonNode body(ParametersViewModel vm) throws Exception {
        InpaintParameters p = vm.toParameters();
        return JSON.readTree(JSON.writeValueAsString(p.endpoint().profile().wireParameters(p, 1024, 680)));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static Set<String> set(String... names) {
        return new TreeSet<>(List.of(names));
    }

    // ---- which fields each endpoint shows ----------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void theVisibleFieldsAreTheEndpointsOwn(Endpoint endpoint) {
        ParametersViewModel vm = new ParametersViewModel();
        vm.endpointProperty().set(endpoint);
        assertEquals(endpoint.profile().fields(), vm.visibleFields());
    }

    @Test
    void eachEndpointShowsExactlyItsFields() {
        Map<Endpoint, Set<ApiField>> expected = Map.of(
                Endpoint.V3, EnumSet.of(PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SEED, SAMPLES,
                        ENHANCE_PROMPT, SAFETY_CHECKER, WEBHOOK, TRACK_ID),
                Endpoint.V4_DREAMBOOTH, EnumSet.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS,
                        SCHEDULER, SEED, SAMPLES, LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, VAE, CLIP_SKIP,
                        USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD, ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE,
                        TEMP, WEBHOOK, TRACK_ID),
                Endpoint.V6_IMAGES, EnumSet.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS,
                        SCHEDULER, SEED, SAMPLES, LORA_MODEL, LORA_STRENGTH, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS,
                        ALGORITHM_TYPE, IP_ADAPTER_ID, IP_ADAPTER_SCALE, IP_ADAPTER_IMAGE, ENHANCE_PROMPT,
                        SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, WEBHOOK, TRACK_ID),
                Endpoint.ENTERPRISE, EnumSet.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS,
                        SCHEDULER, SEED, SAMPLES, LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, VAE, CLIP_SKIP,
                        USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD, ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE,
                        TEMP, LOADBALANCER, WEBHOOK, TRACK_ID),
                Endpoint.ENTERPRISE_PONY, EnumSet.of(MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS,
                        SCHEDULER, SEED, SAMPLES, LORA_MODEL, LORA_STRENGTH, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS,
                        ALGORITHM_TYPE, TOMESD, ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE, TEMP, WEBHOOK,
                        TRACK_ID));
        ParametersViewModel vm = new ParametersViewModel();
        for (Endpoint e : Endpoint.values()) {
            vm.endpointProperty().set(e);
            assertEquals(expected.get(e), EnumSet.copyOf(vm.visibleFields()), e.displayName());
        }
    }

    // ---- the JSON each endpoint is sent ----------------------------------------------------------------

    @Test
    void oneSetOfValuesGivesEachEndpointOnlyItsOwnFields() throws Exception {
        ParametersViewModel vm = everythingSet();
        Set<String> size = set("width", "height", "base64");
        Map<Endpoint, Set<String>> expected = new HashMap<>();
        expected.put(Endpoint.V3, set("prompt", "negative_prompt", "strength", "guidance_scale", "num_inference_steps",
                "seed", "samples", "enhance_prompt", "safety_checker", "webhook", "track_id"));
        expected.put(Endpoint.V4_DREAMBOOTH, set("model_id", "prompt", "negative_prompt", "strength", "guidance_scale",
                "steps", "scheduler", "seed", "samples", "lora_model", "lora_strength", "embeddings_model", "vae",
                "clip_skip", "use_karras_sigmas", "algorithm_type", "tomesd", "enhance_prompt", "safety_checker",
                "safety_checker_type", "temp", "webhook", "track_id"));
        expected.put(Endpoint.V6_IMAGES, set("model_id", "prompt", "negative_prompt", "strength", "guidance_scale",
                "steps", "num_inference_steps", "scheduler", "seed", "samples", "lora_model", "lora_strength", "vae",
                "clip_skip", "use_karras_sigmas", "algorithm_type", "ip_adapter_id", "ip_adapter_scale",
                "ip_adapter_image", "enhance_prompt", "safety_checker", "safety_checker_type", "temp", "webhook",
                "track_id"));
        expected.put(Endpoint.ENTERPRISE, set("model_id", "prompt", "negative_prompt", "strength", "guidance_scale",
                "num_inference_steps", "scheduler", "seed", "samples", "lora_model", "lora_strength",
                "embeddings_model", "vae", "clip_skip", "use_karras_sigmas", "algorithm_type", "tomesd",
                "enhance_prompt", "safety_checker", "safety_checker_type", "temp", "loadbalancer", "webhook", "track_id"));
        expected.put(Endpoint.ENTERPRISE_PONY, set("model_id", "prompt", "negative_prompt", "strength",
                "guidance_scale", "num_inference_steps", "scheduler", "seed", "samples", "lora_model", "lora_strength",
                "vae", "clip_skip", "use_karras_sigmas", "algorithm_type", "tomesd", "enhance_prompt", "safety_checker",
                "safety_checker_type", "temp", "webhook", "track_id"));
        for (Endpoint e : Endpoint.values()) {
            vm.endpointProperty().set(e);
            assertTrue(vm.validProperty().get(), e + ": " + vm.problemsProperty().get());
            JsonNode body = body(vm);
            Set<String> want = new TreeSet<>(expected.get(e));
            want.addAll(size);
            assertEquals(want, keys(body), e.displayName());
        }
    }

    @Test
    void theV6BodyCarriesThePanelsValuesEncodedAsTheApiWantsThem() throws Exception {
        ParametersViewModel vm = everythingSet();
        JsonNode body = body(vm);
        assertEquals("realistic-vision-v51", body.get("model_id").asText());
        assertEquals("31", body.get("steps").textValue(), "steps as a string");
        assertEquals("31", body.get("num_inference_steps").textValue(), "under both v6 names");
        assertEquals("2", body.get("samples").textValue());
        assertTrue(body.get("guidance_scale").isNumber());
        assertEquals(8.0, body.get("guidance_scale").doubleValue());
        assertEquals(0.5, body.get("strength").doubleValue());
        assertEquals(42, body.get("seed").longValue());
        assertEquals("contrast-fix,yae-miko-genshin", body.get("lora_model").textValue(), "LoRA rows as a comma list");
        assertEquals("0.5,1", body.get("lora_strength").textValue());
        assertEquals("no", body.get("enhance_prompt").textValue());
        assertEquals("yes", body.get("safety_checker").textValue());
        assertEquals("yes", body.get("use_karras_sigmas").textValue());
        assertEquals("https://example.com/ref.png", body.get("ip_adapter_image").textValue());
        assertEquals(0.6, body.get("ip_adapter_scale").doubleValue());
        assertEquals("1024", body.get("width").textValue());
        assertEquals("680", body.get("height").textValue());
        assertFalse(body.has("key"), "the parameters never hold the key");
    }

    @Test
    void defaultsSendEnhancePromptNoAnEmptyNegativePromptAndARandomSeed() throws Exception {
        for (Endpoint e : Endpoint.values()) {
            ParametersViewModel vm = complete();
            vm.endpointProperty().set(e);
            JsonNode body = body(vm);
            assertEquals("no", body.get("enhance_prompt").textValue(), e.displayName());
            assertEquals("", body.get("negative_prompt").textValue(), e.displayName());
            assertTrue(body.get("seed").isNull(), "random seed: " + e.displayName());
            assertFalse(body.has("tomesd") || body.has("scheduler") || body.has("clip_skip"),
                    "fields left to the server are not sent: " + body);
        }
        assertEquals(21, complete().toParameters().steps(), "v6 starts at 21 steps");
    }

    @Test
    void valuesSurviveSwitchingAwayAndBackAndHiddenOnesAreNeverSent() throws Exception {
        ParametersViewModel vm = complete();
        vm.endpointProperty().set(Endpoint.ENTERPRISE);
        vm.textProperty(LOADBALANCER).set("yes");
        vm.textProperty(EMBEDDINGS_MODEL).set("emb");
        assertEquals(true, vm.toParameters().get(LOADBALANCER));

        vm.endpointProperty().set(Endpoint.V6_IMAGES);
        assertFalse(vm.isVisible(LOADBALANCER));
        assertFalse(vm.toParameters().has(LOADBALANCER));
        assertFalse(body(vm).has("loadbalancer"));
        assertFalse(body(vm).has("embeddings_model"));

        vm.endpointProperty().set(Endpoint.V3);
        assertFalse(vm.toParameters().has(MODEL_ID), "v3 has a fixed model");
        assertFalse(body(vm).has("model_id"));

        vm.endpointProperty().set(Endpoint.ENTERPRISE);
        assertEquals("yes", vm.textProperty(LOADBALANCER).get());
        assertEquals("emb", vm.toParameters().get(EMBEDDINGS_MODEL));
        assertEquals("realistic-vision-v51", vm.toParameters().modelId());
    }

    // ---- validation ------------------------------------------------------------------------------

    @Test
    void problemsNameTheFieldAndTheEndpointsLimit() {
        ParametersViewModel vm = complete();
        vm.textProperty(GUIDANCE_SCALE).set("25");
        assertEquals("Guidance scale must be between 1 and 20.", vm.fieldProblemsProperty().get().get(GUIDANCE_SCALE));
        assertFalse(vm.validProperty().get());
        assertThrows(IllegalStateException.class, vm::toParameters);
        vm.textProperty(GUIDANCE_SCALE).set("7");

        vm.textProperty(STEPS).set("30");
        assertTrue(vm.validProperty().get(), "30 steps are fine on v6");
        vm.endpointProperty().set(Endpoint.V3);
        assertEquals("Steps must be one of 21, 31, 41, 51 for v3.", vm.fieldProblemsProperty().get().get(STEPS));
        vm.endpointProperty().set(Endpoint.ENTERPRISE_PONY);
        assertEquals("Steps must be one of 21, 31, 41 for enterprise pony.", vm.fieldProblemsProperty().get().get(STEPS));
        vm.textProperty(STEPS).set("41");
        assertTrue(vm.validProperty().get(), vm.problemsProperty().get().toString());

        vm.textProperty(SAMPLES).set("5");
        assertEquals("Samples must be between 1 and 4.", vm.fieldProblemsProperty().get().get(SAMPLES));
        vm.textProperty(SAMPLES).set("1");
        vm.textProperty(CLIP_SKIP).set("nine");
        assertEquals("CLIP skip must be a whole number between 1 and 8.", vm.fieldProblemsProperty().get().get(CLIP_SKIP));
        vm.textProperty(CLIP_SKIP).set("");
        vm.randomSeedProperty().set(false);
        vm.seedProperty().set("-4");
        assertTrue(vm.fieldProblemsProperty().get().get(SEED).startsWith("Seed must be a whole number from 0"));
        vm.randomSeedProperty().set(true);
        assertNull(vm.fieldProblemsProperty().get().get(SEED), "a random seed ignores the typed one");
        vm.textProperty(WEBHOOK).set("ftp://nope");
        assertEquals("Webhook must be an http:// or https:// address.", vm.fieldProblemsProperty().get().get(WEBHOOK));
    }

    @Test
    void aHiddenFieldsProblemDoesNotCount() {
        ParametersViewModel vm = complete();
        vm.modelIdProperty().set("");
        assertEquals("Model id is required for v6 images.", vm.fieldProblemsProperty().get().get(MODEL_ID));
        vm.endpointProperty().set(Endpoint.V3);
        assertTrue(vm.validProperty().get(), "v3 has no model id: " + vm.problemsProperty().get());
    }

    @Test
    void loraRowsAreCheckedAgainstTheEndpointsLimits() {
        ParametersViewModel vm = complete();
        LoraRow row = vm.addLoraRow();
        assertEquals("Each LoRA needs a model id (or remove its row).", vm.fieldProblemsProperty().get().get(LORA_MODEL));
        row.modelProperty().set("contrast-fix");
        assertTrue(vm.validProperty().get());
        row.strengthProperty().set(0.05);
        assertEquals("LoRA strengths must each be a number between 0.1 and 1, separated by commas.",
                vm.fieldProblemsProperty().get().get(LORA_STRENGTH));
        row.strengthProperty().set(0.35);
        assertEquals("0.35", vm.toParameters().get(LORA_STRENGTH));
    }

    @Test
    void theKeyAndTheServerAreCheckedToo() {
        ParametersViewModel vm = new ParametersViewModel();
        vm.modelIdProperty().set("m");
        assertEquals(List.of("No API key is set. Enter it under Edit ▸ Settings."), vm.problemsProperty().get());
        vm.apiKeyProperty().set("k");
        vm.baseUrlProperty().set("modelslab.com");
        assertTrue(vm.problemsProperty().get().get(0).startsWith("The server address must start with http"));
        vm.baseUrlProperty().set("http://127.0.0.1:7860");
        assertTrue(vm.validProperty().get());
    }

    // ---- the server's own validation errors -------------------------------------------------------------

    @Test
    void serverValidationErrorsLandAtTheirFieldsUntilEdited() {
        ParametersViewModel vm = complete();
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        errors.put("guidance_scale", List.of("The guidance scale may not be greater than 15."));
        errors.put("num_inference_steps", List.of("Too many steps."));
        errors.put("init_image", List.of("Unable to fetch image."));
        List<String> elsewhere = vm.showServerErrors(Endpoint.V6_IMAGES, errors);
        assertEquals(List.of("init_image: Unable to fetch image."), elsewhere);
        assertEquals("Guidance scale (ModelsLab): The guidance scale may not be greater than 15.",
                vm.serverErrors().get(GUIDANCE_SCALE));
        assertEquals("Steps (ModelsLab): Too many steps.", vm.serverErrors().get(STEPS), "either v6 steps name");
        assertEquals("Guidance scale (ModelsLab): The guidance scale may not be greater than 15.",
                vm.messageFor(GUIDANCE_SCALE).get());
        assertTrue(vm.validProperty().get(), "the server's complaint does not block a retry");

        vm.textProperty(GUIDANCE_SCALE).set("12");
        assertNull(vm.serverErrors().get(GUIDANCE_SCALE), "editing the field clears it");
        assertNotNull(vm.serverErrors().get(STEPS));
        vm.noteSubmitted();
        assertTrue(vm.serverErrors().isEmpty());
    }

    @Test
    void aComplaintAboutAValueChangedSinceIsToldNotMarkedOnTheNewValue() {
        ParametersViewModel vm = complete();
        vm.textProperty(GUIDANCE_SCALE).set("14");
        Object sentSteps = vm.valueNow(STEPS);
        Object sentGuidance = vm.valueNow(GUIDANCE_SCALE);
        vm.textProperty(GUIDANCE_SCALE).set("9"); // changed after the job was sent
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        errors.put("guidance_scale", List.of("Too high."));
        errors.put("num_inference_steps", List.of("Too many steps."));
        List<String> told = vm.showServerErrors(Endpoint.V6_IMAGES, errors, field -> java.util.Objects.equals(
                field == STEPS ? sentSteps : field == GUIDANCE_SCALE ? sentGuidance : null, vm.valueNow(field)));
        assertEquals(List.of("Guidance scale as it was sent: Too high."), told);
        assertNull(vm.serverErrors().get(GUIDANCE_SCALE), "the 9 on screen was never refused");
        assertEquals("Steps (ModelsLab): Too many steps.", vm.serverErrors().get(STEPS), "unchanged: marked");
    }

    // ---- memory ----------------------------------------------------------------------------------

    @Test
    void aSnapshotComesBackWithoutTheKeyOrTheServer() {
        ParametersViewModel vm = everythingSet();
        vm.endpointProperty().set(Endpoint.ENTERPRISE);
        vm.baseUrlProperty().set("http://127.0.0.1:9");
        ParameterSnapshot snapshot = vm.snapshot();
        assertFalse(snapshot.values().containsValue("k"));
        assertFalse(snapshot.values().containsValue("http://127.0.0.1:9"));
        assertEquals("contrast-fix,yae-miko-genshin", snapshot.values().get(LORA_MODEL));

        ParametersViewModel restored = new ParametersViewModel();
        restored.restore(snapshot);
        assertEquals("", restored.apiKeyProperty().get());
        assertEquals(Endpoint.ENTERPRISE, restored.endpointProperty().get());
        assertEquals("yes", restored.textProperty(LOADBALANCER).get());
        assertEquals(2, restored.loraRows().size());
        assertEquals(1.0, restored.loraRows().get(1).strength());
        assertFalse(restored.randomSeedProperty().get());
        restored.apiKeyProperty().set("k");
        assertEquals(vm.toParameters(), restored.toParameters());
    }

    @Test
    void resetBringsBackTheDefaultsOfTheDefaultEndpoint() {
        ParametersViewModel vm = everythingSet();
        vm.resetToDefaults(Endpoint.V4_DREAMBOOTH);
        assertEquals(Endpoint.V4_DREAMBOOTH, vm.endpointProperty().get());
        assertEquals("31", vm.textProperty(STEPS).get());
        assertEquals("7.5", vm.textProperty(GUIDANCE_SCALE).get());
        assertEquals("0.7", vm.textProperty(STRENGTH).get());
        assertEquals("no", vm.textProperty(ENHANCE_PROMPT).get());
        assertEquals("", vm.textProperty(TOMESD).get(), "left to the server");
        assertTrue(vm.loraRows().isEmpty());
        assertTrue(vm.randomSeedProperty().get());
        assertEquals("", vm.promptProperty().get());
    }

    @Test
    void theFirstVersionsSettingsAreReadOnce() {
        Map<String, String> old = new HashMap<>();
        old.put("modelId", "m1");
        old.put("prompt", "a cat");
        old.put("steps", "31");
        old.put("strength", "0.42");
        old.put("seed", "77");
        ParametersViewModel vm = new ParametersViewModel();
        vm.restoreLegacy(old::getOrDefault);
        assertEquals("m1", vm.modelIdProperty().get());
        assertEquals("0.42", vm.textProperty(STRENGTH).get());
        assertFalse(vm.randomSeedProperty().get());
        vm.apiKeyProperty().set("k");
        assertEquals(77L, vm.toParameters().seed());
    }

    @Test
    void theSelectedResultsSeedCanBeReused() {
        ParametersViewModel vm = complete();
        vm.reuseSeed();
        assertTrue(vm.randomSeedProperty().get(), "nothing selected, nothing changes");
        vm.reusableSeedProperty().set(2185370297L);
        vm.reuseSeed();
        assertFalse(vm.randomSeedProperty().get());
        assertEquals(2185370297L, vm.toParameters().seed());
    }

    @Test
    void modelIdsSentAreOfferedAgainNewestFirst() {
        ParametersViewModel vm = complete();
        List<String> sent = new ArrayList<>();
        for (String id : List.of("a", "b", "a", "c")) {
            vm.modelIdProperty().set(id);
            vm.noteSubmitted();
            sent.add(id);
        }
        assertEquals(List.of("c", "a", "b"), vm.recentModelIds());
    }
}
