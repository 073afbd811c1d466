package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.Crops;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.MaskImages;
import dev.inpaintstudio.imaging.PasteBack;
import dev.inpaintstudio.imaging.Resampling;
import dev.inpaintstudio.local.FillOptions;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs generation jobs on its executor, never on the caller's thread: picks the job's backend from
 * its recipe, crops the context around the mask (or takes the whole picture) at the size that
 * backend works at ({@link Backend#planCrop}), has it repaint the crop, then scales the outputs back
 * to the crop and blends them into the full-resolution original through the feathered mask, leaving
 * every pixel the feathered mask does not reach untouched.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final ExecutorService executor;
    private final BackendChooser backends;

    public JobRunner(ExecutorService executor, BackendChooser backends) {
        this.executor = executor;
        this.backends = backends;
    }

    public JobHandle submit(JobRequest request, JobListener listener) {
        CancellationToken token = new CancellationToken();
        JobHandle handle = new JobHandle(token);
        handle.attach(executor.submit(() -> run(request, listener, token)));
        return handle;
    }

    private void run(JobRequest request, JobListener listener, CancellationToken token) {
        long start = System.nanoTime();
        try {
            JobOutcome outcome = generate(request, listener, token, start);
            listener.report(Progress.Stage.DONE, 1, "Done");
            listener.succeeded(outcome);
        } catch (CancellationException e) {
            listener.cancelled();
        } catch (BackendException e) {
            if (token.isCancelled()) {
                listener.cancelled();
            } else {
                listener.failed(e.getMessage(), e);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            if (token.isCancelled()) {
                listener.cancelled();
            } else {
                LOG.log(Level.WARNING, "Generation failed unexpectedly", e);
                listener.failed("Generation failed unexpectedly: " + e, e);
            }
        }
    }

    /** The part of the picture the job's backend will be given and at what size, as {@link #submit} will cut it. */
    public ContextCrop plan(JobRequest request) {
        return backends.backendFor(request.recipe()).planCrop(request);
    }

    private JobOutcome generate(JobRequest request, JobListener listener, CancellationToken token, long start)
            throws BackendException {
        listener.report(Progress.Stage.PREPARING, -1, "Preparing image and mask");
        BufferedImage original = request.image();
        int w = original.getWidth();
        int h = original.getHeight();
        CropSettings settings = request.crop();
        GenerationRecipe recipe = request.recipe();
        Backend backend = backends.backendFor(recipe);
        ContextCrop plan = backend.planCrop(request);
        CropBox box = plan.box();
        GenerationSize size = plan.size();
        BufferedImage image = fit(Crops.copy(original, box), size);
        BufferedImage mask = fit(Crops.mask(request.coverage(), w, box), size);
        token.throwIfCancelled();

        GenerationInput input = new GenerationInput(image, mask, cropRecipe(recipe, w, box, size), request.resumeServerId(),
                request.resumeFetchUrl());
        BackendResult result = backend.generate(input, listener, token);
        token.throwIfCancelled();

        listener.report(Progress.Stage.FINISHING, -1, "Pasting results back at full resolution");
        List<BufferedImage> pasted = new ArrayList<>();
        for (BufferedImage generated : result.images()) {
            BufferedImage fitted = generated.getWidth() == box.width() && generated.getHeight() == box.height()
                    ? generated : Resampling.resizeSharp(generated, box.width(), box.height());
            pasted.add(PasteBack.compositeCrop(original, fitted, request.coverage(), box, settings.featherPx(), settings.colorMatch()));
            token.throwIfCancelled();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new JobOutcome(request, pasted, size, result.serverId(), result.nsfwContentDetected(), result.metaJson(),
                elapsed, box, result.serverGenerationSeconds());
    }

    /** The crop at the working size; as it is when that is its own size (the offline engine's usual case). */
    private static BufferedImage fit(BufferedImage crop, GenerationSize size) {
        return crop.getWidth() == size.width() && crop.getHeight() == size.height() ? crop
                : Resampling.resize(crop, size.width(), size.height());
    }

    /** An offline recipe's texture source region cut to the crop and brought to the working size. */
    private static GenerationRecipe cropRecipe(GenerationRecipe recipe, int stride, CropBox box, GenerationSize size) {
        if (!(recipe instanceof GenerationRecipe.LocalFill fill) || fill.options().sourceRegion() == null) {
            return recipe;
        }
        FillOptions o = fill.options();
        byte[] region = MaskImages.toCoverage(fit(Crops.mask(o.sourceRegion(), stride, box), size));
        return new GenerationRecipe.LocalFill(new FillOptions(o.patchSize(), o.quality(), o.seed(), region));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
