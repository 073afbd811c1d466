package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.gallery.ResultStore;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.jobs.JobRunner;
import dev.inpaintstudio.jobs.ModelsLabBackend;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.params.ParametersViewModel;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds and owns everything behind the window, and saves what must survive on the way out. */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppContext.class.getName());

    private final Settings settings;
    private final ApiKeyStore keyStore;
    private final ExecutorService io = Executors.newSingleThreadExecutor(daemonThreads("inpaint-io"));
    private final JobRunner runner;
    private final ParametersViewModel parameters = new ParametersViewModel();
    private final GenerationViewModel generation;
    private final MainWindow window;
    private ModelsLabClient client;
    private String clientBaseUrl;

    public AppContext(AppPaths paths, Executor fx) {
        settings = Settings.load(paths.configDir());
        keyStore = new ApiKeyStore(paths.configDir());
        parameters.loadFrom(settings::get);
        try {
            keyStore.load().ifPresent(parameters.apiKeyProperty()::set);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the stored API key", e);
        }
        runner = new JobRunner(Executors.newFixedThreadPool(2, daemonThreads("inpaint-job")),
                () -> new ModelsLabBackend(this::client, parameters::apiKey, () -> PictureEncoding.JPEG));
        generation = new GenerationViewModel(runner, new ResultStore(paths.resultsDir()), parameters, fx);
        window = new MainWindow(generation, parameters, new DocumentOpener(io, History.DEFAULT_BUDGET_BYTES), io);
        io.execute(generation::loadStoredResults);
        // Remember the request whenever a job starts, so a crash does not lose it.
        generation.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                saveSettingsInBackground();
            }
        });
    }

    public MainWindow window() {
        return window;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public GenerationViewModel generation() {
        return generation;
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

    private void saveSettingsInBackground() {
        String key = parameters.apiKeyProperty().get();
        parameters.saveTo(settings::put);
        io.execute(() -> persist(key));
    }

    private void persist(String key) {
        try {
            settings.save();
            keyStore.save(key);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save settings", e);
        }
    }

    @Override
    public void close() {
        saveSettingsInBackground();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
