package dev.inpaintstudio.params;

import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.local.FillQuality;
import dev.inpaintstudio.modelslab.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The side panel's model with the offline backend chosen, and its options in presets. */
class OfflineParametersTest {
    @TempDir
    Path config;

    @Test
    void offlineNeedsNoKeyNorModelsLabFieldsOnlyAValidSeed() {
        ParametersViewModel vm = new ParametersViewModel();
        vm.apiKeyProperty().set("");
        vm.modelIdProperty().set("");
        assertFalse(vm.problemsProperty().get().isEmpty(), "ModelsLab without a key cannot generate");
        assertTrue(vm.problemsProperty().get().stream().anyMatch(p -> p.contains("No API key")));

        vm.chooseBackend(BackendChoice.OFFLINE);
        assertTrue(vm.backendChosenProperty().get());
        assertEquals(java.util.List.of(), vm.problemsProperty().get());

        vm.fillRandomSeedProperty().set(false);
        vm.fillSeedProperty().set("soon");
        assertEquals(1, vm.problemsProperty().get().size());
        assertTrue(vm.problemsProperty().get().get(0).contains("Seed (offline)"));
        vm.fillSeedProperty().set("77");
        assertTrue(vm.problemsProperty().get().isEmpty());
        assertEquals(77L, vm.fillSettings().fixedSeed());
    }

    @Test
    void thePatchSizeStaysOddAndWithinTheEnginesLimits() {
        ParametersViewModel vm = new ParametersViewModel();
        vm.patchSizeProperty().set(8);
        assertEquals(9, vm.patchSizeProperty().get());
        vm.patchSizeProperty().set(40);
        assertEquals(21, vm.patchSizeProperty().get());
        vm.patchSizeProperty().set(1);
        assertEquals(3, vm.patchSizeProperty().get());
    }

    @Test
    void aPresetKeepsTheBackendAndTheFillOptionsAndAnOlderOneLeavesThemAlone() throws Exception {
        ParametersViewModel vm = new ParametersViewModel();
        vm.chooseBackend(BackendChoice.OFFLINE);
        vm.setFillSettings(new FillSettings(FillPreset.QUALITY, 13, "5", false));
        PresetStore store = new PresetStore(config);
        store.save("Wires", vm.snapshot());
        String file = Files.readString(store.folder().resolve("wires.json"));
        assertTrue(file.contains("\"backend\" : \"local\""), file);

        ParametersViewModel other = new ParametersViewModel();
        other.restore(store.load("Wires"));
        assertEquals(BackendChoice.OFFLINE, other.backendProperty().get());
        assertEquals(new FillSettings(FillPreset.QUALITY, 13, "5", false), other.fillSettings());

        Files.writeString(config.resolve("old.json"), """
                {"format": "inpaint-studio-preset", "version": 1, "name": "Old", "endpoint": "v6",
                 "randomSeed": true, "parameters": {"prompt": "a door"}}
                """);
        ParameterSnapshot old = store.read(config.resolve("old.json")).snapshot();
        assertNull(old.backend());
        other.restore(old);
        assertEquals(BackendChoice.OFFLINE, other.backendProperty().get(), "an older preset leaves the backend as it was");
        assertEquals(Endpoint.V6_IMAGES, other.endpointProperty().get());
    }

    @Test
    void thePresetsAreTheEnginesOwn() {
        assertEquals(Arrays.stream(FillQuality.values()).map(Enum::name).toList(),
                Arrays.stream(FillPreset.values()).map(Enum::name).toList());
        for (FillPreset p : FillPreset.values()) {
            assertEquals(FillQuality.valueOf(p.name()).label(), p.label());
        }
        assertEquals(FillOptions.DEFAULT.patchSize(), FillSettings.DEFAULT.patchSize(), "the panel starts at the engine's default patch");
        assertEquals(FillOptions.DEFAULT.quality().name(), FillSettings.DEFAULT.preset().name());
    }
}
