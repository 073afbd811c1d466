package dev.inpaintstudio.params;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.FieldProblem;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.InvalidParameterException;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The request as the side panel edits it. It keeps one value per {@link ApiField}, as the text the
 * artist typed, whatever the endpoint: switching endpoints hides the fields the new one lacks but
 * keeps their values for the way back, and only the chosen endpoint's fields are checked and sent.
 * Every check is the endpoint profile's own ({@link EndpointProfile#parse}, {@link EndpointProfile#validate}),
 * so the messages name the field and the endpoint's limit, and no limit is written down here.
 *
 * <p>LoRA models and strengths are edited as rows ({@link #loraRows()}) and sent as the two
 * comma-separated lists the API takes. The API key and the server address are here because every
 * request needs them, but they are settings: {@link #snapshot()} (presets, last-used) leaves them out.
 *
 * <p>It also holds which backend Generate uses ({@link #backendProperty()}) and the offline engine's
 * options ({@link #fillSettings()}). With the offline engine chosen only its options are checked:
 * it needs no key, no server and none of the ModelsLab fields.
 */
public final class ParametersViewModel {
    public static final String DEFAULT_BASE_URL = "https://modelslab.com";
    /** How many recently used model ids are offered. */
    public static final int RECENT_MODEL_IDS_KEPT = 10;
    /** The size validation runs with: any size the API takes (the real one follows the picture). */
    private static final int CHECK_SIDE = 512;

    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", DEFAULT_BASE_URL);
    private final ObjectProperty<Endpoint> endpoint = new SimpleObjectProperty<>(this, "endpoint", Endpoint.V6_IMAGES);
    private final Map<ApiField, StringProperty> texts = new EnumMap<>(ApiField.class);
    private final BooleanProperty randomSeed = new SimpleBooleanProperty(this, "randomSeed", true);
    private final ObservableList<LoraRow> loraRows =
            FXCollections.observableArrayList(row -> new Observable[] {row.modelProperty(), row.strengthProperty()});
    private final ObservableList<String> recentModelIds = FXCollections.observableArrayList();
    private final ObjectProperty<Long> reusableSeed = new SimpleObjectProperty<>(this, "reusableSeed");
    private final StringProperty sizeText = new SimpleStringProperty(this, "sizeText", "");
    private final ObservableList<ApiField> visibleFields = FXCollections.observableArrayList();
    private final ObservableMap<ApiField, String> serverErrors = FXCollections.observableMap(new EnumMap<>(ApiField.class));
    private final ObjectProperty<BackendChoice> backend = new SimpleObjectProperty<>(this, "backend", BackendChoice.MODELSLAB);
    private final BooleanProperty backendChosen = new SimpleBooleanProperty(this, "backendChosen");
    private final ObjectProperty<FillPreset> fillPreset = new SimpleObjectProperty<>(this, "fillPreset", FillPreset.BALANCED);
    private final IntegerProperty patchSize = new SimpleIntegerProperty(this, "patchSize", FillSettings.DEFAULT_PATCH);
    private final StringProperty fillSeed = new SimpleStringProperty(this, "fillSeed", "");
    private final BooleanProperty fillRandomSeed = new SimpleBooleanProperty(this, "fillRandomSeed", true);
    private final StringBinding fillProblem;

    private final ObjectBinding<Map<ApiField, String>> fieldProblems;
    private final ObjectBinding<List<String>> problems;
    private final BooleanBinding valid;

    public ParametersViewModel() {
        for (ApiField field : ApiField.values()) {
            if (!isLora(field)) {
                StringProperty text = new SimpleStringProperty(this, field.optionName(), defaultText(Endpoint.V6_IMAGES, field));
                text.addListener((obs, was, now) -> serverErrors.remove(field));
                texts.put(field, text);
            }
        }
        randomSeed.addListener((obs, was, now) -> serverErrors.remove(ApiField.SEED));
        loraRows.addListener((ListChangeListener<LoraRow>) change -> {
            serverErrors.remove(ApiField.LORA_MODEL);
            serverErrors.remove(ApiField.LORA_STRENGTH);
        });
        visibleFields.setAll(endpoint.get().profile().fields());
        endpoint.addListener((obs, was, now) -> {
            if (now == null) {
                endpoint.set(was == null ? Endpoint.V6_IMAGES : was);
                return;
            }
            serverErrors.clear();
            visibleFields.setAll(now.profile().fields());
        });

        List<Observable> inputs = new ArrayList<>(texts.values());
        inputs.addAll(List.of(endpoint, randomSeed, loraRows));
        Observable[] dependencies = inputs.toArray(Observable[]::new);
        fieldProblems = Bindings.createObjectBinding(() -> read().problems(), dependencies);
        backend.addListener((obs, was, now) -> {
            if (now == null) {
                backend.set(was == null ? BackendChoice.MODELSLAB : was);
            }
        });
        fillPreset.addListener((obs, was, now) -> {
            if (now == null) {
                fillPreset.set(FillPreset.BALANCED);
            }
        });
        patchSize.addListener((obs, was, now) -> {
            int valid = FillSettings.clampPatch(now.intValue());
            if (valid != now.intValue()) {
                patchSize.set(valid);
            }
        });
        fillProblem = Bindings.createStringBinding(() -> {
            try {
                fillSettings().fixedSeed();
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, fillSeed, fillRandomSeed);
        problems = Bindings.createObjectBinding(this::allProblems, fieldProblems, apiKey, baseUrl, backend, fillProblem);
        valid = Bindings.createBooleanBinding(() -> problems.get().isEmpty(), problems);
    }

    // ---- what the panel binds to -------------------------------------------------------------------

    /** The backend Generate uses; never null. */
    public ObjectProperty<BackendChoice> backendProperty() {
        return backend;
    }

    /** Whether the artist picked the backend (the chooser, a preset, reused settings), rather than it following the key. */
    public BooleanProperty backendChosenProperty() {
        return backendChosen;
    }

    /** The artist picks a backend: it is remembered as their choice. */
    public void chooseBackend(BackendChoice choice) {
        if (choice != null) {
            backend.set(choice);
            backendChosen.set(true);
        }
    }

    public boolean isOffline() {
        return backend.get() == BackendChoice.OFFLINE;
    }

    /** The offline engine's speed/quality preset. */
    public ObjectProperty<FillPreset> fillPresetProperty() {
        return fillPreset;
    }

    /** The offline engine's patch size; set to an even or out-of-range value, it moves to the nearest valid one. */
    public IntegerProperty patchSizeProperty() {
        return patchSize;
    }

    /** The offline seed as typed; used only while {@link #fillRandomSeedProperty()} is off. */
    public StringProperty fillSeedProperty() {
        return fillSeed;
    }

    public BooleanProperty fillRandomSeedProperty() {
        return fillRandomSeed;
    }

    /** What is wrong with the offline options ("" when nothing): only the seed can be. */
    public StringBinding fillProblemProperty() {
        return fillProblem;
    }

    /** The offline engine's options as they stand. */
    public FillSettings fillSettings() {
        return new FillSettings(fillPreset.get(), patchSize.get(), fillSeed.get(), fillRandomSeed.get());
    }

    /** Puts the offline options in the panel. */
    public void setFillSettings(FillSettings fill) {
        FillSettings f = fill == null ? FillSettings.DEFAULT : fill;
        fillPreset.set(f.preset());
        patchSize.set(f.patchSize());
        fillSeed.set(f.seed());
        fillRandomSeed.set(f.randomSeed());
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The endpoint the request goes to; never null. */
    public ObjectProperty<Endpoint> endpointProperty() {
        return endpoint;
    }

    public EndpointProfile profile() {
        return endpoint.get().profile();
    }

    /** The chosen endpoint's fields in the order an artist meets them ({@link EndpointProfile#fields()}). */
    public ObservableList<ApiField> visibleFields() {
        return FXCollections.unmodifiableObservableList(visibleFields);
    }

    public boolean isVisible(ApiField field) {
        return visibleFields.contains(field);
    }

    /**
     * The text of a field, as typed: blank means "not set" (the server's default), yes/no fields hold
     * {@code yes}, {@code no} or blank, choices the value as sent or blank. Not for the two LoRA
     * fields, which are {@link #loraRows()}.
     */
    public StringProperty textProperty(ApiField field) {
        StringProperty text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException(field + " is edited as LoRA rows, not as text");
        }
        return text;
    }

    public StringProperty modelIdProperty() {
        return textProperty(ApiField.MODEL_ID);
    }

    public StringProperty promptProperty() {
        return textProperty(ApiField.PROMPT);
    }

    public StringProperty negativePromptProperty() {
        return textProperty(ApiField.NEGATIVE_PROMPT);
    }

    /** The seed as typed; sent only while {@link #randomSeedProperty()} is off. */
    public StringProperty seedProperty() {
        return textProperty(ApiField.SEED);
    }

    /** On: a new random seed each time (the typed seed is kept but not sent). */
    public BooleanProperty randomSeedProperty() {
        return randomSeed;
    }

    /** The LoRA models with their strengths, in the order sent. */
    public ObservableList<LoraRow> loraRows() {
        return loraRows;
    }

    public LoraRow addLoraRow() {
        LoraRow row = new LoraRow();
        loraRows.add(row);
        return row;
    }

    /** Model ids used lately, newest first; offered by the model id field. */
    public ObservableList<String> recentModelIds() {
        return recentModelIds;
    }

    /** The seed of the result selected in the gallery, or null; the window keeps it up to date. */
    public ObjectProperty<Long> reusableSeedProperty() {
        return reusableSeed;
    }

    /** Takes the seed of the selected result, so the next run repeats it with the new settings. */
    public void reuseSeed() {
        Long seed = reusableSeed.get();
        if (seed != null) {
            seedProperty().set(Long.toString(seed));
            randomSeed.set(false);
        }
    }

    /** The width and height that will be sent and why, e.g. "1024 × 680 (the 6000 × 4000 picture …)"; set by the window. */
    public StringProperty sizeTextProperty() {
        return sizeText;
    }

    // ---- checking ------------------------------------------------------------------------------------

    /**
     * What is wrong with each field of the chosen endpoint, in field order; empty when all is well.
     * Each message names the field and the endpoint's limit.
     */
    public ObjectBinding<Map<ApiField, String>> fieldProblemsProperty() {
        return fieldProblems;
    }

    /** What the server said about fields of the last request (by field); cleared when a field is edited. */
    public ObservableMap<ApiField, String> serverErrors() {
        return FXCollections.unmodifiableObservableMap(serverErrors);
    }

    /** The message to show at a field: its problem, else the server's complaint about it; "" when none. */
    public StringBinding messageFor(ApiField... fields) {
        return Bindings.createStringBinding(() -> {
            for (ApiField f : fields) {
                String problem = fieldProblems.get().get(f);
                if (problem != null) {
                    return problem;
                }
            }
            for (ApiField f : fields) {
                String server = serverErrors.get(f);
                if (server != null) {
                    return server;
                }
            }
            return "";
        }, fieldProblems, serverErrors);
    }

    /**
     * Shows the validation errors a server returned (its {@code message} object, keyed by wire name)
     * at the fields of {@code at}'s profile they name. Returns the messages that belong to no field
     * (the key, the images, the size), for the caller to show elsewhere.
     */
    public List<String> showServerErrors(Endpoint at, Map<String, List<String>> byWireName) {
        return showServerErrors(at, byWireName, field -> true);
    }

    /**
     * As {@link #showServerErrors(Endpoint, Map)}, but a complaint about a field for which {@code stillAsSent}
     * is false (the artist has changed it since) is returned with the unplaced ones instead of marking a
     * value the server never saw.
     */
    public List<String> showServerErrors(Endpoint at, Map<String, List<String>> byWireName,
                                         java.util.function.Predicate<ApiField> stillAsSent) {
        EndpointProfile profile = (at == null ? endpoint.get() : at).profile();
        List<String> unplaced = new ArrayList<>();
        byWireName.forEach((wire, messages) -> {
            String joined = messages.stream().map(String::strip).filter(m -> !m.isEmpty())
                    .collect(Collectors.joining(" "));
            String text = joined.isEmpty() ? "ModelsLab refused this value." : joined;
            ApiField field = profile.specs().stream()
                    .filter(spec -> spec.wireNames().stream().anyMatch(w -> w.equalsIgnoreCase(wire)))
                    .map(EndpointProfile.FieldSpec::field).findFirst().orElse(null);
            if (field == null) {
                unplaced.add(wire + ": " + text);
            } else if (!stillAsSent.test(field)) {
                unplaced.add(field.label() + " as it was sent: " + text);
            } else {
                String label = field.label() + " (ModelsLab): " + text;
                serverErrors.merge(field, label, (a, b) -> a + " " + text);
            }
        });
        return unplaced;
    }

    public void clearServerErrors() {
        serverErrors.clear();
    }

    /** What stops a request from being sent, one sentence each; empty when it can go. */
    public ObjectBinding<List<String>> problemsProperty() {
        return problems;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ApiKey apiKey() {
        return new ApiKey(apiKey.get() == null ? "" : apiKey.get());
    }

    /**
     * The request for the chosen endpoint: only its fields, each parsed by its profile.
     *
     * @throws IllegalStateException naming the problems, when there are any
     */
    public InpaintParameters toParameters() {
        List<String> issues = problems.get();
        if (!issues.isEmpty()) {
            throw new IllegalStateException(String.join(" ", issues));
        }
        return new InpaintParameters(endpoint.get(), read().values());
    }

    /** The value the panel holds now for {@code field}, parsed as it would be sent; null when unset or invalid. */
    public Object valueNow(ApiField field) {
        return read().values().get(field);
    }

    /** Remembers what a request that is being sent used (its model id) and forgets old server complaints. */
    public void noteSubmitted() {
        serverErrors.clear();
        if (isVisible(ApiField.MODEL_ID)) {
            String id = modelIdProperty().get() == null ? "" : modelIdProperty().get().strip();
            if (!id.isEmpty()) {
                List<String> ids = new ArrayList<>(recentModelIds);
                ids.remove(id);
                ids.add(0, id);
                recentModelIds.setAll(ids.subList(0, Math.min(ids.size(), RECENT_MODEL_IDS_KEPT)));
            }
        }
    }

    private record Reading(Map<ApiField, Object> values, Map<ApiField, String> problems) {
    }

    private Reading read() {
        EndpointProfile profile = endpoint.get().profile();
        Map<ApiField, Object> values = new LinkedHashMap<>();
        Map<ApiField, String> found = new LinkedHashMap<>();
        for (ApiField field : profile.fields()) {
            try {
                Object value = parse(profile, field);
                if (value != null) {
                    values.put(field, value);
                }
            } catch (InvalidParameterException e) {
                found.put(field, e.getMessage());
            }
        }
        for (FieldProblem p : profile.validate(new InpaintParameters(endpoint.get(), values), CHECK_SIDE, CHECK_SIDE)) {
            if (!p.isSize()) {
                found.putIfAbsent(p.field(), p.message());
            }
        }
        Map<ApiField, String> ordered = new LinkedHashMap<>();
        for (ApiField field : profile.fields()) {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        }
        return new Reading(values, Collections.unmodifiableMap(ordered));
    }

    private Object parse(EndpointProfile profile, ApiField field) {
        switch (field) {
            case SEED:
                return randomSeed.get() ? null : profile.parse(field, seedProperty().get());
            case LORA_MODEL:
                if (loraRows.stream().anyMatch(r -> r.model().isEmpty())) {
                    throw new InvalidParameterException(field, "Each LoRA needs a model id (or remove its row).");
                }
                return profile.parse(field, loraModels());
            case LORA_STRENGTH:
                return loraRows.stream().anyMatch(r -> r.model().isEmpty()) ? null : profile.parse(field, loraStrengths());
            default:
                return profile.parse(field, texts.get(field).get());
        }
    }

    private List<String> allProblems() {
        List<String> out = new ArrayList<>();
        if (backend.get() == BackendChoice.OFFLINE) {
            // The offline engine needs no key, no server and none of the ModelsLab fields.
            if (!fillProblem.get().isEmpty()) {
                out.add(fillProblem.get());
            }
            return List.copyOf(out);
        }
        if (apiKey.get() == null || apiKey.get().isBlank()) {
            out.add("No API key is set. Enter it under Edit ▸ Settings.");
        }
        if (!isHttpAddress(baseUrl.get())) {
            out.add("The server address must start with http:// or https:// (Edit ▸ Settings).");
        }
        out.addAll(fieldProblems.get().values());
        return List.copyOf(out);
    }

    /** Whether text looks like an http(s) server address. */
    public static boolean isHttpAddress(String text) {
        String url = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return ((url.startsWith("http://") && url.length() > 7) || (url.startsWith("https://") && url.length() > 8))
                && !url.contains(" ");
    }

    private String loraModels() {
        return loraRows.stream().map(LoraRow::model).collect(Collectors.joining(","));
    }

    private String loraStrengths() {
        return loraRows.stream().map(r -> number(round(r.strength()))).collect(Collectors.joining(","));
    }

    private static double round(double strength) {
        return BigDecimal.valueOf(strength).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    // ---- presets, memory, defaults ---------------------------------------------------------------------

    /** Everything but the key and the server: what a preset or the last-used file holds. */
    public ParameterSnapshot snapshot() {
        Map<ApiField, String> values = new EnumMap<>(ApiField.class);
        texts.forEach((field, text) -> values.put(field, text.get() == null ? "" : text.get()));
        List<LoraRow> named = loraRows.stream().filter(r -> !r.model().isEmpty()).toList();
        if (!named.isEmpty()) {
            values.put(ApiField.LORA_MODEL, named.stream().map(LoraRow::model).collect(Collectors.joining(",")));
            values.put(ApiField.LORA_STRENGTH, named.stream().map(r -> number(round(r.strength())))
                    .collect(Collectors.joining(",")));
        }
        return new ParameterSnapshot(endpoint.get(), values, randomSeed.get(), backend.get(), fillSettings());
    }

    /** Puts a snapshot back: its endpoint and values; fields it does not mention get their defaults. */
    public void restore(ParameterSnapshot snapshot) {
        endpoint.set(snapshot.endpoint());
        setDefaults(snapshot.endpoint());
        snapshot.values().forEach((field, text) -> {
            if (!isLora(field)) {
                texts.get(field).set(text);
            }
        });
        loraRows.setAll(rows(snapshot.values().get(ApiField.LORA_MODEL), snapshot.values().get(ApiField.LORA_STRENGTH)));
        randomSeed.set(snapshot.randomSeed());
        if (snapshot.fill() != null) {
            setFillSettings(snapshot.fill());
        }
        chooseBackend(snapshot.backend());
    }

    /**
     * Every field back to the default of {@code to} (which becomes the endpoint), no LoRA, random
     * seed, the offline options back to theirs; the backend stays as chosen.
     */
    public void resetToDefaults(Endpoint to) {
        endpoint.set(to == null ? Endpoint.V6_IMAGES : to);
        setDefaults(endpoint.get());
        loraRows.clear();
        randomSeed.set(true);
        setFillSettings(FillSettings.DEFAULT);
    }

    private void setDefaults(Endpoint at) {
        texts.forEach((field, text) -> text.set(defaultText(at, field)));
    }

    /**
     * Reads the parameters the first versions kept in the settings file (model id, prompts,
     * strength, guidance, steps, samples, seed): for a first start after an update.
     */
    public void restoreLegacy(BiFunction<String, String, String> get) {
        Map<String, ApiField> legacy = new LinkedHashMap<>();
        legacy.put("modelId", ApiField.MODEL_ID);
        legacy.put("prompt", ApiField.PROMPT);
        legacy.put("negativePrompt", ApiField.NEGATIVE_PROMPT);
        legacy.put("strength", ApiField.STRENGTH);
        legacy.put("guidanceScale", ApiField.GUIDANCE_SCALE);
        legacy.put("steps", ApiField.STEPS);
        legacy.put("samples", ApiField.SAMPLES);
        legacy.put("seed", ApiField.SEED);
        legacy.forEach((key, field) -> {
            String value = get.apply(key, null);
            if (value != null) {
                if (field.type() == ApiField.ValueType.INTEGER && value.endsWith(".0")) {
                    value = value.substring(0, value.length() - 2);
                }
                texts.get(field).set(value);
            }
        });
        String seed = seedProperty().get();
        randomSeed.set(seed == null || seed.isBlank());
    }

    /**
     * The text a field starts with: the endpoint's default, else the first other endpoint's (so a
     * field keeps a sensible value while hidden), else blank (not sent).
     */
    static String defaultText(Endpoint at, ApiField field) {
        Object value = at.profile().spec(field).map(EndpointProfile.FieldSpec::defaultValue).orElse(null);
        if (value == null) {
            for (Endpoint other : Endpoint.values()) {
                value = other.profile().spec(field).map(EndpointProfile.FieldSpec::defaultValue).orElse(null);
                if (value != null) {
                    break;
                }
            }
        }
        return text(value);
    }

    /** A typed value as the panel shows it: yes/no, plain numbers ("7.5", "31"), text as it is. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return String.valueOf(value);
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static List<LoraRow> rows(String models, String strengths) {
        if (models == null || models.isBlank()) {
            return List.of();
        }
        List<String> ids = Arrays.stream(models.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> amounts = strengths == null ? List.of()
                : Arrays.stream(strengths.split(",")).map(String::strip).toList();
        List<LoraRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            double strength = LoraRow.DEFAULT_STRENGTH;
            if (i < amounts.size()) {
                try {
                    strength = Double.parseDouble(amounts.get(i));
                } catch (NumberFormatException e) {
                    // keep the default
                }
            }
            rows.add(new LoraRow(ids.get(i), strength));
        }
        return rows;
    }

    private static boolean isLora(ApiField field) {
        return field == ApiField.LORA_MODEL || field == ApiField.LORA_STRENGTH;
    }

    @Override
    public String toString() {
        return "ParametersViewModel[" + Objects.toString(endpoint.get()) + "]";
    }
}
