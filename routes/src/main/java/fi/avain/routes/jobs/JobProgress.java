package fi.avain.routes.jobs;

/** Where a job reports how far it has come. */
public interface JobProgress {
    JobProgress NONE = (stage, done, total) -> { };

    /** {@code total} may be -1 when not known yet. */
    void update(String stage, long done, long total);
}
