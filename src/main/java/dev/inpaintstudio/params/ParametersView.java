package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.EndpointProfile.FieldSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The side panel's request form, generated from the endpoint profiles: an endpoint chooser, then one
 * row per {@link ApiField}, shown only while the chosen endpoint has the field (hidden, not disabled),
 * each with an editor that fits its type and the endpoint's limits, and the problem with its value
 * beneath it. Thin: every editor is bound to {@link ParametersViewModel}, which checks and keeps the
 * values.
 *
 * <p>Editors carry the field's camel-case id ({@code #guidanceScale}, {@code #steps}, ...), and the
 * message under a field {@code #<id>Error}.
 */
public final class ParametersView extends VBox {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final String SERVER_DEFAULT = "Server default";
    /** The v6 schema: steps run from 1 to 20 and the server caps a higher value at 20 rather than refusing it. */
    static final String V6_STEPS_CAP = "v6 images caps steps at 20: a higher value is accepted but runs as 20.";

    /** Groups of the form, in order; a group is shown while one of its fields is. */
    enum Section {
        PROMPT("Prompt"), IMAGE("Image"), MODELS("Models"), IP_ADAPTER("IP adapter"), OPTIONS("Options"),
        ADVANCED("Advanced");

        final String title;

        Section(String title) {
            this.title = title;
        }

        static Section of(ApiField field) {
            switch (field) {
                case MODEL_ID: case PROMPT: case NEGATIVE_PROMPT:
                    return PROMPT;
                case STRENGTH: case GUIDANCE_SCALE: case STEPS: case SCHEDULER: case SEED: case SAMPLES:
                    return IMAGE;
                case LORA_MODEL: case LORA_STRENGTH: case EMBEDDINGS_MODEL: case VAE: case CLIP_SKIP:
                case USE_KARRAS_SIGMAS: case ALGORITHM_TYPE: case TOMESD:
                    return MODELS;
                case IP_ADAPTER_ID: case IP_ADAPTER_SCALE: case IP_ADAPTER_IMAGE:
                    return IP_ADAPTER;
                case WEBHOOK: case TRACK_ID:
                    return ADVANCED;
                default:
                    return OPTIONS;
            }
        }
    }

    private final ParametersViewModel vm;
    private final Map<ApiField, Row> rows = new EnumMap<>(ApiField.class);
    private final ComboBox<Endpoint> endpoint = new ComboBox<>();

    public ParametersView(ParametersViewModel vm) {
        super(4);
        this.vm = vm;
        getStyleClass().add("parameters-view");

        endpoint.setId("endpoint");
        endpoint.getItems().setAll(Endpoint.values());
        endpoint.setMaxWidth(Double.MAX_VALUE);
        endpoint.setConverter(new StringConverter<>() {
            @Override
            public String toString(Endpoint e) {
                return e == null ? "" : e.displayName();
            }

            @Override
            public Endpoint fromString(String s) {
                return Endpoint.fromCliName(s);
            }
        });
        endpoint.valueProperty().bindBidirectional(vm.endpointProperty());
        Tooltip endpointTip = new Tooltip();
        endpointTip.textProperty().bind(Bindings.createStringBinding(() -> "ModelsLab inpaint endpoint: POST "
                + vm.endpointProperty().get().path() + ". Fields it does not take are hidden and never sent.",
                vm.endpointProperty()));
        endpoint.setTooltip(endpointTip);
        getChildren().addAll(caption("Endpoint", null), endpoint);

        Map<Section, VBox> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, new VBox(2));
        }
        sections.get(Section.IMAGE).getChildren().add(sizeRow());
        for (ApiField field : fieldOrder()) {
            if (field == ApiField.LORA_STRENGTH) {
                continue; // edited in the LoRA rows
            }
            Row row = new Row(field);
            rows.put(field, row);
            sections.get(Section.of(field)).getChildren().add(row);
        }
        for (Section s : Section.values()) {
            VBox content = sections.get(s);
            BooleanBinding shown = anyShown(s);
            if (s == Section.ADVANCED) {
                TitledPane advanced = new TitledPane(s.title, content);
                advanced.setId("advanced");
                advanced.setExpanded(false);
                advanced.getStyleClass().add("advanced-pane");
                advanced.visibleProperty().bind(shown);
                advanced.managedProperty().bind(shown);
                getChildren().add(advanced);
            } else {
                Label header = new Label(s.title);
                header.getStyleClass().add("section-header");
                header.setMaxWidth(Double.MAX_VALUE);
                VBox box = new VBox(2, header, content);
                box.setId("section-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                box.visibleProperty().bind(shown);
                box.managedProperty().bind(shown);
                getChildren().add(box);
            }
        }
        vm.endpointProperty().addListener((obs, o, n) -> configure());
        configure();
    }

    /** The camel-case id of a field's editor: {@code guidanceScale} for GUIDANCE_SCALE. */
    public static String idOf(ApiField field) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : field.optionName().toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    /** Whether the row of a field is on screen (for tests). */
    boolean isShown(ApiField field) {
        Row row = rows.get(field == ApiField.LORA_STRENGTH ? ApiField.LORA_MODEL : field);
        return row != null && row.isVisible();
    }

    /**
     * Every field once, in the order the profiles show them (each profile lists its fields in the
     * same artist's order; merging them keeps it).
     */
    static List<ApiField> fieldOrder() {
        List<ApiField> order = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            ApiField previous = null;
            for (ApiField f : e.profile().fields()) {
                if (!order.contains(f)) {
                    order.add(previous == null ? 0 : order.indexOf(previous) + 1, f);
                }
                previous = f;
            }
        }
        for (ApiField f : ApiField.values()) {
            if (!order.contains(f)) {
                order.add(f);
            }
        }
        return order;
    }

    private BooleanBinding anyShown(Section section) {
        return Bindings.createBooleanBinding(() -> vm.visibleFields().stream().anyMatch(f -> Section.of(f) == section),
                vm.visibleFields());
    }

    private void configure() {
        EndpointProfile profile = vm.profile();
        rows.values().forEach(row -> profile.spec(row.field).ifPresent(row::configure));
    }

    private Node sizeRow() {
        Label value = new Label();
        value.setId("sizeInfo");
        value.setWrapText(true);
        value.getStyleClass().add("size-info");
        value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.textProperty().bind(vm.sizeTextProperty());
        Tooltip tip = new Tooltip("Width and height are not set by hand: they follow the picture. The API takes at most "
                + EndpointProfile.MAX_SIDE + " pixels a side in multiples of " + EndpointProfile.SIDE_MULTIPLE
                + "; the results are scaled back and pasted into the picture at its full resolution.");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        value.setTooltip(tip);
        return new VBox(1, caption("Width × height sent", null), value);
    }

    private static Label caption(String text, String tooltip) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        if (tooltip != null) {
            label.setTooltip(new Tooltip(tooltip));
        }
        return label;
    }

    /** One field: caption, editor, and the message about its value. */
    private final class Row extends VBox {
        final ApiField field;
        private final Label caption;
        private final Tooltip tip = new Tooltip();
        private Consumer<FieldSpec> configurer = spec -> { };

        Row(ApiField field) {
            super(2);
            this.field = field;
            getStyleClass().add("field-row");
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            Node editor = editor();
            if (editor.getId() == null) {
                editor.setId(idOf(field));
            }
            boolean labelled = editor instanceof HBox box && box.getChildren().get(0) instanceof CheckBox;
            caption = labelled ? null : caption(field.label(), null);
            if (caption != null) {
                caption.setTooltip(tip);
                getChildren().add(caption);
            }
            if (editor instanceof javafx.scene.control.Control c) {
                c.setTooltip(tip);
            }
            getChildren().add(editor);

            StringBinding message = field == ApiField.LORA_MODEL
                    ? vm.messageFor(ApiField.LORA_MODEL, ApiField.LORA_STRENGTH) : vm.messageFor(field);
            Label error = new Label();
            error.setId(idOf(field) + "Error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            error.textProperty().bind(message);
            error.visibleProperty().bind(message.isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            getChildren().add(error);
            message.addListener((obs, o, n) -> editor.pseudoClassStateChanged(INVALID, !n.isEmpty()));
            editor.pseudoClassStateChanged(INVALID, !message.get().isEmpty());

            BooleanBinding shown = Bindings.createBooleanBinding(() -> vm.visibleFields().contains(field), vm.visibleFields());
            visibleProperty().bind(shown);
            managedProperty().bind(shown);
        }

        void configure(FieldSpec spec) {
            String limit = spec.limitText();
            String extra = field == ApiField.LORA_MODEL
                    ? vm.profile().spec(ApiField.LORA_STRENGTH).map(s -> " Strength " + s.limitText() + ".").orElse("")
                    : limit.isEmpty() || spec.choices().size() > 6 ? "" : " Must be " + limit + ".";
            String required = spec.required() ? " Required." : "";
            if (field == ApiField.STEPS && vm.endpointProperty().get() == Endpoint.V6_IMAGES) {
                extra += " " + V6_STEPS_CAP;
            }
            tip.setText(field.description() + extra + required + "\nSent as " + String.join(" and ", spec.wireNames())
                    + " to " + vm.endpointProperty().get().displayName() + ".");
            configurer.accept(spec);
        }

        private Node editor() {
            StringProperty text = field == ApiField.LORA_MODEL ? null : vm.textProperty(field);
            switch (field) {
                case MODEL_ID:
                    return modelId(text);
                case PROMPT:
                case NEGATIVE_PROMPT:
                    return textArea(text);
                case LORA_MODEL: {
                    LoraEditor lora = new LoraEditor(vm);
                    configurer = spec -> {
                        FieldSpec strength = vm.profile().spec(ApiField.LORA_STRENGTH).orElse(null);
                        lora.setRange(strength == null ? null : strength.min(), strength == null ? null : strength.max());
                    };
                    return lora;
                }
                case STEPS:
                    return steps(text);
                case SEED:
                    return seed(text);
                default:
                    break;
            }
            switch (field.type()) {
                case INTEGER:
                case DECIMAL: {
                    NumberField number = new NumberField(text, field.type() == ApiField.ValueType.INTEGER);
                    number.entry().setPromptText("—");
                    configurer = spec -> number.setRange(spec.min(), spec.max());
                    return number;
                }
                case CHOICE:
                    return choice(text);
                case YES_NO:
                    return yesNo(text);
                default: {
                    TextField field = new TextField();
                    field.textProperty().bindBidirectional(text);
                    configurer = spec -> field.setPromptText(
                            spec.format() == EndpointProfile.Format.URL ? "https://…" : "not set");
                    return field;
                }
            }
        }

        private Node modelId(StringProperty text) {
            ComboBox<String> combo = new ComboBox<>(vm.recentModelIds());
            combo.setEditable(true);
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setPromptText("e.g. realistic-vision-v51");
            combo.getEditor().textProperty().bindBidirectional(text);
            combo.valueProperty().addListener((obs, o, n) -> {
                if (n != null && !n.equals(text.get())) {
                    text.set(n);
                }
            });
            return combo;
        }

        private Node textArea(StringProperty text) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(field == ApiField.PROMPT ? 4 : 2);
            area.setPromptText(field == ApiField.PROMPT ? "What should appear in the masked area"
                    : "What to avoid (empty: nothing; the server's long default is not used)");
            area.textProperty().bindBidirectional(text);
            return area;
        }

        private Node steps(StringProperty text) {
            NumberField range = new NumberField(text, true);
            ComboBox<String> allowed = new ComboBox<>();
            allowed.setMaxWidth(Double.MAX_VALUE);
            allowed.valueProperty().bindBidirectional(text);
            Label cap = new Label(V6_STEPS_CAP);
            cap.setId("stepsCap");
            cap.getStyleClass().add("field-hint");
            cap.setWrapText(true);
            cap.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox box = new VBox(range, allowed, cap);
            configurer = spec -> {
                boolean capped = vm.endpointProperty().get() == Endpoint.V6_IMAGES;
                cap.setVisible(capped);
                cap.setManaged(capped);
                boolean choice = !spec.allowedValues().isEmpty();
                if (choice) {
                    String keep = text.get();
                    allowed.getItems().setAll(spec.allowedValues().stream().map(String::valueOf).toList());
                    text.set(keep);
                    allowed.setValue(keep);
                } else {
                    range.setRange(spec.min(), spec.max());
                }
                allowed.setVisible(choice);
                allowed.setManaged(choice);
                range.setVisible(!choice);
                range.setManaged(!choice);
            };
            return box;
        }

        private Node seed(StringProperty text) {
            TextField seed = new TextField();
            seed.setId("seedText");
            seed.setPromptText("random");
            seed.setPrefColumnCount(8);
            seed.textProperty().bindBidirectional(text);
            seed.disableProperty().bind(vm.randomSeedProperty());
            HBox.setHgrow(seed, Priority.ALWAYS);
            CheckBox random = new CheckBox("Random");
            random.setId("seedRandom");
            random.selectedProperty().bindBidirectional(vm.randomSeedProperty());
            random.setTooltip(new Tooltip("A new random seed each time. Off: the seed typed here is sent, which repeats a result."));
            Button reuse = new Button("Reuse");
            reuse.setId("reuseSeed");
            reuse.getStyleClass().add("small-button");
            reuse.disableProperty().bind(vm.reusableSeedProperty().isNull());
            reuse.setOnAction(e -> vm.reuseSeed());
            Tooltip reuseTip = new Tooltip();
            reuseTip.textProperty().bind(Bindings.createStringBinding(() -> vm.reusableSeedProperty().get() == null
                    ? "Select a result in the gallery to reuse its seed."
                    : "Use seed " + vm.reusableSeedProperty().get() + " of the selected result.", vm.reusableSeedProperty()));
            reuse.setTooltip(reuseTip);
            HBox box = new HBox(8, seed, random, reuse);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        }

        private Node choice(StringProperty text) {
            ComboBox<String> combo = new ComboBox<>();
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setCellFactory(list -> new ChoiceCell());
            combo.setButtonCell(new ChoiceCell());
            combo.valueProperty().bindBidirectional(text);
            configurer = spec -> {
                List<String> items = new ArrayList<>();
                items.add("");
                items.addAll(spec.choices());
                if (!items.equals(combo.getItems())) {
                    String keep = text.get();
                    combo.getItems().setAll(items);
                    text.set(keep);
                    combo.setValue(keep);
                }
            };
            return combo;
        }

        private Node yesNo(StringProperty text) {
            CheckBox box = new CheckBox(field.label());
            box.setId(idOf(field));
            box.setAllowIndeterminate(false);
            box.setTooltip(tip);
            Label hint = new Label("server default");
            hint.getStyleClass().add("field-hint");
            boolean[] updating = {false};
            Runnable show = () -> {
                updating[0] = true;
                String v = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
                box.setIndeterminate(v.isEmpty());
                box.setSelected(v.equals("yes") || v.equals("true"));
                hint.setVisible(v.isEmpty());
                updating[0] = false;
            };
            text.addListener((obs, o, n) -> show.run());
            box.selectedProperty().addListener((obs, o, n) -> {
                if (!updating[0]) {
                    text.set(n ? "yes" : "no");
                }
            });
            box.indeterminateProperty().addListener((obs, o, n) -> {
                if (!updating[0] && !n) {
                    text.set(box.isSelected() ? "yes" : "no");
                }
            });
            MenuItem serverDefault = new MenuItem("Leave to the server (not sent)");
            serverDefault.setOnAction(e -> text.set(""));
            box.setContextMenu(new ContextMenu(serverDefault));
            show.run();
            HBox row = new HBox(8, box, hint);
            row.setId(idOf(field) + "Row");
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }
    }

    private static final class ChoiceCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? SERVER_DEFAULT : item);
        }
    }
}
