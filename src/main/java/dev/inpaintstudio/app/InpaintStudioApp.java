package dev.inpaintstudio.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class InpaintStudioApp extends Application {
    static void launchWith(String[] args) {
        Application.launch(InpaintStudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Inpaint Studio");
        stage.setScene(new Scene(new Label("Inpaint Studio"), 1280, 800));
        stage.show();
    }
}
