package fi.avain.routes.jobs;

import java.util.Map;

/** A batch job runnable from the command line, the scheduler and the operators' API. */
public interface Job {
    /** The name used in {@code ./avain job <name>} and {@code POST /api/v1/jobs/<name>}. */
    String name();

    /** Runs once; options are the job's own {@code --key=value} arguments. */
    JobSummary run(Map<String, String> options, JobProgress progress);
}
