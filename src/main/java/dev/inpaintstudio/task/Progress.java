package dev.inpaintstudio.task;

/** Receives progress from a worker thread; implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    /**
     * @param stage    what is happening, in words a user understands
     * @param fraction 0..1, or negative when the amount of work is unknown
     */
    void report(Stage stage, double fraction, String detail);

    Progress NONE = (stage, fraction, detail) -> { };

    enum Stage {
        PREPARING("Preparing"),
        UPLOADING("Uploading"),
        QUEUED("Queued on server"),
        DOWNLOADING("Downloading"),
        FINISHING("Finishing"),
        DONE("Done");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
