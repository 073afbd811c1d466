package dev.inpaintstudio.app;

import dev.inpaintstudio.gallery.StoredResult;
import dev.inpaintstudio.jobs.LocalBackend;
import dev.inpaintstudio.jobs.ModelsLabBackend;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.modelslab.ClientSettings;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.params.BackendChoice;
import dev.inpaintstudio.params.ParameterSnapshot;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.params.PresetStore;
import dev.inpaintstudio.params.PresetsViewModel;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds and owns everything behind the window, and saves what must survive: the settings, the
 * last-used parameters (as a preset file) and, apart from both, the API key. Files are written on
 * the {@code io} thread, never on the UI thread.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppContext.class.getName());
    private static final long MIB = 1024L * 1024;

    private final AppPaths paths;
    private final Settings settings;
    private final ApiKeyStore keyStore;
    private final PresetStore presetStore;
    private final ExecutorService io = Executors.newSingleThreadExecutor(daemonThreads("inpaint-io"));
    private final ExecutorService net = Executors.newCachedThreadPool(daemonThreads("inpaint-net"));
    private final ExecutorService thumbnailLoader = Executors.newFixedThreadPool(2, daemonThreads("inpaint-thumbnails"));
    private final Executor fx;
    private final JobServices jobServices;
    private final ParametersViewModel parameters = new ParametersViewModel();
    private final PresetsViewModel presets;
    private final JobsViewModel jobs;
    private final GenerationViewModel generation;
    private final SessionViewModel session;
    private final MainWindow window;
    private ModelsLabClient client;
    private String clientBaseUrl;
    /** The key as last stored (or read), so that it is written only when it changed. */
    private String storedKey;

    /** What the app reads from disk before the window is built: call on the launcher thread, not the UI thread. */
    public record Stored(Settings settings, Optional<String> key, Optional<ParameterSnapshot> lastUsed) {
        public static Stored load(AppPaths paths) {
            Settings settings = Settings.load(paths.configDir());
            Optional<String> key = Optional.empty();
            try {
                key = new ApiKeyStore(paths.configDir()).load();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not read the stored API key: " + e.getMessage());
            }
            Optional<ParameterSnapshot> lastUsed = Optional.empty();
            try {
                lastUsed = new PresetStore(paths.configDir()).loadLastUsed();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not read the last-used parameters: " + e.getMessage());
            }
            return new Stored(settings, key, lastUsed);
        }
    }

    public AppContext(AppPaths paths, Executor fx) {
        this(paths, Stored.load(paths), fx);
    }

    public AppContext(AppPaths paths, Stored stored, Executor fx) {
        this.paths = paths;
        this.fx = fx;
        settings = stored.settings();
        keyStore = new ApiKeyStore(paths.configDir());
        presetStore = new PresetStore(paths.configDir());

        stored.lastUsed().ifPresentOrElse(parameters::restore, () -> {
            // First start after an update: the parameters were kept in the settings file then.
            parameters.restoreLegacy(settings::get);
            for (String old : List.of("modelId", "prompt", "negativePrompt", "strength", "guidanceScale", "steps",
                    "samples", "seed")) {
                settings.put(old, null);
            }
            // A fresh start: the default endpoint. The last-used parameters bring their own.
            parameters.endpointProperty().set(defaultEndpoint());
        });
        parameters.baseUrlProperty().set(settings.baseUrl());
        storedKey = stored.key().orElse("");
        parameters.apiKeyProperty().set(storedKey);
        parameters.recentModelIds().setAll(settings.recentModelIds());
        parameters.recentModelIds().addListener((ListChangeListener<String>) c ->
                settings.setRecentModelIds(List.copyOf(parameters.recentModelIds())));

        // The output folder applies from the next start; the concurrency as soon as it is changed.
        Path results = settings.outputFolder().orElse(paths.resultsDir());
        jobServices = new JobServices(paths, results, () -> new ModelsLabBackend(this::client, parameters::apiKey,
                () -> SettingsViewModel.encodingOf(settings.pictureEncoding())),
                new LocalBackend(new ContentAwareFill(Runtime.getRuntime().availableProcessors())), settings.concurrency());
        startBackend(storedKey);
        jobs = new JobsViewModel(jobServices.queue(), fx);
        generation = new GenerationViewModel(jobs, jobServices.results(), parameters, fx);
        generation.cropSettingsProperty().set(cropSettings(settings));
        presets = new PresetsViewModel(parameters, presetStore, io, fx, this::defaultEndpoint);
        DocumentOpener opener = new DocumentOpener(io, this::undoBudgetBytes);
        session = new SessionViewModel(new Autosave(paths.dataDir().resolve("autosave")), generation, parameters, io,
                this::undoBudgetBytes);
        ResultActions actions = new ResultActions(jobServices.results(), generation, parameters, opener, io, fx);
        window = new MainWindow(generation, parameters, presets, opener, io, this::openSettings, session, actions,
                thumbnailLoader);
        Themes.apply(window.scene(), settings.theme());
        // The editor gives every document it shows this budget, and applies a change to the open one.
        window.editor().historyBudgetBytesProperty().set(undoBudgetBytes());
        parameters.reusableSeedProperty().bind(Bindings.createObjectBinding(() -> {
            StoredResult selected = window.gallery().getSelectionModel().getSelectedItem();
            return selected == null ? null : selected.seed();
        }, window.gallery().getSelectionModel().selectedItemProperty()));

        io.execute(() -> {
            generation.loadStoredResults();
            // Then collect the jobs the last run left under way (they run on the queue's threads).
            jobServices.start();
        });
        presets.refresh();
        // Remember the request whenever a job is queued, so a crash does not lose it.
        generation.submittedProperty().addListener((obs, was, now) -> saveInBackground());
    }

    public MainWindow window() {
        return window;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public PresetsViewModel presets() {
        return presets;
    }

    public GenerationViewModel generation() {
        return generation;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public SessionViewModel session() {
        return session;
    }

    public Settings settings() {
        return settings;
    }

    public AppPaths paths() {
        return paths;
    }

    /**
     * The backend at start: the artist's last pick when they made one; else it follows the key,
     * offline while none is set (so a fresh install can work at once) and ModelsLab once one is, also
     * when a key is entered later in this run. The artist's own pick is remembered in the settings.
     */
    private void startBackend(String key) {
        Optional<BackendChoice> picked = settings.backendChoice().flatMap(id -> {
            try {
                return Optional.of(BackendChoice.fromId(id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        if (picked.isPresent()) {
            parameters.chooseBackend(picked.get());
        } else {
            parameters.backendChosenProperty().set(false);
            parameters.backendProperty().set(followingKey(key));
        }
        parameters.apiKeyProperty().addListener((obs, was, now) -> {
            if (!parameters.backendChosenProperty().get()) {
                parameters.backendProperty().set(followingKey(now));
            }
        });
        javafx.beans.InvalidationListener remember = obs -> settings.setBackendChoice(
                parameters.backendChosenProperty().get() ? parameters.backendProperty().get().id() : null);
        parameters.backendProperty().addListener(remember);
        parameters.backendChosenProperty().addListener(remember);
    }

    private long undoBudgetBytes() {
        return settings.undoBudgetMegabytes() * MIB;
    }

    static BackendChoice followingKey(String key) {
        return key == null || key.isBlank() ? BackendChoice.OFFLINE : BackendChoice.MODELSLAB;
    }

    static CropSettings cropSettings(Settings settings) {
        return new CropSettings(settings.cropPadding(), settings.wholeImage(), settings.featherPixels(), settings.colorMatch());
    }

    Endpoint defaultEndpoint() {
        return SettingsViewModel.endpointOf(settings.defaultEndpoint());
    }

    /** A view model for the settings dialog, filled with the current values. */
    SettingsViewModel newSettingsViewModel() {
        return new SettingsViewModel(settings, parameters, AppContext::keyCheckClient, net, fx, applied -> {
            Themes.apply(window.scene(), settings.theme());
            jobServices.queue().setConcurrency(settings.concurrency());
            generation.cropSettingsProperty().set(cropSettings(settings));
            window.editor().historyBudgetBytesProperty().set(undoBudgetBytes());
            saveInBackground();
        });
    }

    private void openSettings() {
        new SettingsDialog(newSettingsViewModel(), window.scene().getWindow(), settings.theme()).showAndWait();
    }

    /** A client for one key check: short timeouts, as a person is waiting for the answer. */
    private static ModelsLabClient keyCheckClient(String baseUrl) {
        ClientSettings d = ClientSettings.defaults();
        return new ModelsLabClient(baseUrl, new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(20),
                d.minPollDelay(), d.maxPollDelay(), d.deadline(), d.downloadAttempts(), d.downloadRetryDelay(),
                d.rateLimitWait()));
    }

    /** One client per base URL, so connections are reused between jobs. */
    private synchronized ModelsLabClient client() {
        String url = parameters.baseUrlProperty().get().strip();
        if (client == null || !url.equals(clientBaseUrl)) {
            client = new ModelsLabClient(url);
            clientBaseUrl = url;
        }
        return client;
    }

    /**
     * Saves the settings, the last-used parameters and (when it changed) the key on the io thread.
     * Takes the values on the calling (UI) thread. The returned future completes when they are written.
     */
    CompletableFuture<Void> saveInBackground() {
        ParameterSnapshot snapshot = parameters.snapshot();
        settings.setRecentModelIds(List.copyOf(parameters.recentModelIds()));
        String key = parameters.apiKeyProperty().get() == null ? "" : parameters.apiKeyProperty().get().strip();
        boolean keyChanged = !Objects.equals(key, storedKey);
        storedKey = key;
        return CompletableFuture.runAsync(() -> persist(snapshot, keyChanged ? key : null), io);
    }

    private void persist(ParameterSnapshot snapshot, String changedKey) {
        try {
            settings.save();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the settings: " + e.getMessage());
        }
        try {
            presetStore.saveLastUsed(snapshot);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the last-used parameters: " + e.getMessage());
        }
        if (changedKey != null) {
            try {
                keyStore.save(changedKey);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not save the API key: " + e.getMessage());
                String problem = changedKey.isEmpty()
                        ? "The stored API key could not be removed (" + e.getMessage() + ")."
                        : "The API key could not be saved (" + e.getMessage() + "): it is used until you quit "
                        + "but will be gone at the next start.";
                fx.execute(() -> {
                    // Not on disk: the next save tries again.
                    if (Objects.equals(storedKey, changedKey)) {
                        storedKey = null;
                    }
                    generation.showProblem(problem);
                });
            }
        }
    }

    @Override
    public void close() {
        saveInBackground();
        session.closeCleanly();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        net.shutdownNow();
        thumbnailLoader.shutdownNow();
        // Jobs under way keep their files: the next start collects them.
        jobServices.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return JobServices.daemonThreads(name);
    }
}
