package dev.inpaintstudio.jobs;

import dev.inpaintstudio.task.Progress;

/** Hears about one job. Called on the job's worker thread: adapt to the UI thread yourself. */
public interface JobListener extends Progress {
    void succeeded(JobOutcome outcome);

    void failed(String message, Throwable cause);

    void cancelled();
}
