package dev.inpaintstudio.params;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.HashMap;
import java.util.Map;

/**
 * The LoRA models of the request as rows: a model id and a strength each, plus a button to add a
 * row. The strength's limits come from the endpoint's {@code lora_strength} field ({@link #setRange}).
 */
final class LoraEditor extends VBox {
    private final ParametersViewModel vm;
    private final VBox rows = new VBox(4);
    private final Map<LoraRow, HBox> views = new HashMap<>();
    private double min = 0.1;
    private double max = 1;
    private static final double STEP = 0.05;

    LoraEditor(ParametersViewModel vm) {
        super(4);
        this.vm = vm;
        getStyleClass().add("lora-editor");
        Button add = new Button("Add LoRA");
        add.setId("addLora");
        add.getStyleClass().add("small-button");
        add.setOnAction(e -> {
            vm.addLoraRow();
            HBox view = views.get(vm.loraRows().get(vm.loraRows().size() - 1));
            if (view != null) {
                view.getChildren().get(0).requestFocus();
            }
        });
        add.setTooltip(new Tooltip("Add a LoRA model and its strength."));
        Label empty = new Label("No LoRA models.");
        empty.getStyleClass().add("field-hint");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.loraRows()));
        empty.managedProperty().bind(empty.visibleProperty());
        HBox footer = new HBox(8, add, empty);
        footer.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(rows, footer);
        vm.loraRows().addListener((ListChangeListener<LoraRow>) c -> {
            // Rows added, removed or moved; edits inside a row (updates) leave the views alone.
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                rebuild();
            }
        });
        rebuild();
    }

    void setRange(Double min, Double max) {
        this.min = min == null ? 0 : min;
        this.max = max == null ? 1 : max;
        rebuild();
    }

    private void rebuild() {
        Map<LoraRow, HBox> keep = new HashMap<>();
        rows.getChildren().clear();
        int index = 0;
        for (LoraRow row : vm.loraRows()) {
            HBox view = views.get(row);
            if (view == null || !rangeKey().equals(view.getProperties().get("range"))) {
                view = rowView(row);
            }
            view.setId("lora-" + index++);
            keep.put(row, view);
            rows.getChildren().add(view);
        }
        views.clear();
        views.putAll(keep);
    }

    private Object rangeKey() {
        return min + ".." + max;
    }

    private HBox rowView(LoraRow row) {
        TextField model = new TextField();
        model.setPromptText("LoRA model id");
        model.getStyleClass().add("lora-model");
        model.textProperty().bindBidirectional(row.modelProperty());
        HBox.setHgrow(model, Priority.ALWAYS);
        model.setMinWidth(80);

        Spinner<Double> strength = new Spinner<>();
        // The arrows stay within the endpoint's limits, but a typed or imported value is kept as it is,
        // so validation names an out-of-range one at the field instead of it being changed unseen.
        SpinnerValueFactory<Double> factory = new SpinnerValueFactory<>() {
            @Override
            public void decrement(int steps) {
                step(-steps);
            }

            @Override
            public void increment(int steps) {
                step(steps);
            }

            private void step(int steps) {
                double now = getValue() == null ? LoraRow.DEFAULT_STRENGTH : getValue();
                setValue(clamp(Math.round((now + steps * STEP) * 100) / 100.0));
            }
        };
        factory.setValue(row.strength());
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : ParametersViewModel.number(Math.round(v * 100) / 100.0);
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.strip().replace(',', '.'));
                    return Double.isFinite(v) ? v : row.strength();
                } catch (NumberFormatException e) {
                    return row.strength();
                }
            }
        });
        strength.setValueFactory(factory);
        strength.setEditable(true);
        strength.setPrefWidth(78);
        strength.setMinWidth(78);
        strength.getStyleClass().add("lora-strength");
        strength.setTooltip(new Tooltip("Strength of this LoRA, from " + ParametersViewModel.number(min)
                + " to " + ParametersViewModel.number(max) + "."));
        factory.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                row.strengthProperty().set(n);
            }
        });
        strength.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                strength.commitValue(); // typed text counts when the field is left, not only on Enter
            }
        });

        Button remove = new Button("✕");
        remove.getStyleClass().add("small-button");
        remove.setTooltip(new Tooltip("Remove this LoRA"));
        remove.setOnAction(e -> vm.loraRows().remove(row));

        HBox box = new HBox(6, model, strength, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getProperties().put("range", rangeKey());
        return box;
    }

    private double clamp(double v) {
        return Math.max(min, Math.min(max, v));
    }
}
