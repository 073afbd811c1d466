package dev.inpaintstudio.params;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import static dev.inpaintstudio.params.ParameterLimits.*;

/** The side panel's request form. Thin: every control is bound to {@link ParametersViewModel}. */
public final class ParametersView extends VBox {
    // Kept as fields: JavaFX holds bidirectional bindings weakly.
    private final DoubleProperty stepsAsDouble = new SimpleDoubleProperty();

    public ParametersView(ParametersViewModel vm) {
        super(6);
        getStyleClass().add("parameters-view");

        PasswordField apiKey = new PasswordField();
        apiKey.setId("apiKey");
        apiKey.setPromptText("Your ModelsLab API key");
        apiKey.textProperty().bindBidirectional(vm.apiKeyProperty());

        TextField modelId = new TextField();
        modelId.setId("modelId");
        modelId.setPromptText("e.g. realistic-vision-v51");
        modelId.textProperty().bindBidirectional(vm.modelIdProperty());

        TextArea prompt = new TextArea();
        prompt.setId("prompt");
        prompt.setPromptText("What should appear in the masked area");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.textProperty().bindBidirectional(vm.promptProperty());

        TextArea negative = new TextArea();
        negative.setId("negativePrompt");
        negative.setPromptText("What to avoid");
        negative.setWrapText(true);
        negative.setPrefRowCount(2);
        negative.textProperty().bindBidirectional(vm.negativePromptProperty());

        NumberField strength = new NumberField(vm.strengthProperty(), STRENGTH_MIN, STRENGTH_MAX, 0.01, "%.2f");
        strength.setId("strength");
        Tooltip.install(strength, new Tooltip("How far the masked area may move away from the original (0–1)."));
        NumberField guidance = new NumberField(vm.guidanceScaleProperty(), GUIDANCE_MIN, GUIDANCE_MAX, 0.5, "%.1f");
        guidance.setId("guidanceScale");
        Tooltip.install(guidance, new Tooltip("How closely to follow the prompt (1–20)."));
        stepsAsDouble.set(vm.stepsProperty().get());
        stepsAsDouble.addListener((o, a, b) -> vm.stepsProperty().set((int) Math.round(b.doubleValue())));
        vm.stepsProperty().addListener((o, a, b) -> stepsAsDouble.set(b.intValue()));
        NumberField steps = new NumberField(stepsAsDouble, STEPS_MIN, STEPS_MAX, 1, "%.0f");
        steps.setId("steps");
        Tooltip.install(steps, new Tooltip("Denoising steps. The v6 endpoint caps values above 20 at 20."));

        Spinner<Integer> samples = new Spinner<>(SAMPLES_MIN, SAMPLES_MAX, vm.samplesProperty().get());
        samples.setId("samples");
        samples.setEditable(true);
        samples.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.samplesProperty().set(b);
            }
        });
        vm.samplesProperty().addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));

        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPromptText("random");
        seed.textProperty().bindBidirectional(vm.seedProperty());
        seed.setTooltip(new Tooltip("Empty for a new random seed each time; a number repeats a result."));

        TextField baseUrl = new TextField();
        baseUrl.setId("baseUrl");
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrl.setTooltip(new Tooltip("The ModelsLab server. Point it at a local test server or a gateway if you use one."));
        TitledPane advanced = new TitledPane("Server", new VBox(4, new Label("Base URL"), baseUrl));
        advanced.setExpanded(false);

        getChildren().addAll(
                caption("API key"), apiKey,
                caption("Model"), modelId,
                caption("Prompt"), prompt,
                caption("Negative prompt"), negative,
                caption("Strength"), strength,
                caption("Guidance scale"), guidance,
                caption("Steps"), steps,
                caption("Samples"), samples,
                caption("Seed"), seed,
                advanced);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }
}
