package dev.inpaintstudio.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Presets through the view model, with same-thread executors so each action is done when it returns. */
class PresetsViewModelTest {
    private static final Executor NOW = Runnable::run;
    private static final String KEY = "sk-preset-test-0b1c2d3e";

    @TempDir
    Path config;

    private ParametersViewModel parameters;
    private PresetsViewModel presets;

    @BeforeEach
    void setUp() {
        parameters = new ParametersViewModel();
        parameters.apiKeyProperty().set(KEY);
        parameters.baseUrlProperty().set("http://127.0.0.1:7860");
        parameters.modelIdProperty().set("realistic-vision-v51");
        presets = new PresetsViewModel(parameters, new PresetStore(config), NOW, NOW, () -> Endpoint.V4_DREAMBOOTH);
    }

    private static void await(java.util.concurrent.CompletableFuture<?> f) throws Exception {
        f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void saveLoadRenameDelete() throws Exception {
        parameters.endpointProperty().set(Endpoint.ENTERPRISE);
        parameters.promptProperty().set("a misty harbour");
        parameters.textProperty(ApiField.LOADBALANCER).set("yes");
        parameters.loraRows().setAll(new LoraRow("contrast-fix", 0.4));
        await(presets.save("Harbour"));
        assertEquals(List.of("Harbour"), presets.names());
        assertEquals("Harbour", presets.selectedProperty().get());

        parameters.resetToDefaults(Endpoint.V6_IMAGES);
        assertEquals("", parameters.promptProperty().get());
        await(presets.load("Harbour"));
        assertEquals(Endpoint.ENTERPRISE, parameters.endpointProperty().get());
        assertEquals("a misty harbour", parameters.promptProperty().get());
        assertEquals("yes", parameters.textProperty(ApiField.LOADBALANCER).get());
        assertEquals("contrast-fix", parameters.loraRows().get(0).model());
        assertEquals(KEY, parameters.apiKeyProperty().get(), "loading a preset keeps the key");
        assertEquals("http://127.0.0.1:7860", parameters.baseUrlProperty().get(), "and the server");

        await(presets.save("another"));
        assertEquals(List.of("another", "Harbour"), presets.names(), "sorted without regard to case");
        await(presets.rename("Harbour", "Misty harbour"));
        assertEquals(List.of("another", "Misty harbour"), presets.names());
        assertEquals("Misty harbour", presets.selectedProperty().get());
        await(presets.rename("another", "Misty harbour"));
        assertTrue(presets.messageIsErrorProperty().get(), "a taken name is refused");
        assertTrue(presets.messageProperty().get().contains("already exists"), presets.messageProperty().get());

        await(presets.delete("another"));
        assertEquals(List.of("Misty harbour"), presets.names());
        try (var files = Files.list(config.resolve("presets"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void exportAndImportRoundTripWithoutTheKey() throws Exception {
        parameters.promptProperty().set("a red door");
        parameters.textProperty(ApiField.STEPS).set("41");
        parameters.randomSeedProperty().set(false);
        parameters.seedProperty().set("1234");
        Path exported = config.resolve("exports").resolve("door.json");
        await(presets.exportTo(exported));
        String text = Files.readString(exported);
        assertFalse(text.contains(KEY), "an exported file never holds the key");
        assertFalse(text.contains("127.0.0.1"), "nor the server");
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals(PresetStore.FORMAT, json.get("format").asText());
        assertEquals("v6", json.get("endpoint").asText());
        assertEquals("41", json.get("parameters").get("steps").asText());
        assertEquals("door", json.get("name").asText());

        parameters.resetToDefaults(Endpoint.V3);
        String name = presets.importFrom(exported).get(5, TimeUnit.SECONDS);
        assertEquals("door", name);
        assertEquals(Endpoint.V6_IMAGES, parameters.endpointProperty().get());
        assertEquals("41", parameters.textProperty(ApiField.STEPS).get());
        assertEquals(1234L, parameters.toParameters().seed());
        assertEquals("door (2)", presets.importFrom(exported).get(5, TimeUnit.SECONDS), "a second import gets a free name");
        assertEquals(List.of("door", "door (2)"), presets.names());
    }

    @Test
    void anImportedFileCannotSmuggleInAKeyOrUnknownFields() throws Exception {
        Path file = config.resolve("hand-made.json");
        Files.writeString(file, "{\"format\":\"inpaint-studio-preset\",\"version\":1,\"endpoint\":\"v4\","
                + "\"key\":\"sk-other\",\"parameters\":{\"prompt\":\"fox\",\"guidance-scale\":9,"
                + "\"tomesd\":true,\"api-key\":\"sk-other\",\"key\":\"sk-other\"}}");
        assertEquals("hand-made", presets.importFrom(file).get(5, TimeUnit.SECONDS));
        assertEquals(Endpoint.V4_DREAMBOOTH, parameters.endpointProperty().get());
        assertEquals("fox", parameters.promptProperty().get());
        assertEquals("9", parameters.textProperty(ApiField.GUIDANCE_SCALE).get());
        parameters.modelIdProperty().set("m");
        assertEquals(true, parameters.toParameters().get(ApiField.TOMESD));
        assertEquals(KEY, parameters.apiKeyProperty().get());
        assertFalse(Files.readString(config.resolve("presets").resolve("hand-made.json")).contains("sk-other"));
    }

    @Test
    void aFileThatIsNotAPresetIsReportedNotLoaded() throws Exception {
        Path file = config.resolve("notes.json");
        Files.writeString(file, "{\"hello\":1}");
        assertNull(presets.importFrom(file).get(5, TimeUnit.SECONDS));
        assertTrue(presets.messageIsErrorProperty().get());
        assertTrue(presets.messageProperty().get().contains("not an Inpaint Studio preset"), presets.messageProperty().get());
        assertTrue(presets.names().isEmpty());
    }

    @Test
    void resetGoesToTheDefaultEndpoint() {
        parameters.promptProperty().set("x");
        presets.resetToDefaults();
        assertEquals(Endpoint.V4_DREAMBOOTH, parameters.endpointProperty().get());
        assertEquals("", parameters.promptProperty().get());
        assertEquals("31", parameters.textProperty(ApiField.STEPS).get());
    }
}
