package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ParametersViewModelTest {
    private ParametersViewModel complete() {
        ParametersViewModel vm = new ParametersViewModel();
        vm.apiKeyProperty().set("k");
        vm.modelIdProperty().set("realistic-vision-v51");
        vm.promptProperty().set("a wooden bench");
        return vm;
    }

    @Test
    void aCompleteRequestIsValidAndBecomesParameters() {
        ParametersViewModel vm = complete();
        vm.seedProperty().set("12345");
        vm.samplesProperty().set(3);
        assertTrue(vm.validProperty().get(), vm.problemsProperty().get().toString());
        InpaintParameters p = vm.toParameters();
        assertEquals("realistic-vision-v51", p.modelId());
        assertEquals(12345L, p.seed());
        assertEquals(3, p.samples());
        assertEquals(21, p.steps());
    }

    @Test
    void eachMissingOrOutOfRangeFieldIsNamed() {
        ParametersViewModel vm = new ParametersViewModel();
        assertTrue(vm.problemsProperty().get().stream().anyMatch(s -> s.contains("API key")));
        assertTrue(vm.problemsProperty().get().stream().anyMatch(s -> s.contains("model id")));
        vm = complete();
        vm.guidanceScaleProperty().set(25);
        assertEquals("Guidance scale must be between 1 and 20.", vm.problemsProperty().get().get(0));
        vm.guidanceScaleProperty().set(7);
        vm.seedProperty().set("-4");
        assertTrue(vm.problemsProperty().get().get(0).startsWith("Seed must be"));
        vm.seedProperty().set("");
        vm.baseUrlProperty().set("modelslab.com");
        assertFalse(vm.validProperty().get());
        assertThrows(IllegalStateException.class, vm::toParameters);
    }

    @Test
    void theParametersAreTheV6ProfilesFieldsWithThePanelsValues() {
        ParametersViewModel vm = complete();
        vm.negativePromptProperty().set("blurry");
        vm.guidanceScaleProperty().set(9);
        vm.strengthProperty().set(0.5);
        vm.stepsProperty().set(30);
        InpaintParameters p = vm.toParameters();
        assertEquals(Endpoint.V6_IMAGES, p.endpoint());
        Map<ApiField, Object> expected = new LinkedHashMap<>();
        expected.put(ApiField.PROMPT, "a wooden bench");
        expected.put(ApiField.NEGATIVE_PROMPT, "blurry");
        expected.put(ApiField.STRENGTH, 0.5);
        expected.put(ApiField.GUIDANCE_SCALE, 9.0);
        expected.put(ApiField.STEPS, 30);
        expected.put(ApiField.SAMPLES, 1);
        expected.put(ApiField.ENHANCE_PROMPT, false);
        expected.put(ApiField.SAFETY_CHECKER, false);
        expected.put(ApiField.MODEL_ID, "realistic-vision-v51");
        assertEquals(expected, p.values());
        assertTrue(Endpoint.V6_IMAGES.profile().validate(p, 512, 512).isEmpty());
    }

    @Test
    void anEmptySeedMeansRandom() {
        assertNull(complete().toParameters().seed());
    }

    @Test
    void savedParametersComeBackWithoutTheKey() {
        ParametersViewModel vm = complete();
        vm.strengthProperty().set(0.42);
        vm.stepsProperty().set(31);
        Map<String, String> store = new HashMap<>();
        vm.saveTo(store::put);
        assertFalse(store.containsValue("k"), "the key is not saved with the parameters");

        ParametersViewModel restored = new ParametersViewModel();
        restored.loadFrom(store::getOrDefault);
        assertEquals(0.42, restored.strengthProperty().get(), 1e-9);
        assertEquals(31, restored.stepsProperty().get());
        assertEquals("a wooden bench", restored.promptProperty().get());
        assertEquals("", restored.apiKeyProperty().get());
    }
}
