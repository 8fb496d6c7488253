package fi.avain.routes.reports;

import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ./avain job cost-report [--period=YYYY-MM]}: the cost and impact report of a month (by default
 * the running one in Finnish time) and the eleven before it, into {@code <avain.data-dir>/reports/<period>/}.
 * A run replaces the period's files; reading the same ledger it writes the same figures.
 */
@Component
class CostReportJob implements Job {
    private final CostReport report;
    private final Clock clock;

    CostReportJob(CostReport report, ObjectProvider<Clock> clock) {
        this.report = report;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String name() {
        return "cost-report";
    }

    @Override
    public Set<String> options() {
        return Set.of("period");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        ReportPeriod period;
        try {
            period = options.containsKey("period") ? ReportPeriod.parse(options.get("period"))
                    : ReportPeriod.current(clock);
        } catch (IllegalArgumentException e) {
            return JobSummary.optionRefused(name(), "--" + e.getMessage(), elapsed(started));
        }
        CostReport.Made made = report.make(period, progress);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("period", period.toString());
        counts.put("tenants", made.summary().tenants());
        counts.put("clients", made.summary().clients());
        counts.put("rows", made.summary().rows());
        counts.put("groups", made.summary().groups());
        counts.put("suppressed", made.summary().suppressed());
        counts.put("dir", made.dir().toString());
        if (!made.tenantsWithoutKey().isEmpty()) {
            // Their budgets are left out; the others' report stands, and an operator is told which to key.
            counts.put("tenantsWithoutKey", made.tenantsWithoutKey());
            return new JobSummary(name(), JobSummary.Status.DONE_WITH_ERRORS, counts, elapsed(started), null);
        }
        return new JobSummary(name(), JobSummary.Status.DONE, counts, elapsed(started), null);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
