package fi.avain.routes.jobs;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Runs a job from a route (a schedule or {@code direct:}), with the same guard against overlap as the CLI. */
@Component("scheduledJobs")
public class ScheduledJobs {
    private final JobRunner runner;

    ScheduledJobs(JobRunner runner) {
        this.runner = runner;
    }

    public Map<String, Object> run(String name, Boolean full) {
        return runner.run(name, Boolean.TRUE.equals(full) ? Map.of("full", "true") : Map.of(), JobProgress.NONE).toJson();
    }
}
