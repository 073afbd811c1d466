package dev.inpaintstudio.app;

import dev.inpaintstudio.settings.AppPaths;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The JavaFX application: builds the context, shows the window, opens a file named on the command line. */
public final class InpaintStudioApp extends Application {
    private AppContext context;
    private AppPaths paths;
    private AppContext.Stored stored;

    static void launchWith(String[] args) {
        Application.launch(InpaintStudioApp.class, args);
    }

    /** Reads the settings, key and last-used parameters here, on the launcher thread, not the UI thread. */
    @Override
    public void init() {
        paths = AppPaths.fromEnvironment();
        stored = AppContext.Stored.load(paths);
    }

    @Override
    public void start(Stage stage) {
        context = new AppContext(paths, stored, Platform::runLater);
        MainWindow window = context.window();
        stage.setScene(window.scene());
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            var doc = window.editor().documentProperty().get();
            return doc == null ? "Inpaint Studio" : doc.name() + " — Inpaint Studio";
        }, window.editor().documentProperty()));
        var icon = InpaintStudioApp.class.getResource("icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        List<String> args = getParameters().getRaw();
        // Ask about a document the last run left behind before anything can overwrite its autosave.
        context.session().offerRestore(session -> askToRestore(stage, session), Platform::runLater)
                .thenAccept(restored -> restored.ifPresentOrElse(window::show,
                        () -> firstFileArgument(args).ifPresent(window::open)));
    }

    private static boolean askToRestore(Stage owner, Autosave.Session session) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE);
        String when = "";
        try {
            when = " (saved " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .format(Instant.parse(session.savedAt()).atZone(ZoneId.systemDefault())) + ")";
        } catch (RuntimeException e) {
            // no time then
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Inpaint Studio did not close properly last time. "
                + "The picture \"" + session.name() + "\" with its mask and settings" + when + " can be restored.",
                restore, discard);
        alert.setHeaderText("Restore your work?");
        alert.initOwner(owner);
        return alert.showAndWait().filter(b -> b == restore).isPresent();
    }

    static java.util.Optional<Path> firstFileArgument(List<String> args) {
        return args.stream().filter(a -> !a.startsWith("-")).map(Path::of).findFirst();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
