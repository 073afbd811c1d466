package dev.inpaintstudio.app;

import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.FillOptionsView;
import dev.inpaintstudio.params.ParametersView;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.params.PresetsBar;
import dev.inpaintstudio.params.PresetsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * The right-hand panel: the backend chooser, presets, the chosen backend's options (the offline
 * engine's, or the ModelsLab request form; the other is hidden), Generate and Cancel, progress and
 * status. Generate is disabled while anything is wrong, with a tooltip listing what.
 */
final class SidePanel extends VBox {
    private final PresetsBar presetsBar;
    private final ParametersView form;
    private final Button generate = new Button("Generate");
    private final StringBinding generateTip;

    SidePanel(GenerationViewModel generation, ParametersViewModel parameters, PresetsViewModel presets) {
        super(8);
        getStyleClass().add("side-panel");
        setId("sidePanel");
        setPadding(new Insets(10));
        setPrefWidth(340);
        setMinWidth(290);

        ComboBox<BackendChoice> backend = new ComboBox<>();
        backend.setId("backend");
        backend.getItems().setAll(BackendChoice.OFFLINE, BackendChoice.MODELSLAB);
        backend.setMaxWidth(Double.MAX_VALUE);
        backend.setValue(parameters.backendProperty().get());
        parameters.backendProperty().addListener((obs, o, n) -> backend.setValue(n));
        // Only a pick in the chooser is the artist's choice; the key switching it is not.
        backend.setOnAction(e -> {
            if (backend.getValue() != null && backend.getValue() != parameters.backendProperty().get()) {
                parameters.chooseBackend(backend.getValue());
            }
        });
        backend.setTooltip(new Tooltip("Offline: content-aware fill on this computer, for removing objects, "
                + "blemishes and wires; no account or network. ModelsLab: a diffusion model on the ModelsLab "
                + "service, which paints what a prompt describes; needs an API key."));
        Label backendCaption = new Label("Backend");
        backendCaption.getStyleClass().add("field-caption");

        presetsBar = new PresetsBar(presets);
        form = new ParametersView(parameters);
        FillOptionsView fill = new FillOptionsView(parameters, generation.textureSource());
        BooleanBinding offline = parameters.backendProperty().isEqualTo(BackendChoice.OFFLINE);
        // Hidden, not disabled: what the chosen backend does not use is not in the way.
        fill.visibleProperty().bind(offline);
        fill.managedProperty().bind(offline);
        form.visibleProperty().bind(offline.not());
        form.managedProperty().bind(offline.not());
        ScrollPane scroll = new ScrollPane(new VBox(4, fill, form));
        scroll.setId("parametersScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        generate.setId("generate");
        generate.getStyleClass().add("generate-button");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.setOnAction(e -> generation.generate());
        generate.disableProperty().bind(generation.blockedReasonProperty().isNotEmpty());
        generateTip = Bindings.createStringBinding(() -> {
            if (generation.blockedReasonProperty().get().isEmpty()) {
                return parameters.isOffline() ? "Fill the masked area offline (Ctrl+Enter)"
                        : "Repaint the masked area (Ctrl+Enter)";
            }
            List<String> problems = parameters.problemsProperty().get();
            if (generation.runningProperty().get() || generation.documentProperty().get() == null || problems.isEmpty()) {
                return generation.blockedReasonProperty().get();
            }
            return "Cannot generate yet:\n• " + String.join("\n• ", problems);
        }, generation.blockedReasonProperty(), parameters.problemsProperty(), generation.runningProperty(),
                generation.documentProperty(), parameters.backendProperty());
        Tooltip why = new Tooltip();
        why.setId("generateTooltip");
        why.textProperty().bind(generateTip);
        why.setWrapText(true);
        why.setMaxWidth(420);
        why.setShowDelay(Duration.millis(300));
        // A disabled control shows no tooltip of its own, so the tooltip sits on a wrapper.
        StackPane generateHolder = new StackPane(generate);
        generateHolder.setId("generateHolder");
        Tooltip.install(generateHolder, why);
        HBox.setHgrow(generateHolder, Priority.ALWAYS);

        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> generation.cancel());
        cancel.disableProperty().bind(generation.runningProperty().not());
        HBox buttons = new HBox(8, generateHolder, cancel);

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(generation.progressProperty());
        progress.visibleProperty().bind(generation.runningProperty());
        progress.managedProperty().bind(generation.runningProperty());

        // The reason Generate is disabled also stands below it, for those who do not hover.
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.when(generation.statusProperty().isEmpty().and(generation.runningProperty().not()))
                .then(generation.blockedReasonProperty()).otherwise(generation.statusProperty()));
        generation.statusIsErrorProperty().addListener((obs, o, err) -> status.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("error"), err));

        getChildren().addAll(new VBox(2, backendCaption, backend), presetsBar, scroll, buttons, progress, status);
    }

    /** The preset actions for a menu (new items each call). */
    List<MenuItem> presetMenuItems() {
        return presetsBar.menuItems();
    }

    /** The text of Generate's tooltip: what to do, or everything that stops it. */
    String generateTooltipText() {
        return generateTip.get();
    }

    ParametersView form() {
        return form;
    }
}
