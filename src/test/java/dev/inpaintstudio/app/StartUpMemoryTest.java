package dev.inpaintstudio.app;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** What one run leaves for the next: the endpoint and values last used, and a key that could not be kept. */
class StartUpMemoryTest extends ApplicationTest {
    @TempDir
    Path home;

    private final List<AppContext> open = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        // Each test starts (and restarts) the app itself.
    }

    @AfterEach
    void closeAll() {
        for (AppContext c : List.copyOf(open)) {
            close(c);
        }
    }

    private AppContext start(AppPaths paths) {
        AtomicReference<AppContext> context = new AtomicReference<>();
        interact(() -> context.set(new AppContext(paths, Platform::runLater)));
        open.add(context.get());
        return context.get();
    }

    /** Quits as the window does: the settings and the last-used parameters are written before it returns. */
    private void close(AppContext context) {
        open.remove(context);
        interact(context::close);
    }

    @Test
    void theLastUsedEndpointAndValuesComeBackAtTheNextStart() throws Exception {
        AppPaths paths = AppPaths.under(home.resolve("app"));
        Settings settings = Settings.load(paths.configDir());
        settings.setDefaultEndpoint(Endpoint.ENTERPRISE.cliName());
        settings.save();

        AppContext first = start(paths);
        assertEquals(Endpoint.ENTERPRISE, first.parameters().endpointProperty().get(),
                "a fresh start uses the default endpoint of the settings");
        interact(() -> {
            first.parameters().endpointProperty().set(Endpoint.V4_DREAMBOOTH);
            first.parameters().promptProperty().set("a red barn at dusk");
            first.parameters().textProperty(ApiField.STEPS).set("37");
            first.parameters().textProperty(ApiField.SCHEDULER).set("DDIMScheduler");
        });
        close(first);
        assertTrue(Files.isRegularFile(paths.configDir().resolve("last-used.json")));

        AppContext second = start(paths);
        assertEquals(Endpoint.V4_DREAMBOOTH, second.parameters().endpointProperty().get(),
                "the endpoint last used, not the default one");
        assertEquals("a red barn at dusk", second.parameters().promptProperty().get());
        assertEquals("37", second.parameters().textProperty(ApiField.STEPS).get());
        assertEquals("DDIMScheduler", second.parameters().textProperty(ApiField.SCHEDULER).get());
        assertEquals("enterprise", second.settings().defaultEndpoint(), "the default itself is unchanged");

        // Reset to Defaults still goes to the default endpoint.
        interact(() -> second.presets().resetToDefaults());
        assertEquals(Endpoint.ENTERPRISE, second.parameters().endpointProperty().get());
    }

    @Test
    void aKeyThatCannotBeSavedIsToldAndSavedAtTheNextChance() throws Exception {
        AppPaths paths = AppPaths.under(home.resolve("blocked"));
        // A folder (not empty) where the key file belongs: the key cannot be written.
        Path blocker = paths.configDir().resolve("api-key");
        Files.createDirectories(blocker.resolve("inside"));
        AppContext context = start(paths);

        SettingsViewModel settings = context.newSettingsViewModel();
        interact(() -> {
            settings.apiKeyProperty().set("sk-unsaved-41c2");
            settings.apply();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> context.generation().statusProperty().get()).get().contains("API key could not be saved"));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> context.generation().statusIsErrorProperty().get()).get());
        assertFalse(context.generation().statusProperty().get().contains("sk-unsaved-41c2"), "the key is never shown");
        assertEquals("sk-unsaved-41c2", context.parameters().apiKeyProperty().get(), "still used in this run");

        // Once the way is clear, the next save writes it.
        try (Stream<Path> files = Files.walk(blocker)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        AtomicReference<CompletableFuture<Void>> saved = new AtomicReference<>();
        interact(() -> saved.set(context.saveInBackground()));
        saved.get().get(10, TimeUnit.SECONDS);
        assertEquals("sk-unsaved-41c2", new ApiKeyStore(paths.configDir()).load().orElseThrow());
    }
}
