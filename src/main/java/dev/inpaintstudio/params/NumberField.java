package dev.inpaintstudio.params;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Locale;

/** A slider with an exact-entry box beside it, both bound to one number. */
final class NumberField extends HBox {
    private final Slider slider;
    private final TextField entry = new TextField();
    private final DoubleProperty value;
    private final String format;

    NumberField(DoubleProperty value, double min, double max, double step, String format) {
        super(8);
        this.value = value;
        this.format = format;
        slider = new Slider(min, max, value.get());
        slider.setBlockIncrement(step);
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        entry.setPrefColumnCount(4);
        entry.setAlignment(Pos.CENTER_RIGHT);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(slider, entry);

        slider.valueProperty().addListener((obs, o, n) -> value.set(n.doubleValue()));
        value.addListener((obs, o, n) -> show(n.doubleValue()));
        entry.setOnAction(e -> commit());
        entry.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit();
            }
        });
        show(value.get());
    }

    Slider slider() {
        return slider;
    }

    TextField entry() {
        return entry;
    }

    private void show(double v) {
        if (slider.getValue() != v) {
            slider.setValue(v);
        }
        entry.setText(String.format(Locale.ROOT, format, v));
    }

    private void commit() {
        try {
            value.set(Double.parseDouble(entry.getText().strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            show(value.get());
        }
    }
}
