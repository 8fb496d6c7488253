package fi.avain.routes.jobs;

import java.util.Map;
import java.util.Set;

/** A batch job runnable from the command line, the scheduler and the operators' API. */
public interface Job {
    /** The name used in {@code ./avain job <name>} and {@code POST /api/v1/jobs/<name>}. */
    String name();

    /**
     * The {@code --key} options the job reads. Any other is refused before the job runs: a mistyped
     * {@code --full} must not quietly run an incremental sync.
     */
    default Set<String> options() {
        return Set.of();
    }

    /** Runs once; options are the job's own {@code --key=value} arguments. */
    JobSummary run(Map<String, String> options, JobProgress progress);
}
