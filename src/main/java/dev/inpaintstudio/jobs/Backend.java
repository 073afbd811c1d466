package dev.inpaintstudio.jobs;

import dev.inpaintstudio.task.CancellationToken;
import dev.inpaintstudio.task.Progress;

/** Something that repaints the masked part of a picture: the ModelsLab service, or the offline engine. */
public interface Backend {
    String name();

    /** Blocking; called on a worker thread. Throws {@link java.util.concurrent.CancellationException} when cancelled. */
    BackendResult generate(GenerationInput input, Progress progress, CancellationToken cancel) throws BackendException;
}
