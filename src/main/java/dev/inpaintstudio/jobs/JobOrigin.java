package dev.inpaintstudio.jobs;

/**
 * Where a job's results come from, for their record: the local job id and, when the picture was a
 * result itself ("continue from here"), that result's id, so a branch of edits can be followed back.
 */
public record JobOrigin(String jobId, String parentResultId) {
}
