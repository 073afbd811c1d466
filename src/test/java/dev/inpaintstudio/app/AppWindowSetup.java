package dev.inpaintstudio.app;

import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.settings.AppPaths;
import javafx.application.Platform;
import javafx.stage.Stage;
import okhttp3.mockwebserver.MockWebServer;

/** How the window tests start the app: its context, a fake server to talk to, a 1200×800 stage. */
public final class AppWindowSetup {
    private AppWindowSetup() {
    }

    /** The app's context over these files, its UI work run on the FX thread. */
    public static AppContext context(AppPaths paths) {
        return new AppContext(paths, Platform::runLater);
    }

    /** Points the app at {@code server} with a key, a model and a prompt, so Generate is ready. */
    public static void useServer(AppContext context, MockWebServer server, String key, String prompt) {
        context.parameters().baseUrlProperty().set(server.url("/").toString().replaceAll("/$", ""));
        context.parameters().apiKeyProperty().set(key);
        context.parameters().modelIdProperty().set("test-model");
        context.parameters().promptProperty().set(prompt);
    }

    /** The fake server answers with a flat colour: a hard edge and no colour matching keep it exact. */
    public static void pasteBackExactly(AppContext context) {
        context.generation().cropSettingsProperty().set(new CropSettings(32, false, 0, false));
    }

    public static void show(Stage stage, AppContext context) {
        stage.setScene(context.window().scene());
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }
}
