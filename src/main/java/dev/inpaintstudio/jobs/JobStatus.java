package dev.inpaintstudio.jobs;

import dev.inpaintstudio.task.Progress;

import java.time.Duration;
import java.time.Instant;

/**
 * A queued job as it stands at one moment: what the queue panel shows. Immutable, so it can be
 * handed from a worker thread to the UI.
 *
 * @param stage         while RUNNING, what is happening; else null
 * @param fraction      0..1, or negative when unknown
 * @param detail        the last progress line (with the server's ETA while queued there)
 * @param message       why it failed or was interrupted; "" otherwise
 * @param retryCollects a retry polls the job already on the server instead of sending it again
 * @param revision      grows with every change of any job: of two statuses of one job, the higher
 *                      revision is the newer (listeners are told from several threads)
 * @param onServer      the server took the job (gave an id or a link to ask for it)
 */
public record JobStatus(String id, String sourceName, String prompt, String parentResultId, JobState state,
                        Progress.Stage stage, double fraction, String detail, String serverId, String message,
                        Instant createdAt, Instant startedAt, Instant finishedAt, boolean retryCollects,
                        long revision, boolean onServer) {

    /** Running time so far (or in all, once finished); zero before it starts. */
    public Duration elapsed(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    /** The stage in words: "Queued on server", "Failed", "Waiting"... */
    public String stageLabel() {
        return state == JobState.RUNNING && stage != null ? stage.label() : state.label();
    }

    public boolean canCancel() {
        return state.isActive();
    }

    public boolean canRetry() {
        return state == JobState.FAILED || state == JobState.INTERRUPTED || state == JobState.CANCELLED;
    }

    /**
     * A job cancelled after the server took it: the server may finish it (and charge it) anyway, so it
     * can be asked for again and collected without sending, and so paying for, it a second time.
     */
    public boolean canCheckAgain() {
        return state == JobState.CANCELLED && onServer;
    }
}
