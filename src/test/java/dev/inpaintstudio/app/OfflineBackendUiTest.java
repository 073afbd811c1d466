package dev.inpaintstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.FillPreset;
import dev.inpaintstudio.params.FillSettings;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The offline backend in the real window, on a fresh install with no key: the chooser, Generate, the gallery, reuse. */
class OfflineBackendUiTest extends ApplicationTest {
    private static final int WALL = 0xff8a7a6a;
    private static final int OBJECT = 0xff1030e0;

    @TempDir
    static Path home;

    private AppContext context;
    private MainWindow window;
    private AppPaths paths;

    @Override
    public void start(Stage stage) throws Exception {
        paths = AppPaths.under(home.resolve("h" + System.nanoTime()));
        context = new AppContext(paths, Platform::runLater);
        window = context.window();
        stage.setScene(window.scene());
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Shown: it and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Document openPictureWithAnObject() throws Exception {
        Path picture = home.resolve("wall.png");
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                boolean object = x >= 70 && x < 86 && y >= 50 && y < 66;
                image.setRGB(x, y, object ? OBJECT : (x + y) % 7 == 0 ? 0xff9a8a7a : WALL);
            }
        }
        ImageIO.write(image, "png", picture.toFile());
        Document doc = window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().dab(78, 58, 14, false));
        return doc;
    }

    @Test
    void offlineIsTheDefaultWithNoKeyAndTheChooserShowsOnlyWhatEachBackendUses() throws Exception {
        openPictureWithAnObject();
        ComboBox<?> chooser = lookup("#backend").queryComboBox();
        assertEquals(BackendChoice.OFFLINE, chooser.getValue());
        assertTrue(shown(lookup("#fillQuality").query()));
        assertTrue(shown(lookup("#patchSize").query()));
        assertTrue(shown(lookup("#fillSeed").query()));
        assertFalse(shown(lookup("#endpoint").query()), "the ModelsLab fields are hidden");
        assertFalse(shown(lookup("#prompt").query()));
        Button generate = lookup("#generate").queryButton();
        assertFalse(generate.isDisabled(), "no key is needed offline: " + window.panel().generateTooltipText());
        assertEquals("Fill the masked area offline (Ctrl+Enter)", window.panel().generateTooltipText());

        clickOn("#backend");
        clickOn(BackendChoice.MODELSLAB.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BackendChoice.MODELSLAB, context.parameters().backendProperty().get());
        assertTrue(shown(lookup("#endpoint").query()));
        assertTrue(shown(lookup("#prompt").query()));
        assertFalse(shown(lookup("#fillQuality").query()), "the offline options are hidden");
        assertTrue(generate.isDisabled());
        assertTrue(window.panel().generateTooltipText().contains("No API key is set"), window.panel().generateTooltipText());
        assertEquals(Optional.of("modelslab"), context.settings().backendChoice(), "the artist's pick is remembered");

        clickOn("#backend");
        clickOn(BackendChoice.OFFLINE.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(lookup("#fillQuality").query()));
        assertFalse(generate.isDisabled());
    }

    @Test
    void untilTheArtistPicksTheBackendFollowsTheKeyAndAPickOutlastsARestart() throws Exception {
        assertFalse(context.parameters().backendChosenProperty().get());
        interact(() -> context.parameters().apiKeyProperty().set("a-key-entered-in-settings"));
        assertEquals(BackendChoice.MODELSLAB, context.parameters().backendProperty().get());
        interact(() -> context.parameters().apiKeyProperty().set(""));
        assertEquals(BackendChoice.OFFLINE, context.parameters().backendProperty().get());

        // A new start with a key stored and no pick: ModelsLab. With the artist's pick of offline: offline.
        Settings settings = Settings.load(paths.configDir());
        AppContext.Stored withKey = new AppContext.Stored(settings, Optional.of("stored-key"), Optional.empty());
        AppContext[] next = new AppContext[1];
        interact(() -> next[0] = new AppContext(AppPaths.under(home.resolve("k" + System.nanoTime())), withKey, Platform::runLater));
        assertEquals(BackendChoice.MODELSLAB, next[0].parameters().backendProperty().get());
        interact(next[0]::close);

        settings.setBackendChoice("local");
        interact(() -> next[0] = new AppContext(AppPaths.under(home.resolve("p" + System.nanoTime())), withKey, Platform::runLater));
        assertEquals(BackendChoice.OFFLINE, next[0].parameters().backendProperty().get());
        assertTrue(next[0].parameters().backendChosenProperty().get());
        interact(() -> next[0].parameters().apiKeyProperty().set("another"));
        assertEquals(BackendChoice.OFFLINE, next[0].parameters().backendProperty().get(), "a pick is not overridden by the key");
        interact(next[0]::close);
    }

    @Test
    void generateOfflinePutsAFilledResultInTheGalleryAndReuseSettingsBringsItsOptionsBack() throws Exception {
        Document doc = openPictureWithAnObject();
        interact(() -> context.parameters().setFillSettings(new FillSettings(FillPreset.FAST, 5, "", true)));
        clickOn("#generate");
        waitUntil(() -> window.gallery().getItems().size() == 1);
        StoredResult result = window.gallery().getItems().get(0);
        assertTrue(result.offline());
        assertEquals("Offline fill", result.caption());
        BufferedImage after = ImageIO.read(result.resultFile().toFile());
        assertEquals(160, after.getWidth());
        assertEquals(120, after.getHeight());
        assertNotEquals(OBJECT, after.getRGB(78, 58), "the object is filled from the wall around it");
        assertEquals(doc.image().getRGB(5, 5), after.getRGB(5, 5), "far from the mask nothing changes");
        JsonNode record = new ObjectMapper().readTree(result.resultFile().resolveSibling("record.json").toFile());
        assertEquals("local", record.path("backend").asText());
        assertEquals(5, record.path("fill").path("patchSize").asInt());
        long seed = record.path("fill").path("seed").asLong();
        waitUntil(() -> context.jobs().items().stream().allMatch(i -> !i.status().state().isActive()));

        interact(() -> {
            context.parameters().chooseBackend(BackendChoice.MODELSLAB);
            context.parameters().setFillSettings(FillSettings.DEFAULT);
            window.gallery().getSelectionModel().select(result);
        });
        clickOn("#reuseParameters");
        waitUntil(() -> context.parameters().backendProperty().get() == BackendChoice.OFFLINE);
        assertEquals(new FillSettings(FillPreset.FAST, 5, Long.toString(seed), false), context.parameters().fillSettings());
        assertTrue(shown(lookup("#fillQuality").query()), "the panel is back on the offline options");
    }
}
