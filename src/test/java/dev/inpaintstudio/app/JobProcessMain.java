package dev.inpaintstudio.app;

import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.PictureEncoding;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.jobs.LocalBackend;
import dev.inpaintstudio.jobs.ModelsLabBackend;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.settings.ApiKeyStore;
import dev.inpaintstudio.settings.AppPaths;
import dev.inpaintstudio.settings.Settings;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The other process of {@link KillAndResumeTest}: the app's job pipeline on a data folder (wired as
 * {@link AppContext} wires it: settings, stored key, ModelsLab backend, queue), submitting one job
 * for the picture given, then waiting to be killed.
 */
public final class JobProcessMain {
    private JobProcessMain() {
    }

    /** Job services as the app builds them for the folder {@code home}. */
    static JobServices services(Path home) throws IOException {
        AppPaths paths = AppPaths.under(home);
        Settings settings = Settings.load(paths.configDir());
        ApiKey key = new ApiKey(new ApiKeyStore(paths.configDir()).load().orElse(""));
        ModelsLabClient client = new ModelsLabClient(settings.baseUrl());
        return new JobServices(paths, settings.outputFolder().orElse(paths.resultsDir()),
                () -> new ModelsLabBackend(() -> client, () -> key, () -> PictureEncoding.JPEG),
                new LocalBackend(new ContentAwareFill(2)), settings.concurrency());
    }

    /** The middle third of the picture, white: the part to repaint. */
    static byte[] middleThird(int w, int h) {
        byte[] coverage = new byte[w * h];
        for (int y = h / 3; y < 2 * h / 3; y++) {
            for (int x = w / 3; x < 2 * w / 3; x++) {
                coverage[y * w + x] = (byte) 255;
            }
        }
        return coverage;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        BufferedImage picture = ImageFiles.read(Path.of(args[1]));
        JobServices services = services(home);
        services.start();
        InpaintParameters parameters = InpaintParameters.defaults(Endpoint.V6_IMAGES)
                .with(ApiField.MODEL_ID, "kill-test-model").with(ApiField.PROMPT, "a window at night")
                .with(ApiField.SEED, 4242L);
        byte[] coverage = middleThird(picture.getWidth(), picture.getHeight());
        String id = services.queue().submit(new JobRequest(picture, coverage, parameters, "killed.png"), null, null).id();
        System.out.println("submitted " + id);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
