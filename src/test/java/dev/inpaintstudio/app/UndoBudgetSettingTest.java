package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.Document;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The undo memory set in Settings is what the documents shown in the editor get, and a change applies at once. */
class UndoBudgetSettingTest extends ApplicationTest {
    private static final long MIB = 1024L * 1024;

    @TempDir
    static Path home;

    private AppContext context;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.under(home.resolve("app"));
        Settings settings = Settings.load(paths.configDir());
        settings.setUndoBudgetMegabytes(16);
        context = new AppContext(paths, new AppContext.Stored(settings, Optional.empty(), Optional.empty()), Platform::runLater);
        stage.setScene(context.window().scene());
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        interact(context::close);
    }

    @Test
    void openedAndRestoredPicturesGetTheSettingAndSavingAppliesIt() throws Exception {
        Path file = home.resolve("picture.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        Document opened = context.window().open(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(opened, context.window().editor().documentProperty().get());
        assertEquals(16 * MIB, opened.history().budgetBytes(), "an opened picture");

        SettingsViewModel vm = context.newSettingsViewModel();
        interact(() -> {
            vm.undoBudgetMegabytesProperty().set(48);
            vm.apply();
        });
        assertEquals(48 * MIB, opened.history().budgetBytes(), "saving the settings applies to the open picture");

        Autosave.Snapshot snapshot = new Autosave.Snapshot(
                Autosave.session("restored", "restored.png", null, 32, 24, context.parameters().snapshot(), null),
                new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), new byte[32 * 24]);
        Document[] restored = new Document[1];
        interact(() -> {
            restored[0] = context.session().restore(snapshot);
            assertEquals(48 * MIB, restored[0].history().budgetBytes(), "a restored picture, before it is shown");
            context.window().show(restored[0]);
        });
        assertEquals(48 * MIB, restored[0].history().budgetBytes(), "a restored picture");
    }
}
