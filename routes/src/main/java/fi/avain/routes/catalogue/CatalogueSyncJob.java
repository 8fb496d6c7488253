package fi.avain.routes.catalogue;

import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code ./avain job catalogue-sync [--full]}: incremental by watermark, or everything with --full. */
@Component
class CatalogueSyncJob implements Job {
    private final CatalogueSync sync;

    CatalogueSyncJob(CatalogueSync sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return CatalogueSync.FLOW;
    }

    @Override
    public Set<String> options() {
        return Set.of("full");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        String fullOption = options.getOrDefault("full", "false");
        // A value that is neither must not quietly run an incremental sync.
        if (!fullOption.equalsIgnoreCase("true") && !fullOption.equalsIgnoreCase("false")) {
            return JobSummary.optionRefused(name(), "--full takes no value, or true or false",
                    (System.nanoTime() - started) / 1_000_000);
        }
        boolean full = Boolean.parseBoolean(fullOption);
        SyncCounts counts = sync.run(full, progress);
        JobSummary.Status status = counts.failed.get() > 0 ? JobSummary.Status.DONE_WITH_ERRORS : JobSummary.Status.DONE;
        return new JobSummary(name(), status, counts.toMap(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
