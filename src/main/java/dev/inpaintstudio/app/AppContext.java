package dev.inpaintstudio.app;

import dev.inpaintstudio.editor.history.History;
import dev.inpaintstudio.imaging.PictureEncoding;
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
    private final ExecutorService thumbnailLoader = Executors.newFixedThreadPool(2, daemonThreads("inpaint-thumbnails"));
    private final JobServices jobServices;
    private final ParametersViewModel parameters = new ParametersViewModel();
    private final JobsViewModel jobs;
    private final GenerationViewModel generation;
    private final SessionViewModel session;
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
        jobServices = new JobServices(paths,
                () -> new ModelsLabBackend(this::client, parameters::apiKey, () -> PictureEncoding.JPEG),
                JobServices.concurrency(settings.get(JobServices.CONCURRENCY_SETTING, null)));
        jobs = new JobsViewModel(jobServices.queue(), fx);
        generation = new GenerationViewModel(jobs, jobServices.results(), parameters, fx);
        session = new SessionViewModel(new Autosave(paths.dataDir().resolve("autosave")), generation, parameters, io);
        DocumentOpener opener = new DocumentOpener(io, History.DEFAULT_BUDGET_BYTES);
        ResultActions actions = new ResultActions(jobServices.results(), generation, parameters, opener, io, fx);
        window = new MainWindow(generation, parameters, opener, io, session, actions, thumbnailLoader);
        io.execute(() -> {
            generation.loadStoredResults();
            // Then collect the jobs the last run left under way (they run on the queue's threads).
            jobServices.start();
        });
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

    public JobsViewModel jobs() {
        return jobs;
    }

    public SessionViewModel session() {
        return session;
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
        session.closeCleanly();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thumbnailLoader.shutdownNow();
        // Jobs under way keep their files: the next start collects them.
        jobServices.close();
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
