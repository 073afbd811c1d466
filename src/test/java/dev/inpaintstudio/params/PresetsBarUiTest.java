package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.Endpoint;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The presets chooser with the mouse: choosing the preset shown again, and what rename and delete act on. */
class PresetsBarUiTest extends ApplicationTest {
    @TempDir
    Path config;

    private ParametersViewModel parameters;
    private PresetsViewModel presets;
    private PresetsBar bar;

    @Override
    public void start(Stage stage) {
        parameters = new ParametersViewModel();
        // Files are small: the same thread is fine here, and each action is done when it returns.
        presets = new PresetsViewModel(parameters, new PresetStore(config), Runnable::run, Runnable::run,
                () -> Endpoint.V6_IMAGES);
        bar = new PresetsBar(presets);
        stage.setScene(new Scene(new VBox(bar), 420, 320));
        stage.show();
    }

    private void saveTwo() {
        interact(() -> {
            parameters.promptProperty().set("alpha prompt");
            presets.save("Alpha");
            parameters.promptProperty().set("beta prompt");
            presets.save("Beta");
        });
        assertEquals(List.of("Alpha", "Beta"), presets.names());
    }

    /** Opens the chooser and clicks the named preset in its list. */
    private void pick(String name) {
        clickOn("#presets");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("rawtypes")
        ListCell cell = lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> name.equals(c.getText()) && c.getScene() != bar.getScene() && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in the open list"));
        clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingTheShownPresetAgainDropsTheEdits() {
        saveTwo();
        pick("Alpha");
        assertEquals("alpha prompt", parameters.promptProperty().get());
        assertEquals("Alpha", presets.selectedProperty().get());

        interact(() -> parameters.promptProperty().set("alpha, edited"));
        pick("Alpha");
        assertEquals("alpha prompt", parameters.promptProperty().get(), "chosen again, the preset is loaded again");

        interact(() -> parameters.promptProperty().set("alpha, edited again"));
        clickOn("#presets"); // opening and closing the list is no choice
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("alpha, edited again", parameters.promptProperty().get());
    }

    @Test
    void renameAndDeleteActOnThePresetTheChooserShows() throws Exception {
        saveTwo();
        pick("Alpha");
        // Beta's file goes away behind the app's back: choosing it fails, Alpha stays loaded.
        try (var files = Files.list(config.resolve("presets"))) {
            for (Path f : files.toList()) {
                if (Files.readString(f).contains("beta prompt")) {
                    Files.delete(f);
                }
            }
        }
        pick("Beta");
        assertTrue(presets.messageIsErrorProperty().get(), presets.messageProperty().get());
        assertEquals("Alpha", presets.selectedProperty().get());
        assertEquals("Beta", bar.shownPreset());

        clickOn("#presetsMenu");
        clickOn("Rename Preset…");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane rename = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(rename.getHeaderText().contains("\"Beta\""), rename.getHeaderText());
        clickOn(button(rename, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();

        clickOn("#presetsMenu");
        clickOn("Delete Preset");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane delete = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Delete the preset \"Beta\"?", delete.getContentText());
        clickOn(button(delete, "OK"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presets.store().exists("Alpha"), "the preset loaded last is not the one deleted");
        assertEquals(List.of("Alpha"), presets.names());
    }

    private static Button button(DialogPane pane, String text) {
        return pane.getButtonTypes().stream().map(pane::lookupButton).filter(b -> b instanceof Button)
                .map(b -> (Button) b).filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " button"));
    }
}
