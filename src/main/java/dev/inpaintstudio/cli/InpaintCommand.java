package dev.inpaintstudio.cli;

import dev.inpaintstudio.imaging.ImageFiles;
import dev.inpaintstudio.imaging.ImageReadException;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PngEncoder;
import dev.inpaintstudio.jobs.Backend;
import dev.inpaintstudio.jobs.BackendChooser;
import dev.inpaintstudio.jobs.GenerationRecipe;
import dev.inpaintstudio.jobs.JobListener;
import dev.inpaintstudio.jobs.LocalBackend;
import dev.inpaintstudio.jobs.JobOutcome;
import dev.inpaintstudio.jobs.JobRequest;
import dev.inpaintstudio.jobs.JobRunner;
import dev.inpaintstudio.jobs.ModelsLabBackend;
import dev.inpaintstudio.local.ContentAwareFill;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.ApiKey;
import dev.inpaintstudio.modelslab.ClientSettings;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.ModelsLabClient;
import dev.inpaintstudio.modelslab.ModelsLabException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code inpaint-studio inpaint --image IN --mask MASK --out DIR [--backend local|modelslab] ...}: the
 * same job pipeline as the window (crop, repaint offline or send, poll and download, paste back at
 * full resolution), headless. Without {@code --backend} it runs offline while no API key is given.
 * Progress goes to stderr; each output is written as PNG with a JSON sidecar.
 */
public final class InpaintCommand {
    public static final String KEY_VARIABLE = "MODELSLAB_API_KEY";

    private final Map<String, String> environment;
    private final Supplier<Optional<String>> storedKey;
    private final PrintStream out;
    private final PrintStream err;

    public InpaintCommand(Map<String, String> environment, Supplier<Optional<String>> storedKey, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.storedKey = storedKey;
        this.out = out;
        this.err = err;
    }

    public ExitCode run(List<String> args) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            err.println("inpaint: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.help()) {
            out.print(CliHelp.text(options.endpoint()));
            return ExitCode.OK;
        }
        try {
            return generate(options);
        } catch (UsageException e) {
            err.println("inpaint: " + e.getMessage());
            return e.exitCode();
        }
    }

    private ExitCode generate(CliOptions options) throws UsageException {
        ApiKey key = apiKey();
        // Without a key the offline engine is the one that can work; with one, ModelsLab.
        String backend = options.backend() != null ? options.backend()
                : key.isBlank() ? CliOptions.LOCAL : CliOptions.MODELSLAB;
        boolean local = backend.equals(CliOptions.LOCAL);
        GenerationRecipe recipe;
        if (local) {
            recipe = null; // built once the picture's size is known (the texture region must match it)
            List<String> modelsLabOnly = options.parameters().keySet().stream().filter(n -> !n.equals("seed"))
                    .map(n -> "--" + (n.equals("model-id") ? "model" : n)).toList();
            if (!modelsLabOnly.isEmpty()) {
                throw new UsageException(String.join(", ", modelsLabOnly) + (modelsLabOnly.size() == 1 ? " is a ModelsLab option"
                        : " are ModelsLab options") + ", but the offline backend runs"
                        + (options.backend() == null ? " (no API key is set)" : "")
                        + ". It takes --patch-size, --quality, --seed and --texture-from. For ModelsLab set "
                        + KEY_VARIABLE + " or pass --backend modelslab.");
            }
        } else {
            if (!options.offlineOptionsGiven().isEmpty()) {
                throw new UsageException(String.join(", ", options.offlineOptionsGiven())
                        + " only apply to the offline backend (--backend local).");
            }
            recipe = new GenerationRecipe.ModelsLab(CliParameters.build(options.endpoint(), options.parameters()));
        }

        BufferedImage image = read(options.image(), "image");
        BufferedImage maskImage = read(options.mask(), "mask");
        if (maskImage.getWidth() != image.getWidth() || maskImage.getHeight() != image.getHeight()) {
            throw new UsageException("The mask is " + maskImage.getWidth() + "×" + maskImage.getHeight()
                    + " but the image is " + image.getWidth() + "×" + image.getHeight() + "; they must be the same size.");
        }
        byte[] coverage = MaskImages.toCoverage(maskImage);
        if (MaskImages.isEmpty(coverage)) {
            throw new UsageException("The mask is entirely black: nothing to repaint (white = repaint, black = keep).");
        }
        if (local) {
            recipe = new GenerationRecipe.LocalFill(fillOptions(options, image));
        } else if (key.isBlank()) {
            err.println("inpaint: no API key. Set " + KEY_VARIABLE + " or save a key in the app's settings.");
            return ExitCode.INVALID_KEY;
        }
        try {
            Files.createDirectories(options.out());
        } catch (IOException e) {
            throw new UsageException("Cannot create the output folder " + options.out() + ": " + e.getMessage());
        }

        Supplier<Backend> modelsLab = () -> new ModelsLabBackend(
                () -> new ModelsLabClient(options.baseUrl(), ClientSettings.defaults().withDeadline(options.deadline())),
                () -> key, options::pictureEncoding);
        Supplier<Backend> offline = () -> new LocalBackend(new ContentAwareFill(Runtime.getRuntime().availableProcessors()));
        JobRunner runner = new JobRunner(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "inpaint-cli-job");
            t.setDaemon(true);
            return t;
        }), BackendChooser.of(modelsLab, offline));
        String name = baseName(options.image());
        Outcome outcome = new Outcome();
        var handle = runner.submit(new JobRequest(image, coverage, recipe, name, local ? null : options.resumeServerId(),
                options.crop()), outcome);
        Thread hook = new Thread(handle::cancel, "inpaint-cli-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            JobOutcome result = outcome.future.get();
            List<Path> written = new SidecarWriter(options.out()).write(name, result, options);
            written.forEach(p -> out.println(p));
            err.printf(Locale.ROOT, "inpaint: %d output(s) in %.1f s%n", written.size(), result.elapsed().toMillis() / 1000.0);
            return ExitCode.OK;
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return ExitCode.CANCELLED;
        } catch (IOException e) {
            err.println("inpaint: could not write the outputs: " + e.getMessage());
            return ExitCode.OUTPUT_FAILED;
        } finally {
            runner.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: nothing to remove.
            }
        }
    }

    /** The offline engine's options: given ones, else its defaults; a seed drawn now when none is given, so the sidecar names it. */
    private FillOptions fillOptions(CliOptions options, BufferedImage image) throws UsageException {
        String seedText = options.parameters().get("seed");
        long seed;
        if (seedText == null || seedText.isBlank()) {
            seed = new SecureRandom().nextInt(Integer.MAX_VALUE);
        } else {
            try {
                seed = Long.parseLong(seedText.strip());
            } catch (NumberFormatException e) {
                seed = -1;
            }
            if (seed < 0) {
                throw new UsageException("--seed takes a whole number from 0 up; got \"" + seedText + "\".");
            }
        }
        byte[] region = null;
        if (options.textureFrom() != null) {
            BufferedImage from = read(options.textureFrom(), "texture region");
            if (from.getWidth() != image.getWidth() || from.getHeight() != image.getHeight()) {
                throw new UsageException("The texture region is " + from.getWidth() + "×" + from.getHeight()
                        + " but the image is " + image.getWidth() + "×" + image.getHeight() + "; they must be the same size.");
            }
            region = MaskImages.toCoverage(from);
            if (MaskImages.isEmpty(region)) {
                throw new UsageException("The texture region is entirely black: mark where texture may come from in white.");
            }
        }
        FillOptions d = FillOptions.DEFAULT;
        return new FillOptions(options.patchSize() != null ? options.patchSize() : d.patchSize(),
                options.quality() != null ? options.quality() : d.quality(), seed, region);
    }

    private ExitCode failure(Throwable cause) {
        if (cause instanceof java.util.concurrent.CancellationException) {
            err.println("inpaint: cancelled");
            return ExitCode.CANCELLED;
        }
        boolean fromServer = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            fromServer |= t instanceof ModelsLabException;
        }
        if (!fromServer && !(cause instanceof dev.inpaintstudio.jobs.BackendException)) {
            err.println("inpaint: " + cause.getMessage());
            return ExitCode.FILL_FAILED;
        }
        err.println("inpaint: " + cause.getMessage());
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ModelsLabException e) {
                e.fieldErrors().forEach((field, messages) -> messages.forEach(m -> err.println("  " + field + ": " + m)));
                if (e.kind() == ModelsLabException.Kind.DEADLINE && e.serverId() != null) {
                    err.println("inpaint: collect it later by running the same command with --resume " + e.serverId());
                }
                return ExitCode.of(e.kind());
            }
        }
        return ExitCode.SERVER_FAILURE;
    }

    private ApiKey apiKey() {
        String fromEnvironment = environment.get(KEY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new ApiKey(fromEnvironment);
        }
        return new ApiKey(storedKey.get().orElse(""));
    }

    /** Reads a picture, telling stderr what was done to it on the way in (16-bit or CMYK converted, EXIF rotation). */
    private BufferedImage read(Path file, String what) throws UsageException {
        try {
            ImageFiles.Decoded decoded = ImageFiles.readWithNotices(file);
            decoded.notices().forEach(notice -> err.println("inpaint: " + notice));
            return decoded.image();
        } catch (ImageReadException e) {
            throw new UsageException("The " + what + ": " + e.getMessage());
        }
    }

    static String baseName(Path image) {
        String file = String.valueOf(image.getFileName());
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Carries the job's end to the waiting command thread, and its progress to stderr. */
    private final class Outcome implements JobListener {
        final CompletableFuture<JobOutcome> future = new CompletableFuture<>();
        private String lastLine = "";

        @Override
        public void report(Stage stage, double fraction, String detail) {
            String line = stage.label() + (detail == null || detail.isBlank() ? "" : ": " + detail)
                    + (fraction >= 0 ? String.format(Locale.ROOT, " (%.0f%%)", fraction * 100) : "");
            synchronized (this) {
                if (!line.equals(lastLine)) {
                    err.println("inpaint: " + line);
                    lastLine = line;
                }
            }
        }

        @Override
        public void succeeded(JobOutcome outcome) {
            future.complete(outcome);
        }

        @Override
        public void failed(String message, Throwable cause) {
            future.completeExceptionally(cause != null ? cause : new IllegalStateException(message));
        }

        @Override
        public void cancelled() {
            future.completeExceptionally(new java.util.concurrent.CancellationException());
        }
    }
}
