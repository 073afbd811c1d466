package dev.inpaintstudio.params;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One LoRA of the request: a model id and how strongly it applies. */
public final class LoraRow {
    /** The strength a new row starts with. */
    public static final double DEFAULT_STRENGTH = 0.7;

    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final DoubleProperty strength = new SimpleDoubleProperty(this, "strength", DEFAULT_STRENGTH);

    public LoraRow() {
    }

    public LoraRow(String model, double strength) {
        this.model.set(model == null ? "" : model);
        this.strength.set(strength);
    }

    public StringProperty modelProperty() {
        return model;
    }

    public DoubleProperty strengthProperty() {
        return strength;
    }

    public String model() {
        return model.get() == null ? "" : model.get().strip();
    }

    public double strength() {
        return strength.get();
    }
}
