package dev.inpaintstudio.params;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The offline engine's options in words an artist knows: a quality/speed preset, the patch size, the
 * seed and where texture may come from. Thin: every editor is bound to {@link ParametersViewModel}, which checks and keeps them.
 * Ids: {@code #fillQuality}, {@code #patchSize}, {@code #fillSeed}, {@code #fillRandomSeed},
 * {@code #fillSeedError}, {@code #fillSize}, and for the texture source {@code #textureBoxDraw},
 * {@code #textureBoxClear}, {@code #textureBoxText}.
 */
public final class FillOptionsView extends VBox {
    public FillOptionsView(ParametersViewModel vm, TextureSource texture) {
        super(4);
        getStyleClass().add("fill-options-view");
        setId("fillOptions");

        Label about = new Label("Repaints the masked area from the rest of the picture, on this computer: "
                + "for removing objects, blemishes and wires. No account, no network.");
        about.setWrapText(true);
        about.getStyleClass().add("field-hint");

        ComboBox<FillPreset> quality = new ComboBox<>();
        quality.setId("fillQuality");
        quality.getItems().setAll(FillPreset.values());
        quality.setMaxWidth(Double.MAX_VALUE);
        quality.valueProperty().bindBidirectional(vm.fillPresetProperty());
        quality.setTooltip(new Tooltip("Fast tries fewer candidate patches; Best quality searches longer and "
                + "refines at more scales."));

        Spinner<Integer> patch = new Spinner<>();
        patch.setId("patchSize");
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                FillSettings.MIN_PATCH, FillSettings.MAX_PATCH, vm.patchSizeProperty().get(), 2);
        patch.setValueFactory(sizes);
        patch.setEditable(true);
        patch.setMaxWidth(Double.MAX_VALUE);
        sizes.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.patchSizeProperty().set(n);
            }
        });
        vm.patchSizeProperty().addListener((obs, o, n) -> sizes.setValue(n.intValue()));
        patch.setTooltip(new Tooltip("Side of the square pieces of texture compared and copied, in pixels (odd). "
                + "Small for fine detail, large for coarse structure such as bricks or foliage."));

        TextField seed = new TextField();
        seed.setId("fillSeed");
        seed.setPromptText("random");
        seed.setPrefColumnCount(8);
        seed.textProperty().bindBidirectional(vm.fillSeedProperty());
        seed.disableProperty().bind(vm.fillRandomSeedProperty());
        HBox.setHgrow(seed, Priority.ALWAYS);
        CheckBox random = new CheckBox("Random");
        random.setId("fillRandomSeed");
        random.selectedProperty().bindBidirectional(vm.fillRandomSeedProperty());
        random.setTooltip(new Tooltip("A new seed each time, so Generate again gives another fill. "
                + "Off: the same seed, picture and mask give the same fill."));
        HBox seedRow = new HBox(8, seed, random);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        Label seedError = new Label();
        seedError.setId("fillSeedError");
        seedError.getStyleClass().add("field-error");
        seedError.setWrapText(true);
        seedError.textProperty().bind(vm.fillProblemProperty());
        seedError.visibleProperty().bind(vm.fillProblemProperty().isNotEmpty());
        seedError.managedProperty().bind(seedError.visibleProperty());
        vm.fillProblemProperty().addListener((obs, o, n) -> seed.pseudoClassStateChanged(ParametersView.INVALID, !n.isEmpty()));

        Label size = new Label();
        size.setId("fillSize");
        size.setWrapText(true);
        size.getStyleClass().add("size-info");
        size.textProperty().bind(vm.sizeTextProperty());
        size.setTooltip(new Tooltip("The offline engine works on the crop around the mask at the picture's own "
                + "resolution (large crops are scaled down to fit its limit) and pastes the fill back through the "
                + "feathered mask."));

        ToggleButton drawBox = new ToggleButton("Draw a box…");
        drawBox.setId("textureBoxDraw");
        drawBox.selectedProperty().bindBidirectional(texture.pickingProperty());
        drawBox.setTooltip(new Tooltip("Then drag over the picture: the fill copies texture only from inside that box "
                + "(the sky, not the roof). Esc cancels."));
        Button anywhere = new Button("Anywhere");
        anywhere.setId("textureBoxClear");
        anywhere.disableProperty().bind(texture.boxProperty().isNull().and(texture.pickingProperty().not()));
        anywhere.setOnAction(e -> texture.clear());
        anywhere.setTooltip(new Tooltip("Take texture from anywhere outside the mask again."));
        HBox textureRow = new HBox(8, drawBox, anywhere);
        textureRow.setAlignment(Pos.CENTER_LEFT);
        Label textureText = new Label();
        textureText.setId("textureBoxText");
        textureText.setWrapText(true);
        textureText.getStyleClass().add("field-hint");
        textureText.textProperty().bind(texture.descriptionProperty());

        getChildren().addAll(about, caption("Quality"), quality, caption("Patch size (px)"), patch, caption("Seed"),
                seedRow, seedError, caption("Take texture from"), textureRow, textureText, caption("Works on"), size);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }
}
