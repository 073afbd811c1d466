package dev.inpaintstudio.app;

import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.KeyCheck;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.settings.Settings;
import dev.inpaintstudio.settings.Settings.Theme;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The settings dialog's values, copied from the settings and the current request when it opens and
 * written back by {@link #apply()}. "Test key" runs on {@code net}, never on the UI thread.
 */
final class SettingsViewModel {
    private final Settings settings;
    private final ParametersViewModel parameters;
    private final Function<String, ModelsLabClient> clientFor;
    private final Executor net;
    private final Executor fx;
    private final Consumer<SettingsViewModel> onApply;

    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey");
    private final ObjectProperty<Endpoint> defaultEndpoint = new SimpleObjectProperty<>(this, "defaultEndpoint");
    private final StringProperty outputFolder = new SimpleStringProperty(this, "outputFolder", "");
    private final ObjectProperty<PictureEncoding> pictureEncoding = new SimpleObjectProperty<>(this, "pictureEncoding");
    private final IntegerProperty undoBudgetMegabytes = new SimpleIntegerProperty(this, "undoBudgetMegabytes");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final IntegerProperty cropPadding = new SimpleIntegerProperty(this, "cropPadding");
    private final BooleanProperty wholeImage = new SimpleBooleanProperty(this, "wholeImage");
    private final IntegerProperty featherPixels = new SimpleIntegerProperty(this, "featherPixels");
    private final BooleanProperty colorMatch = new SimpleBooleanProperty(this, "colorMatch");

    private final BooleanProperty checkingKey = new SimpleBooleanProperty(this, "checkingKey");
    private final ObjectProperty<KeyCheck.Outcome> keyCheckOutcome = new SimpleObjectProperty<>(this, "keyCheckOutcome");
    private final StringProperty keyCheckMessage = new SimpleStringProperty(this, "keyCheckMessage", "");

    private final ObjectBinding<List<String>> problems;
    private final BooleanBinding valid;

    SettingsViewModel(Settings settings, ParametersViewModel parameters, Function<String, ModelsLabClient> clientFor,
                      Executor net, Executor fx, Consumer<SettingsViewModel> onApply) {
        this.settings = settings;
        this.parameters = parameters;
        this.clientFor = clientFor;
        this.net = net;
        this.fx = fx;
        this.onApply = onApply;
        baseUrl.set(parameters.baseUrlProperty().get());
        apiKey.set(parameters.apiKeyProperty().get());
        defaultEndpoint.set(endpointOf(settings.defaultEndpoint()));
        outputFolder.set(settings.outputFolder().map(Path::toString).orElse(""));
        pictureEncoding.set(encodingOf(settings.pictureEncoding()));
        undoBudgetMegabytes.set(settings.undoBudgetMegabytes());
        concurrency.set(settings.concurrency());
        theme.set(settings.theme());
        cropPadding.set(settings.cropPadding());
        wholeImage.set(settings.wholeImage());
        featherPixels.set(settings.featherPixels());
        colorMatch.set(settings.colorMatch());
        // A changed key or server voids an earlier check.
        apiKey.addListener((obs, o, n) -> clearCheck());
        baseUrl.addListener((obs, o, n) -> clearCheck());
        problems = Bindings.createObjectBinding(this::findProblems, baseUrl, outputFolder);
        valid = Bindings.createBooleanBinding(() -> problems.get().isEmpty(), problems);
    }

    static Endpoint endpointOf(String cliName) {
        try {
            return Endpoint.fromCliName(cliName);
        } catch (IllegalArgumentException e) {
            return Endpoint.V6_IMAGES;
        }
    }

    static PictureEncoding encodingOf(String name) {
        for (PictureEncoding e : PictureEncoding.values()) {
            if (e.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return e;
            }
        }
        return PictureEncoding.JPEG;
    }

    StringProperty baseUrlProperty() {
        return baseUrl;
    }

    StringProperty apiKeyProperty() {
        return apiKey;
    }

    ObjectProperty<Endpoint> defaultEndpointProperty() {
        return defaultEndpoint;
    }

    StringProperty outputFolderProperty() {
        return outputFolder;
    }

    ObjectProperty<PictureEncoding> pictureEncodingProperty() {
        return pictureEncoding;
    }

    IntegerProperty undoBudgetMegabytesProperty() {
        return undoBudgetMegabytes;
    }

    IntegerProperty cropPaddingProperty() {
        return cropPadding;
    }

    BooleanProperty wholeImageProperty() {
        return wholeImage;
    }

    IntegerProperty featherPixelsProperty() {
        return featherPixels;
    }

    BooleanProperty colorMatchProperty() {
        return colorMatch;
    }

    IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    BooleanProperty checkingKeyProperty() {
        return checkingKey;
    }

    ObjectProperty<KeyCheck.Outcome> keyCheckOutcomeProperty() {
        return keyCheckOutcome;
    }

    StringProperty keyCheckMessageProperty() {
        return keyCheckMessage;
    }

    ObjectBinding<List<String>> problemsProperty() {
        return problems;
    }

    BooleanBinding validProperty() {
        return valid;
    }

    /**
     * Checks the key typed here against the server typed here, with one call that generates nothing;
     * the outcome arrives in {@link #keyCheckMessageProperty()}. Completes when it is shown.
     */
    CompletableFuture<Void> testKey() {
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        ApiKey key = new ApiKey(apiKey.get() == null ? "" : apiKey.get());
        checkingKey.set(true);
        keyCheckOutcome.set(null);
        keyCheckMessage.set("Checking the key with " + url + "…");
        return CompletableFuture.supplyAsync(() -> clientFor.apply(url).checkKey(key), net)
                .exceptionally(e -> new KeyCheck(KeyCheck.Outcome.UNKNOWN, "The key could not be checked: " + e.getMessage()))
                .thenAcceptAsync(result -> {
                    checkingKey.set(false);
                    keyCheckOutcome.set(result.outcome());
                    keyCheckMessage.set(result.message());
                }, fx);
    }

    private void clearCheck() {
        if (!checkingKey.get()) {
            keyCheckOutcome.set(null);
            keyCheckMessage.set("");
        }
    }

    /** Writes the values into the settings and the request, then hands them to the app to save and apply. */
    void apply() {
        if (!valid.get()) {
            throw new IllegalStateException(String.join(" ", problems.get()));
        }
        String url = baseUrl.get().strip();
        settings.setBaseUrl(url);
        settings.setDefaultEndpoint(defaultEndpoint.get().cliName());
        String folder = outputFolder.get() == null ? "" : outputFolder.get().strip();
        settings.setOutputFolder(folder.isEmpty() ? null : Path.of(folder));
        settings.setPictureEncoding(pictureEncoding.get().name());
        settings.setUndoBudgetMegabytes(undoBudgetMegabytes.get());
        settings.setConcurrency(concurrency.get());
        settings.setTheme(theme.get());
        settings.setCropPadding(cropPadding.get());
        settings.setWholeImage(wholeImage.get());
        settings.setFeatherPixels(featherPixels.get());
        settings.setColorMatch(colorMatch.get());
        parameters.baseUrlProperty().set(url);
        parameters.apiKeyProperty().set(apiKey.get() == null ? "" : apiKey.get().strip());
        onApply.accept(this);
    }

    private List<String> findProblems() {
        List<String> out = new ArrayList<>();
        if (!ParametersViewModel.isHttpAddress(baseUrl.get())) {
            out.add("The server address must start with http:// or https://.");
        }
        String folder = outputFolder.get() == null ? "" : outputFolder.get().strip();
        if (!folder.isEmpty()) {
            try {
                if (!Path.of(folder).isAbsolute()) {
                    out.add("The output folder must be a full path.");
                }
            } catch (InvalidPathException e) {
                out.add("The output folder is not a valid path.");
            }
        }
        return List.copyOf(out);
    }
}
