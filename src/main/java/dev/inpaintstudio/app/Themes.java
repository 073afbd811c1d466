package dev.inpaintstudio.app;

import dev.inpaintstudio.settings.Settings.Theme;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

import java.util.ArrayList;
import java.util.List;

/** The stylesheets of each theme: the dark one is the base, the light one overrides its colours. */
final class Themes {
    private Themes() {
    }

    static List<String> stylesheets(Theme theme) {
        List<String> sheets = new ArrayList<>();
        sheets.add(url("inpaint-studio.css"));
        if (theme == Theme.LIGHT) {
            sheets.add(url("inpaint-studio-light.css"));
        }
        return sheets;
    }

    static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(stylesheets(theme));
    }

    static void apply(DialogPane pane, Theme theme) {
        pane.getStylesheets().setAll(stylesheets(theme));
    }

    private static String url(String name) {
        return Themes.class.getResource(name).toExternalForm();
    }
}
