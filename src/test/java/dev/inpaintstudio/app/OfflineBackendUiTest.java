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
    private static final int MOSS = 0xff208040;

    @TempDir
    static Path home;

    private AppContext context;
    private MainWindow window;
    private AppPaths paths;

    @Override
    public void start(Stage stage) throws Exception {
        paths = AppPaths.under(home.resolve("h" + System.nanoTime()));
        context = AppWindowSetup.context(paths);
        window = context.window();
        AppWindowSetup.show(stage, context);
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

    @Test
    void aBoxDrawnOnThePictureIsWhereTheFillTakesItsTextureFrom() throws Exception {
        Path picture = home.resolve("two-walls.png");
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                boolean object = x >= 70 && x < 86 && y >= 50 && y < 66;
                boolean moss = x < 40; // a green strip far from the object: without a box, the wall wins
                image.setRGB(x, y, object ? OBJECT : moss ? ((x + y) % 5 == 0 ? 0xff30b050 : MOSS) : WALL);
            }
        }
        ImageIO.write(image, "png", picture.toFile());
        Document doc = window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().dab(78, 58, 14, false));
        interact(() -> context.parameters().setFillSettings(new FillSettings(FillPreset.FAST, 5, "7", false)));
        assertEquals("Anywhere outside the mask.", lookup("#textureBoxText").queryLabeled().getText());
        assertTrue(lookup("#textureBoxClear").queryButton().isDisabled());

        clickOn("#textureBoxDraw");
        assertTrue(lookup("#textureBoxText").queryLabeled().getText().startsWith("Drag a box"));
        var editor = window.editor();
        drag(screenOf(editor, 2, 4)).moveTo(screenOf(editor, 36, 116)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        var box = context.generation().textureSource().boxProperty().get();
        assertNotNull(box, "the drag drew a box");
        assertTrue(Math.abs(box.x() - 2) <= 1 && Math.abs(box.y() - 4) <= 1 && Math.abs(box.right() - 36) <= 1
                && Math.abs(box.bottom() - 116) <= 1, "the box is where it was dragged: " + box);
        assertFalse(context.generation().textureSource().pickingProperty().get(), "one box per click of the button");
        assertTrue(shown(lookup("#textureBox").query()), "the box is drawn over the picture");
        assertTrue(lookup("#textureBoxText").queryLabeled().getText().startsWith("Only the "));
        assertTrue(doc.mask().get(78, 58) > 0, "the mask is as painted");
        assertEquals(0, doc.mask().get(20, 60), "the drag did not paint the mask");
        assertTrue(context.generation().cropPreviewProperty().get().box().x() <= box.x(), "the crop holds the texture box");

        clickOn("#generate");
        waitUntil(() -> window.gallery().getItems().size() == 1);
        StoredResult result = window.gallery().getItems().get(0);
        BufferedImage after = ImageIO.read(result.resultFile().toFile());
        int greenish = 0;
        for (int y = 52; y < 64; y++) {
            for (int x = 72; x < 84; x++) {
                int rgb = after.getRGB(x, y);
                if (((rgb >> 8) & 0xff) > ((rgb >> 16) & 0xff) + 40) {
                    greenish++;
                }
            }
        }
        assertEquals(144, greenish, "the hole is filled from the green box, not from the wall around it");
        JsonNode record = new ObjectMapper().readTree(result.resultFile().resolveSibling("record.json").toFile());
        assertTrue(record.path("fill").path("sourceRegion").asBoolean(), record.toString());

        clickOn("#textureBoxClear");
        assertNull(context.generation().textureSource().boxProperty().get());
        assertFalse(shown(lookup("#textureBox").query()));
    }

    @Test
    void escCancelsDrawingATextureBoxAndANewPictureStartsWithout() throws Exception {
        openPictureWithAnObject();
        var editor = window.editor();
        clickOn("#textureBoxDraw");
        type(javafx.scene.input.KeyCode.ESCAPE);
        assertFalse(context.generation().textureSource().pickingProperty().get());
        assertNull(context.generation().textureSource().boxProperty().get());

        clickOn("#textureBoxDraw");
        drag(screenOf(editor, 10, 10)).moveTo(screenOf(editor, 50, 50)).release(javafx.scene.input.MouseButton.PRIMARY);
        assertNotNull(context.generation().textureSource().boxProperty().get());
        openPictureWithAnObject();
        assertNull(context.generation().textureSource().boxProperty().get(), "a box belongs to the picture it was drawn on");
    }

    /** Where picture pixel (x, y) is on the screen. */
    private static javafx.geometry.Point2D screenOf(dev.inpaintstudio.editor.EditorView editor, double x, double y) {
        return editor.localToScreen(editor.viewport().toViewX(x), editor.viewport().toViewY(y));
    }
}
