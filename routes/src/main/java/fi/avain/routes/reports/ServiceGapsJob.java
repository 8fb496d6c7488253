package fi.avain.routes.reports;

import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./avain job service-gaps [--today=YYYY-MM-DD]}: the needs of the plans in force against the
 * services of the catalogue copy, written to {@code <avain.data-dir>/reports/service-gaps/}. Reads only;
 * a run writes the whole report again, so running it twice is harmless.
 */
@Component
class ServiceGapsJob implements Job {
    static final String NAME = "service-gaps";
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

    private final ServiceGapQueries queries;
    private final ServiceGapFiles files;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final int minGroupSize;

    ServiceGapsJob(ServiceGapQueries queries, ServiceGapFiles files, PlatformTransactionManager transactions,
                   ObjectProvider<Clock> clock, @Value("${avain.reports.min-group-size:5}") int minGroupSize) {
        this.queries = queries;
        this.files = files;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.minGroupSize = minGroupSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> options() {
        return Set.of("today");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        if (minGroupSize < 1) {
            return JobSummary.failed(NAME, "avain.reports.min-group-size must be at least 1", elapsed(started));
        }
        LocalDate today;
        try {
            today = options.containsKey("today") ? LocalDate.parse(options.get("today"))
                    : LocalDate.now(clock.withZone(FINLAND));
        } catch (DateTimeParseException e) {
            return JobSummary.optionRefused(NAME, "--today must be a date, YYYY-MM-DD", elapsed(started));
        }
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ServiceGaps.Result result = readOnly.execute(s -> {
            progress.update("reading the catalogue copy", 0, 3);
            ServiceSupply supply = queries.supply();
            progress.update("reading the plans in force", 1, 3);
            List<ServiceGaps.NeedLine> lines = queries.openLines(today);
            progress.update("reading unmet-need marks", 2, 3);
            List<ServiceGaps.UnmetMark> marks = queries.unmetMarks(today);
            return ServiceGaps.of(lines, marks, supply, minGroupSize);
        });
        progress.update("writing the report", 3, 3);
        files.write(generatedAt, result.needs());

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("today", today.toString());
        counts.put("needs", result.needs().size());
        counts.put("none", result.count(ServiceGaps.Status.NONE));
        counts.put("single", result.count(ServiceGaps.Status.SINGLE));
        counts.put("ok", result.count(ServiceGaps.Status.OK));
        counts.put("unmet", result.count(ServiceGaps.Status.UNMET));
        counts.put("suppressed", result.suppressed());
        counts.put("withoutMunicipality", result.withoutMunicipality());
        return new JobSummary(NAME, JobSummary.Status.DONE, counts, elapsed(started), null);
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
