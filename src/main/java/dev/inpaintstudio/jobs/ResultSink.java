package dev.inpaintstudio.jobs;

import java.io.IOException;

/**
 * Keeps a finished job's results (the gallery's store). Called on the job's worker thread, before the
 * job's own files are removed, so a crash in between loses nothing.
 *
 * @param <R> what was stored, handed on to the queue's listeners
 */
@FunctionalInterface
public interface ResultSink<R> {
    R store(JobOutcome outcome, JobOrigin origin) throws IOException;
}
