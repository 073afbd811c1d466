package dev.inpaintstudio.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class WireParametersTest {
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void whatWasSentReadsBackThroughJsonAsTheSameRequest(Endpoint endpoint) throws Exception {
        InpaintParameters p = InpaintParameters.defaults(endpoint)
                .with(ApiField.PROMPT, "  a red door, at dusk ")
                .with(ApiField.NEGATIVE_PROMPT, "blurry")
                .with(ApiField.SEED, 4_000_000_000L)
                .with(ApiField.GUIDANCE_SCALE, 9.0)
                .with(ApiField.SAMPLES, 3);
        if (endpoint != Endpoint.V3) {
            p = p.with(ApiField.MODEL_ID, "my-model").with(ApiField.SCHEDULER, "DDIMScheduler")
                    .with(ApiField.CLIP_SKIP, 2).with(ApiField.USE_KARRAS_SIGMAS, true);
        }
        Map<String, Object> wire = WireParameters.of(p, 512, 768);
        String text = json.writeValueAsString(wire);
        Map<String, Object> back = json.readValue(text, new TypeReference<Map<String, Object>>() { });

        InpaintParameters read = WireParameters.read(endpoint, back);

        assertEquals(wire, WireParameters.of(read, 512, 768), "sends exactly the same body again");
        assertEquals(p.seed(), read.seed());
        assertEquals(p.prompt(), read.prompt(), "prompts keep their spaces");
        assertFalse(text.contains("\"key\""));
    }

    @Test
    void aRandomSeedStaysRandomAndUnreadableValuesAreLeftUnset() {
        InpaintParameters read = WireParameters.read(Endpoint.V6_IMAGES,
                Map.of("seed", "random?", "steps", "x", "guidance_scale", 7, "safety_checker", "yes", "key", "secret"));
        assertNull(read.seed());
        assertNull(read.steps());
        assertEquals(7.0, read.guidanceScale());
        assertEquals(Boolean.TRUE, read.get(ApiField.SAFETY_CHECKER));
        assertFalse(read.values().containsValue("secret"));
    }
}
