package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The form on its own: switching endpoints with the mouse, what is shown, and the messages at the fields. */
class ParametersViewUiTest extends ApplicationTest {
    private ParametersViewModel vm;
    private ParametersView view;

    @Override
    public void start(Stage stage) {
        vm = new ParametersViewModel();
        vm.apiKeyProperty().set("k");
        vm.modelIdProperty().set("realistic-vision-v51");
        view = new ParametersView(vm);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 420, 780));
        stage.show();
    }

    private void choose(Endpoint endpoint) {
        clickOn("#endpoint");
        clickOn(endpoint.displayName());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(endpoint, vm.endpointProperty().get(), "the click chose " + endpoint.displayName());
    }

    /** Shown on screen: visible itself and inside shown parents. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Node field(ApiField field) {
        return lookup("#" + ParametersView.idOf(field)).query();
    }

    @Test
    void switchingEndpointsHidesTheFieldsItLacksWithoutDisablingThem() {
        interact(() -> lookup("#advanced").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        for (Endpoint e : List.of(Endpoint.V3, Endpoint.ENTERPRISE, Endpoint.ENTERPRISE_PONY, Endpoint.V4_DREAMBOOTH,
                Endpoint.V6_IMAGES)) {
            choose(e);
            for (ApiField f : ApiField.values()) {
                boolean has = e.profile().has(f);
                assertEquals(has, view.isShown(f), f + " on " + e.displayName());
                if (f != ApiField.LORA_STRENGTH) {
                    Node editor = field(f);
                    assertEquals(has, shown(editor), f + " on screen for " + e.displayName());
                    assertFalse(editor.isDisabled() && !has, f + " is hidden, not merely disabled");
                }
            }
        }
        // Sections without a field go too: v3 has no model, no LoRA, no IP adapter.
        choose(Endpoint.V3);
        assertFalse(shown(lookup("#section-models").query()));
        assertFalse(shown(lookup("#section-ip-adapter").query()));
        choose(Endpoint.V6_IMAGES);
        assertTrue(shown(lookup("#section-ip-adapter").query()));
    }

    @Test
    void stepsAreAChoiceWhereTheEndpointAllowsOnlySomeValues() {
        choose(Endpoint.V3);
        @SuppressWarnings("unchecked")
        ComboBox<String> allowed = (ComboBox<String>) lookup("#steps .combo-box").query();
        assertTrue(shown(allowed));
        assertEquals(List.of("21", "31", "41", "51"), allowed.getItems());
        choose(Endpoint.ENTERPRISE_PONY);
        assertEquals(List.of("21", "31", "41"), allowed.getItems());
        choose(Endpoint.V6_IMAGES);
        assertFalse(shown(allowed));
        assertTrue(shown(lookup("#steps .number-field").query()), "a slider with exact entry elsewhere");
    }

    @Test
    void aValueOutOfRangeIsNamedAtItsFieldWithTheLimit() {
        TextField entry = lookup("#guidanceScale .text-field").queryAs(TextField.class);
        Label error = lookup("#guidanceScaleError").queryAs(Label.class);
        assertFalse(shown(error));
        interact(() -> entry.setText(""));
        clickOn(entry).write("25");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("25", vm.textProperty(ApiField.GUIDANCE_SCALE).get());
        assertTrue(shown(error));
        assertEquals("Guidance scale must be between 1 and 20.", error.getText());
        assertTrue(lookup("#guidanceScale").query().getPseudoClassStates().contains(ParametersView.INVALID));

        interact(() -> entry.setText("12.5"));
        assertFalse(shown(error));
        assertEquals(12.5, lookup("#guidanceScale .slider").queryAs(javafx.scene.control.Slider.class).getValue(), 1e-9,
                "the slider follows the typed value");
    }

    @Test
    void theServersComplaintShowsAtTheFieldItNames() {
        interact(() -> vm.showServerErrors(Endpoint.V6_IMAGES,
                Map.of("negative_prompt", List.of("The negative prompt may not be longer than 400 characters."))));
        Label error = lookup("#negativePromptError").queryAs(Label.class);
        assertTrue(shown(error));
        assertEquals("Negative prompt (ModelsLab): The negative prompt may not be longer than 400 characters.",
                error.getText());
        clickOn("#negativePrompt").write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(error), "editing the field clears the server's complaint");
    }

    @Test
    void yesNoSwitchesStartAtTheServersDefaultUntilTouched() {
        choose(Endpoint.ENTERPRISE);
        CheckBox balancer = lookup("#loadbalancer").queryAs(CheckBox.class);
        interact(() -> {
            ScrollPane scroll = (ScrollPane) view.getScene().getRoot();
            scroll.layout();
            scroll.setVvalue(1); // the switches are near the end of the form
        });
        assertTrue(balancer.isIndeterminate(), "not sent until set");
        assertEquals("", vm.textProperty(ApiField.LOADBALANCER).get());
        clickOn(balancer);
        assertEquals("yes", vm.textProperty(ApiField.LOADBALANCER).get());
        clickOn(balancer);
        assertEquals("no", vm.textProperty(ApiField.LOADBALANCER).get());

        CheckBox enhance = lookup("#enhancePrompt").queryAs(CheckBox.class);
        assertFalse(enhance.isIndeterminate());
        assertFalse(enhance.isSelected(), "enhance prompt defaults to no");
    }

    @Test
    void loraRowsAreAddedEditedAndSentAsLists() {
        choose(Endpoint.V4_DREAMBOOTH);
        interact(() -> lookup("#addLora").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.loraRows().size());
        assertEquals("Each LoRA needs a model id (or remove its row).", lookup("#loraModelError").queryAs(Label.class).getText());
        TextField model = lookup("#lora-0 .lora-model").queryAs(TextField.class);
        interact(() -> model.setText("contrast-fix"));
        assertFalse(shown(lookup("#loraModelError").query()));
        assertEquals("contrast-fix", vm.toParameters().get(ApiField.LORA_MODEL));
        assertEquals("0.7", vm.toParameters().get(ApiField.LORA_STRENGTH));
    }

    @Test
    void theSeedFieldFollowsTheRandomToggleAndCanReuseASeed() {
        TextField seed = lookup("#seedText").queryAs(TextField.class);
        assertTrue(seed.isDisabled(), "random by default");
        assertTrue(lookup("#reuseSeed").query().isDisabled(), "nothing selected to reuse");
        interact(() -> vm.reusableSeedProperty().set(31337L));
        assertFalse(lookup("#reuseSeed").query().isDisabled());
        interact(() -> lookup("#reuseSeed").queryButton().fire());
        assertEquals("31337", seed.getText());
        assertFalse(seed.isDisabled());
        assertEquals(31337L, vm.toParameters().seed());
    }

    @Test
    void theModelIdOffersRecentIdsWithoutLosingWhatIsTyped() {
        @SuppressWarnings("unchecked")
        ComboBox<String> modelId = lookup("#modelId").queryAs(ComboBox.class);
        for (String id : List.of("sdxl-base", "dreamshaper-8", "sdxl-base")) {
            interact(() -> {
                vm.modelIdProperty().set(id);
                vm.noteSubmitted();
            });
            assertEquals(id, modelId.getEditor().getText());
            assertEquals(id, vm.modelIdProperty().get());
        }
        assertEquals(List.of("sdxl-base", "dreamshaper-8"), modelId.getItems());
        interact(() -> modelId.getSelectionModel().select("dreamshaper-8"));
        assertEquals("dreamshaper-8", vm.modelIdProperty().get(), "choosing a recent id sets it");
    }

    @Test
    void anImportedLoraStrengthOutOfRangeIsKeptAndNamedAtTheField() {
        Map<ApiField, String> values = new java.util.EnumMap<>(ApiField.class);
        values.put(ApiField.MODEL_ID, "realistic-vision-v51");
        values.put(ApiField.LORA_MODEL, "contrast-fix,detail-tweak");
        values.put(ApiField.LORA_STRENGTH, "1.5,0.4");
        interact(() -> vm.restore(new ParameterSnapshot(Endpoint.V4_DREAMBOOTH, values, true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, vm.loraRows().get(0).strength(), 1e-9, "not changed unseen");
        javafx.scene.control.Spinner<?> strength = lookup("#lora-0 .lora-strength").queryAs(javafx.scene.control.Spinner.class);
        assertEquals("1.5", strength.getEditor().getText());
        Label error = lookup("#loraModelError").queryAs(Label.class);
        assertTrue(shown(error));
        assertTrue(error.getText().contains("between 0.1 and 1"), error.getText());
        assertFalse(vm.validProperty().get());

        // The arrows move within the limits.
        interact(() -> strength.decrement(1));
        assertEquals(1.0, vm.loraRows().get(0).strength(), 1e-9);
        assertFalse(shown(error));
        assertEquals("1", vm.toParameters().get(ApiField.LORA_STRENGTH).toString().split(",")[0]);

        // Typed out of range: kept and named too.
        interact(() -> {
            strength.getEditor().setText("2");
            strength.commitValue();
        });
        assertEquals(2.0, vm.loraRows().get(0).strength(), 1e-9);
        assertTrue(shown(error), "typed 2 is named at the field");
    }

    @Test
    void v6StepsSayThatTheServerCapsThemAt20() {
        choose(Endpoint.V6_IMAGES);
        Label cap = lookup("#stepsCap").queryAs(Label.class);
        assertTrue(shown(cap));
        assertTrue(cap.getText().contains("20"), cap.getText());
        Label caption = (Label) ((javafx.scene.layout.VBox) lookup("#steps").query().getParent()).getChildren().get(0);
        assertTrue(caption.getTooltip().getText().contains(ParametersView.V6_STEPS_CAP), caption.getTooltip().getText());
        choose(Endpoint.V4_DREAMBOOTH);
        assertFalse(shown(cap), "v4 takes up to 50 steps as they are");
        assertFalse(caption.getTooltip().getText().contains(ParametersView.V6_STEPS_CAP));
    }
}
