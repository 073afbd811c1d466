package dev.inpaintstudio.task;

/** Receives progress from a worker thread; implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    /**
     * @param stage    what is happening, in words a user understands
     * @param fraction 0..1, or negative when the amount of work is unknown
     */
    void report(Stage stage, double fraction, String detail);

    /**
     * The server has taken the job: its id ({@code ""} when it gave none) and the link to poll for
     * the result ({@code ""} when none). Called once, before any polling, so a caller can note the
     * job down and collect it after a crash instead of paying for it twice. Does nothing by default.
     */
    default void accepted(String serverId, String fetchUrl) {
    }

    Progress NONE = (stage, fraction, detail) -> { };

    enum Stage {
        PREPARING("Preparing"),
        UPLOADING("Uploading"),
        QUEUED("Queued on server"),
        DOWNLOADING("Downloading"),
        FILLING("Filling offline"),
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
