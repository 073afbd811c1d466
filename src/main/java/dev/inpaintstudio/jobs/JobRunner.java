package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.CropBox;
import dev.inpaintstudio.imaging.CropSettings;
import dev.inpaintstudio.imaging.Crops;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.imaging.PasteBack;
import dev.inpaintstudio.imaging.Resampling;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs generation jobs on its executor, never on the caller's thread: crops the context around the
 * mask (or takes the whole picture), scales it to a size the API takes, has the backend repaint it,
 * then scales the outputs back to the crop and blends them into the full-resolution original
 * through the feathered mask, leaving every pixel the feathered mask does not reach untouched.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final ExecutorService executor;
    private final Supplier<Backend> backend;

    public JobRunner(ExecutorService executor, Supplier<Backend> backend) {
        this.executor = executor;
        this.backend = backend;
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

    private JobOutcome generate(JobRequest request, JobListener listener, CancellationToken token, long start)
            throws BackendException {
        listener.report(Progress.Stage.PREPARING, -1, "Preparing image and mask");
        BufferedImage original = request.image();
        int w = original.getWidth();
        int h = original.getHeight();
        CropSettings settings = request.crop();
        ContextCrop plan = ContextCrop.plan(request.coverage(), w, h, settings);
        CropBox box = plan.box();
        GenerationSize size = plan.size();
        BufferedImage image = Resampling.resize(Crops.copy(original, box), size.width(), size.height());
        BufferedImage mask = Resampling.resize(Crops.mask(request.coverage(), w, box), size.width(), size.height());
        token.throwIfCancelled();

        BackendResult result = backend.get().generate(new GenerationInput(image, mask, request.parameters(), request.resumeServerId()), listener, token);
        token.throwIfCancelled();

        listener.report(Progress.Stage.FINISHING, -1, "Pasting results back at full resolution");
        List<BufferedImage> pasted = new ArrayList<>();
        for (BufferedImage generated : result.images()) {
            BufferedImage fitted = Resampling.resizeSharp(generated, box.width(), box.height());
            pasted.add(PasteBack.compositeCrop(original, fitted, request.coverage(), box, settings.featherPx(), settings.colorMatch()));
            token.throwIfCancelled();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new JobOutcome(request, pasted, size, result.serverId(), result.nsfwContentDetected(), result.metaJson(),
                elapsed, box);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
