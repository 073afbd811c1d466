package dev.inpaintstudio.jobs;

/** Where a queued job stands, as the queue panel shows it. */
public enum JobState {
    /** Waiting for a free slot (the concurrency setting); nothing sent yet. */
    WAITING("Waiting"),
    /** Running: see the job's {@link dev.inpaintstudio.task.Progress.Stage stage}. */
    RUNNING("Running"),
    /** Finished; its results are in the gallery. */
    DONE("Done"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    /**
     * The app stopped while the job was being sent: it may or may not have reached the server. It is
     * not sent again without the artist's word, since each job is paid for.
     */
    INTERRUPTED("Interrupted");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Waiting or running: cancellable, and a reason to ask before quitting. */
    public boolean isActive() {
        return this == WAITING || this == RUNNING;
    }
}
