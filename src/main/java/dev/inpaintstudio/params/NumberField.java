package dev.inpaintstudio.params;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A slider with an exact-entry box beside it, both editing one number held as text (blank = not
 * set, left to the server). The range comes from the endpoint profile ({@link #setRange}); the
 * slider moves in steps of about a hundredth of it (1 for whole numbers), while the box takes
 * any value, so an out-of-range one is reported by validation rather than silently changed.
 */
final class NumberField extends HBox {
    private final Slider slider = new Slider();
    private final TextField entry = new TextField();
    private final StringProperty text;
    private final boolean whole;
    private double step = 1;
    private boolean updating;

    NumberField(StringProperty text, boolean whole) {
        super(8);
        this.text = text;
        this.whole = whole;
        getStyleClass().add("number-field");
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setFocusTraversable(false);
        entry.setPrefColumnCount(4);
        entry.setMinWidth(56);
        entry.setAlignment(Pos.CENTER_RIGHT);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(slider, entry);

        entry.textProperty().bindBidirectional(text);
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating) {
                updating = true;
                try {
                    text.set(format(n.doubleValue()));
                } finally {
                    updating = false;
                }
            }
        });
        text.addListener((obs, o, n) -> follow(n));
    }

    Slider slider() {
        return slider;
    }

    TextField entry() {
        return entry;
    }

    /** The limits of the endpoint now chosen; null ends mean none (the slider then spans the value). */
    void setRange(Double min, Double max) {
        double lo = min == null ? 0 : min;
        double hi = max == null ? Math.max(lo + 1, lo * 2) : max;
        step = whole ? 1 : niceStep((hi - lo) / 100);
        updating = true;
        try {
            slider.setMin(lo);
            slider.setMax(hi);
            slider.setBlockIncrement(step);
            slider.setMajorTickUnit(Math.max(step, (hi - lo) / 4));
            slider.setMinorTickCount(0);
            slider.setSnapToTicks(false);
        } finally {
            updating = false;
        }
        follow(text.get());
    }

    /** The slider follows a typed number (within its range); blank dims it. */
    private void follow(String value) {
        if (updating) {
            return;
        }
        updating = true;
        try {
            Double v = parse(value);
            slider.setOpacity(v == null ? 0.45 : 1);
            if (v != null) {
                slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), v)));
            }
        } finally {
            updating = false;
        }
    }

    private String format(double v) {
        if (whole) {
            return Long.toString(Math.round(v));
        }
        BigDecimal rounded = BigDecimal.valueOf(Math.round(v / step) * step)
                .setScale(Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale()), RoundingMode.HALF_UP);
        return ParametersViewModel.number(rounded.doubleValue());
    }

    private static Double parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(s.strip().replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw - 1e-12) {
                return BigDecimal.valueOf(m * power).round(new java.math.MathContext(3)).doubleValue();
            }
        }
        return 10 * power;
    }
}
