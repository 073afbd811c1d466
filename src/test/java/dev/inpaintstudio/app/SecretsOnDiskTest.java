package dev.inpaintstudio.app;

import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.KeyCheck;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The key through the settings dialog, presets saved and exported, settings saved: afterwards no file
 * but the key store holds the key, and the key store is readable by its owner only.
 */
class SecretsOnDiskTest extends ApplicationTest {
    private static final String KEY = "sk-live-secret-8c41d7e2b9";

    @TempDir
    static Path home;

    private final MockWebServer server = new MockWebServer();
    private AppPaths paths;
    private AppContext context;
    private Stage stage;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        server.start();
        paths = AppPaths.under(home.resolve("app"));
        context = new AppContext(paths, Platform::runLater);
        stage.setScene(context.window().scene());
        stage.setWidth(1200); // within Monocle's headless screen
        stage.setHeight(780);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.shutdown();
        context.close();
    }

    @Test
    void onlyTheKeyStoreHoldsTheKeyAndOnlyItsOwnerCanReadIt() throws Exception {
        String base = server.url("/").toString().replaceAll("/$", "");
        SettingsViewModel settings = context.newSettingsViewModel();
        interact(() -> {
            settings.apiKeyProperty().set(KEY);
            settings.baseUrlProperty().set(base);
            settings.defaultEndpointProperty().set(Endpoint.ENTERPRISE);
            settings.concurrencyProperty().set(3);
            settings.undoBudgetMegabytesProperty().set(512);
            settings.themeProperty().set(Settings.Theme.LIGHT);
            settings.apply();
        });
        assertEquals(KEY, context.parameters().apiKeyProperty().get());
        assertTrue(context.window().scene().getStylesheets().stream().anyMatch(s -> s.endsWith("inpaint-studio-light.css")),
                "the theme applies at once");

        interact(() -> {
            context.parameters().modelIdProperty().set("realistic-vision-v51");
            context.parameters().promptProperty().set("a quiet lake");
        });
        context.presets().save("Lake").get(10, TimeUnit.SECONDS);
        Path exported = home.resolve("exported").resolve("lake.json");
        context.presets().exportTo(exported).get(10, TimeUnit.SECONDS);
        AtomicReference<java.util.concurrent.CompletableFuture<Void>> saved = new AtomicReference<>();
        interact(() -> saved.set(context.saveInBackground()));
        saved.get().get(10, TimeUnit.SECONDS);

        ApiKeyStore keys = new ApiKeyStore(paths.configDir());
        assertEquals(KEY, keys.load().orElseThrow());
        List<Path> written;
        try (Stream<Path> files = Files.walk(home)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertTrue(written.contains(paths.configDir().resolve("settings.properties")), written.toString());
        assertTrue(written.contains(paths.configDir().resolve("last-used.json")), written.toString());
        assertTrue(written.contains(paths.configDir().resolve("presets").resolve("lake.json")), written.toString());
        assertTrue(written.contains(exported), written.toString());
        for (Path f : written) {
            if (!f.equals(keys.file())) {
                assertFalse(Files.readString(f).contains(KEY), f + " must not contain the key");
            }
        }

        // What was saved comes back at the next start.
        AppContext.Stored stored = AppContext.Stored.load(paths);
        assertEquals(KEY, stored.key().orElseThrow());
        assertEquals(3, stored.settings().concurrency());
        assertEquals(512, stored.settings().undoBudgetMegabytes());
        assertEquals(Settings.Theme.LIGHT, stored.settings().theme());
        assertEquals("enterprise", stored.settings().defaultEndpoint());
        assertEquals("a quiet lake", stored.lastUsed().orElseThrow().values().get(dev.inpaintstudio.modelslab.ApiField.PROMPT));
        assertEquals(List.of("Lake"), context.presets().names());

        // Owner-only where the file system has POSIX modes; elsewhere this last check is skipped.
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "no POSIX file permissions on this system");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
    }

    @Test
    void theDialogShowsTheKeyMaskedAndTestsItWithOneCall() throws Exception {
        interact(() -> context.parameters().baseUrlProperty().set(server.url("/").toString()));
        SettingsViewModel vm = context.newSettingsViewModel();
        AtomicReference<SettingsDialog> dialog = new AtomicReference<>();
        interact(() -> {
            dialog.set(new SettingsDialog(vm, stage, Settings.Theme.DARK));
            dialog.get().show();
        });
        PasswordField key = lookup("#settingsApiKey").queryAs(PasswordField.class);
        clickOn(key).write("bad-key-1");
        assertEquals("bad-key-1", vm.apiKeyProperty().get());
        assertTrue(lookup("#testKey").query() != null);

        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"status\":\"error\",\"message\":\"Invalid Api Key\"}"));
        clickOn("#testKey");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.keyCheckOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(KeyCheck.Outcome.REJECTED, vm.keyCheckOutcomeProperty().get());
        Label result = lookup("#keyCheckResult").queryAs(Label.class);
        assertTrue(result.getText().contains("rejected the API key"), result.getText());
        RecordedRequest check = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/api/v6/images/fetch/0", check.getPath());
        assertTrue(check.getBody().readUtf8().contains("\"key\":\"bad-key-1\""));

        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"status\":\"error\",\"message\":\"Request not found\"}"));
        clickOn("#testKey");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.keyCheckOutcomeProperty().get() == KeyCheck.Outcome.ACCEPTED);
        assertEquals(2, server.getRequestCount(), "nothing but the two checks was sent");
        assertEquals("", context.parameters().apiKeyProperty().get(), "nothing applies before OK");
        interact(() -> dialog.get().close());
    }
}
