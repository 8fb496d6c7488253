package fi.avain.routes.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one run: its status decides the exit code (0 done, 1 done with items in the error
 * store, 2 could not run) and the counts become the one-line JSON summary. {@code optionRefused}
 * says a run that could not start because of what its caller gave it: over HTTP that is a 400.
 */
public record JobSummary(String job, Status status, Map<String, Object> counts, long durationMs, String error,
                         boolean optionRefused) {
    public enum Status {
        DONE(0), DONE_WITH_ERRORS(1), FAILED(2);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public JobSummary {
        if (optionRefused && status != Status.FAILED) {
            throw new IllegalArgumentException("only a run that could not start refuses an option");
        }
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public JobSummary(String job, Status status, Map<String, Object> counts, long durationMs, String error) {
        this(job, status, counts, durationMs, error, false);
    }

    public static JobSummary failed(String job, String error, long durationMs) {
        return new JobSummary(job, Status.FAILED, Map.of(), durationMs, error);
    }

    /** Could not run: an option is unknown, missing or has a value the job cannot use; {@code error} says which. */
    public static JobSummary optionRefused(String job, String error, long durationMs) {
        return new JobSummary(job, Status.FAILED, Map.of(), durationMs, error, true);
    }

    /** Field order is part of the contract: job, status, counts in the job's order, durationMs, error. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", job);
        json.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        json.putAll(counts);
        json.put("durationMs", durationMs);
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }
}
