package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.settings.AppPaths;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A second start on the same folder, as after a crash: the gallery is there again, and the document
 * that was open is offered back with its mask; after a clean exit nothing is offered.
 */
class RestartUiTest extends ApplicationTest {
    private static final int WALL = 0xff8a7a6a;

    @TempDir
    Path home;

    private AppPaths paths;
    private AppContext first;
    private final List<AppContext> contexts = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        paths = AppPaths.under(home);
        first = new AppContext(paths, Platform::runLater);
        contexts.add(first);
        stage.setScene(first.window().scene());
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        for (AppContext c : contexts) {
            c.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Another start of the app on the same folder (its start-up path, without the dialog). */
    private AppContext startAgain() throws Exception {
        AppContext again = WaitForAsyncUtils.asyncFx(() -> new AppContext(paths, Platform::runLater)).get(30, TimeUnit.SECONDS);
        contexts.add(again);
        return again;
    }

    private static Optional<Document> offered(AppContext context, AtomicReference<Autosave.Session> asked, boolean yes)
            throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> context.session().offerRestore(session -> {
            asked.set(session);
            return yes;
        }, Platform::runLater)).get().get(30, TimeUnit.SECONDS);
    }

    @Test
    void afterAnUncleanExitTheNextStartShowsTheGalleryAndOffersTheDocumentBack() throws Exception {
        assertEquals(Optional.empty(), offered(first, new AtomicReference<>(), true), "nothing left by an earlier run");
        Path picture = home.resolve("wall.png");
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                image.setRGB(x, y, (x + y) % 7 == 0 ? 0xff9a8a7a : WALL);
            }
        }
        ImageIO.write(image, "png", picture.toFile());
        Document doc = first.window().open(picture).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> doc.mask().dab(80, 60, 12, false));
        clickOn("#generate"); // offline: no key is set
        waitUntil(() -> first.window().gallery().getItems().size() == 1);
        StoredResult made = first.window().gallery().getItems().get(0);
        interact(() -> doc.mask().dab(30, 30, 6, false));
        WaitForAsyncUtils.asyncFx(first.session()::saveNow).get().get(10, TimeUnit.SECONDS);

        // The first run never closes: as after a crash or kill, its autosave is left as it was.
        AppContext second = startAgain();
        waitUntil(() -> second.window().gallery().getItems().size() == 1);
        assertEquals(made, second.window().gallery().getItems().get(0), "the gallery is read back from disk");

        AtomicReference<Autosave.Session> asked = new AtomicReference<>();
        Optional<Document> restored = offered(second, asked, true);
        assertNotNull(asked.get(), "the document was offered");
        assertEquals(doc.name(), asked.get().name());
        assertTrue(restored.isPresent());
        Document back = restored.get();
        assertEquals(160, back.width());
        assertEquals(WALL, back.image().getRGB(1, 0));
        assertEquals(255, back.mask().get(80, 60), "the mask sent");
        assertEquals(255, back.mask().get(30, 30), "and the stroke painted after it");
        assertEquals(0, back.mask().get(150, 110));

        // Both close cleanly now: the start after that offers nothing.
        interact(() -> {
            second.close();
            first.close();
        });
        contexts.clear();
        AppContext third = startAgain();
        AtomicReference<Autosave.Session> askedAgain = new AtomicReference<>();
        assertEquals(Optional.empty(), offered(third, askedAgain, true));
        assertNull(askedAgain.get(), "nothing is offered after a clean exit");
        waitUntil(() -> third.window().gallery().getItems().size() == 1);
    }
}
