package fi.avain.routes.messages;

import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ./avain job retention}: prunes the message store by age per flow, never a message in ERROR;
 * and what is kept for a period of its own, such as the portal's audit.
 */
@Component
class RetentionJob implements Job {
    private final MessageRetention retention;
    private final MessageStoreSettings settings;
    private final List<RetainedWithFlow> retained;
    private final List<RetainedOnItsOwn> retainedApart;
    private final Clock clock;

    RetentionJob(MessageRetention retention, MessageStoreSettings settings,
                 ObjectProvider<RetainedWithFlow> retained, ObjectProvider<RetainedOnItsOwn> retainedApart,
                 ObjectProvider<Clock> clock) {
        this.retainedApart = retainedApart.orderedStream().toList();
        this.retention = retention;
        this.settings = settings;
        this.retained = retained.orderedStream().toList();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        progress.update("pruning", 0, -1);
        Instant now = clock.instant();
        Map<String, Integer> pruned = retention.prune(now);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("deleted", pruned.values().stream().mapToLong(Integer::longValue).sum());
        counts.put("perFlow", pruned);
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (RetainedWithFlow rows : retained) {
            kept.merge(rows.flow(), rows.pruneBefore(now.minus(settings.retentionFor(rows.flow()))), Integer::sum);
        }
        counts.put("besideMessages", kept);
        for (RetainedOnItsOwn rows : retainedApart) {
            counts.put(rows.name(), rows.prune(now));
        }
        return new JobSummary(name(), JobSummary.Status.DONE, counts, (System.nanoTime() - started) / 1_000_000, null);
    }
}
