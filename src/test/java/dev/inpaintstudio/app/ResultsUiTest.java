package dev.inpaintstudio.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.editor.EditorView;
import dev.inpaintstudio.gallery.CompareMode;
import dev.inpaintstudio.gallery.CompareView;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.imaging.DifferenceImage;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.testserver.FakeModelsLabServer;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Iterating from a result, comparing it, and keeping the work safe, as the artist does it in the window. */
class ResultsUiTest extends ApplicationTest {
    private static final int ORIGINAL = 0xff3366aa;

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        server.setDispatcher(new FakeModelsLabServer(Duration.ofMillis(500)));
        server.start();
        context = AppWindowSetup.context(AppPaths.under(home));
        AppWindowSetup.pasteBackExactly(context);
        window = context.window();
        AppWindowSetup.useServer(context, server, "results-test-key", "a blue door");
        AppWindowSetup.show(stage, context);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        server.shutdown();
    }

    private Document openPaintedPicture() throws Exception {
        Path picture = home.resolve("picture.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, ORIGINAL);
            }
        }
        ImageIO.write(image, "png", picture.toFile());
        Document doc = window.open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().dab(200, 150, 50, false));
        return doc;
    }

    private StoredResult generateOne(int expectedCount) throws Exception {
        clickOn("#generate");
        waitUntil(() -> window.gallery().getItems().size() == expectedCount);
        WaitForAsyncUtils.waitForFxEvents();
        return window.gallery().getItems().get(0);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private EditorView editor() {
        return lookup("#editor").queryAs(EditorView.class);
    }

    @Test
    void continuingFromAResultKeepsTheMaskAndTheNextResultRemembersItsParent() throws Exception {
        Document original = openPaintedPicture();
        StoredResult first = generateOne(1);
        assertNull(first.parentId());
        BufferedImage firstPixels = ImageIO.read(first.resultFile().toFile());

        interact(() -> window.gallery().getSelectionModel().select(first));
        clickOn("#continueFromResult");
        waitUntil(() -> editor().documentProperty().get() != original);
        Document derived = editor().documentProperty().get();
        assertEquals(firstPixels.getRGB(200, 150), derived.image().getRGB(200, 150), "the result is the new picture");
        assertEquals(ORIGINAL, derived.image().getRGB(10, 10));
        assertEquals(255, derived.mask().get(200, 150), "the mask is kept");
        assertEquals(0, derived.mask().get(10, 10));
        assertEquals(0, lookup("#centre").queryAs(TabPane.class).getSelectionModel().getSelectedIndex(), "back in the editor");

        StoredResult second = generateOne(2);
        assertEquals(first.id(), second.parentId(), "the branch can be followed back");
        assertEquals(first.id(), new ObjectMapper().readTree(second.resultFile().resolveSibling("record.json").toFile())
                .get("parentResultId").asText());
        assertTrue(lookup(".thumbnail-caption").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("↳")), "the gallery marks it as derived");

        interact(() -> window.gallery().getSelectionModel().select(second));
        clickOn("#showParent");
        assertEquals(first, window.gallery().getSelectionModel().getSelectedItem());
    }

    @Test
    void reuseSettingsPutsTheResultsParametersAndSeedBackInTheSidePanel() throws Exception {
        openPaintedPicture();
        StoredResult result = generateOne(1);
        assertNotNull(result.seedUsed(), "the fake server picks a seed and reports it");
        waitUntil(() -> lookup(".thumbnail-cell").queryAll().stream()
                .map(cell -> ((javafx.scene.control.ListCell<?>) cell).getGraphic())
                .filter(g -> g instanceof javafx.scene.layout.VBox)
                .map(g -> (javafx.scene.image.ImageView) ((javafx.scene.layout.VBox) g).getChildren().get(0))
                .anyMatch(view -> view.getImage() != null && view.getImage().getWidth() > 0));
        assertTrue(java.nio.file.Files.isRegularFile(result.thumbnailFile()), "the gallery shows the cached thumbnail");
        interact(() -> {
            context.parameters().promptProperty().set("something else");
            context.parameters().randomSeedProperty().set(true);
            context.parameters().textProperty(ApiField.STEPS).set("15");
        });
        interact(() -> window.gallery().getSelectionModel().select(result));
        clickOn("#reuseParameters");
        waitUntil(() -> "a blue door".equals(context.parameters().promptProperty().get()));
        assertEquals(Long.toString(result.seedUsed()), context.parameters().seedProperty().get());
        assertFalse(context.parameters().randomSeedProperty().get(), "the seed is fixed to the result's");
        assertEquals("21", context.parameters().textProperty(ApiField.STEPS).get());
        assertEquals(Endpoint.V6_IMAGES, context.parameters().endpointProperty().get());
    }

    @Test
    void theDifferenceViewShowsAChangeOutsideTheMaskAndFHoldsTheOriginal() throws Exception {
        openPaintedPicture();
        StoredResult result = generateOne(1);
        // A seam outside the mask, as a bad paste-back would leave.
        BufferedImage after = ImageIO.read(result.resultFile().toFile());
        after.setRGB(20, 20, 0xffffffff);
        ImageIO.write(after, "png", result.resultFile().toFile());

        CompareView compare = window.compareView();
        interact(() -> {
            compare.resultProperty().set(null);
            window.gallery().getSelectionModel().clearSelection();
            window.gallery().getSelectionModel().select(result);
        });
        clickOn("#compare-difference");
        assertEquals(CompareMode.DIFFERENCE, compare.modeProperty().get());
        waitUntil(() -> compare.differenceProperty().get() != null);
        var pixels = compare.differenceProperty().get().getPixelReader();
        assertEquals(DifferenceImage.OUTSIDE_CHANGE, pixels.getArgb(20, 20), "the seam stands out in magenta");
        assertNotEquals(DifferenceImage.OUTSIDE_CHANGE, pixels.getArgb(60, 60), "unchanged outside: dimmed");
        assertNotEquals(0xff000000, pixels.getArgb(200, 150), "the repainted middle shows its change");
        assertTrue(compare.differenceSummaryProperty().get().contains("1 outside it"),
                compare.differenceSummaryProperty().get());

        clickOn(compare);
        press(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(compare.flippedProperty().get(), "holding F shows the original");
        release(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(compare.flippedProperty().get());

        clickOn("#compare-side-by-side");
        assertEquals(CompareMode.SIDE_BY_SIDE, compare.modeProperty().get());
    }

    @Test
    void theCompareViewTakesTheEditorsZoomAndPanAndGivesThemBack() throws Exception {
        openPaintedPicture();
        StoredResult result = generateOne(1);
        interact(() -> {
            lookup("#centre").queryAs(TabPane.class).getSelectionModel().select(0);
            editor().zoomTo(2);
        });
        double scale = editor().viewport().scale();
        double offsetX = editor().viewport().offsetX();
        interact(() -> lookup("#centre").queryAs(TabPane.class).getSelectionModel().select(1));
        CompareView compare = window.compareView();
        assertEquals(result, compare.resultProperty().get());
        assertEquals(scale, compare.scale(), 1e-9);
        assertEquals(offsetX, compare.offsetX(), 1e-9);

        interact(() -> compare.showTransform(3, -100, -50));
        interact(() -> lookup("#centre").queryAs(TabPane.class).getSelectionModel().select(0));
        assertEquals(3, editor().viewport().scale(), 1e-9);
        assertEquals(-100, editor().viewport().offsetX(), 1e-6);
        assertEquals(-50, editor().viewport().offsetY(), 1e-6);
    }

    @Test
    void closingAsksAboutAnUnusedMaskAndRunningJobsAndAutosaveRestoresTheWork() throws Exception {
        SessionViewModel session = context.session();
        interact(session::enable);
        assertEquals("", WaitForAsyncUtils.asyncFx(session::closeWarning).get());
        Document doc = openPaintedPicture();
        String warning = WaitForAsyncUtils.asyncFx(session::closeWarning).get();
        assertTrue(warning.contains("mask"), warning);

        WaitForAsyncUtils.asyncFx(session::saveNow).get().get(10, TimeUnit.SECONDS);
        Optional<Autosave.Snapshot> saved = new Autosave(home.resolve("data").resolve("autosave")).load();
        assertTrue(saved.isPresent(), "the open picture, its mask and settings are on disk");
        assertEquals("a blue door", saved.get().session().parameters().get("PROMPT"));
        assertEquals("V6_IMAGES", saved.get().session().endpoint());
        assertFalse(String.valueOf(saved.get().session().parameters()).contains("results-test-key"));
        Document restored = WaitForAsyncUtils.asyncFx(() -> session.restore(saved.get())).get();
        assertEquals(255, restored.mask().get(200, 150));
        assertEquals(0, restored.mask().get(5, 5));
        assertEquals(ORIGINAL, restored.image().getRGB(5, 5));
        assertEquals(doc.name(), restored.name());

        clickOn("#generate");
        waitUntil(() -> session.closeWarning().contains("under way") && !session.closeWarning().contains("mask"));
        waitUntil(() -> window.gallery().getItems().size() == 1);
        waitUntil(() -> session.closeWarning().isEmpty());

        interact(session::closeCleanly);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> new Autosave(home.resolve("data").resolve("autosave")).load().isEmpty());
    }
}
