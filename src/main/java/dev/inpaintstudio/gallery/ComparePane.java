package dev.inpaintstudio.gallery;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.Locale;

/**
 * The compare view with its mode buttons floating over it, so the view itself keeps the full size of
 * the tab (as the editor does, which keeps their zoom and pan interchangeable).
 */
public final class ComparePane extends StackPane {
    private final CompareView view;

    public ComparePane(CompareView view) {
        this.view = view;
        getStyleClass().add("compare-pane");
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(4);
        bar.getStyleClass().add("compare-modes");
        bar.setAlignment(Pos.CENTER);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        bar.setPickOnBounds(false);
        for (CompareMode mode : CompareMode.values()) {
            ToggleButton button = new ToggleButton(mode.label());
            button.setId("compare-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.setUserData(mode);
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(mode.description()));
            button.setFocusTraversable(false);
            button.setSelected(view.modeProperty().get() == mode);
            bar.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            } else {
                view.modeProperty().set((CompareMode) n.getUserData());
                view.requestFocus();
            }
        });
        view.modeProperty().addListener((obs, o, mode) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == mode).findFirst().ifPresent(t -> t.setSelected(true)));
        Button fit = new Button("Fit");
        fit.setId("compare-fit");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> {
            view.fit();
            view.requestFocus();
        });
        Label zoom = new Label();
        zoom.getStyleClass().add("compare-zoom");
        zoom.setMinWidth(44);
        zoom.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f %%", view.zoomProperty().multiply(100)));
        Label hint = new Label("Hold F to flip");
        hint.getStyleClass().add("compare-hint");
        bar.getChildren().addAll(fit, zoom, hint);
        bar.visibleProperty().bind(view.resultProperty().isNotNull());
        getChildren().addAll(view, bar);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        StackPane.setMargin(bar, new Insets(0, 0, 10, 0));
    }

    public CompareView view() {
        return view;
    }
}
