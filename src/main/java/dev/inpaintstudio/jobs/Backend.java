package dev.inpaintstudio.jobs;

import dev.inpaintstudio.imaging.ContextCrop;
import dev.inpaintstudio.imaging.GenerationSize;
import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

/** Something that repaints the masked part of a picture: the ModelsLab service, or the offline engine. */
public interface Backend {
    String name();

    /**
     * Which part of the picture this backend is given and at what size. By default the crop a
     * diffusion model wants: at most {@link GenerationSize#MAX_SIDE} a side, multiples of 8, tiny
     * crops scaled up.
     */
    default ContextCrop planCrop(JobRequest request) {
        return ContextCrop.plan(request.coverage(), request.image().getWidth(), request.image().getHeight(),
                request.crop(), GenerationSize.MAX_SIDE);
    }

    /** Blocking; called on a worker thread. Throws {@link java.util.concurrent.CancellationException} when cancelled. */
    BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException;
}
