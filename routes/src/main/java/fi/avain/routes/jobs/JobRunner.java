package fi.avain.routes.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs jobs by name, one run of a given job at a time across every process on the database (a run
 * that finds its job running, here or elsewhere, is refused as "already running"), and turns any
 * failure into a summary with exit code 2 rather than an exception.
 */
@Component
public class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** The error of a run refused because the job runs already; the API answers it with 409. */
    public static final String ALREADY_RUNNING = "already running";

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final JobLocks locks;

    public JobRunner(List<Job> jobs, JobLocks locks) {
        jobs.forEach(job -> this.jobs.put(job.name(), job));
        this.locks = locks;
    }

    public Optional<Job> find(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public List<String> names() {
        return jobs.keySet().stream().sorted().toList();
    }

    /** Why the options cannot be given to the job, if they cannot: one it does not take. */
    public Optional<String> refusedOptions(String name, Map<String, String> options) {
        Job job = jobs.get(name);
        if (job == null) {
            return Optional.empty();
        }
        return options.keySet().stream().filter(key -> !job.options().contains(key)).sorted().findFirst()
                .map(key -> "unknown option --" + key + "; " + name + (job.options().isEmpty() ? " takes no options"
                        : " takes " + job.options().stream().sorted().map(o -> "--" + o)
                                .collect(Collectors.joining(", "))));
    }

    public JobSummary run(String name, Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        Job job = jobs.get(name);
        if (job == null) {
            return JobSummary.failed(name, "unknown job; known: " + String.join(", ", names()), 0);
        }
        Optional<String> refused = refusedOptions(name, options);
        if (refused.isPresent()) {
            return JobSummary.optionRefused(name, refused.get(), 0);
        }
        // This process's own runs are refused without a round trip to the database.
        if (running.putIfAbsent(name, Boolean.TRUE) != null) {
            log.info("job {} not started: it is running in this process", name);
            return JobSummary.failed(name, ALREADY_RUNNING, 0);
        }
        try (JobLocks.Held held = locks.tryHold(name).orElse(null)) {
            if (held == null) {
                log.info("job {} not started: it is running in another process", name);
                return JobSummary.failed(name, ALREADY_RUNNING, 0);
            }
            JobSummary summary = job.run(options, progress);
            log.info("job {} ended {}", name, summary.toJson());
            return summary;
        } catch (RuntimeException e) {
            log.error("job {} could not run", name, e);
            return JobSummary.failed(name, JobCommand.rootMessage(e), (System.nanoTime() - started) / 1_000_000);
        } finally {
            running.remove(name);
        }
    }
}
