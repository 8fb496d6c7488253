package fi.avain.routes.voucher;

import fi.avain.budget.Cents;
import fi.avain.budget.Vouchers;
import fi.avain.routes.jobs.Job;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./avain job voucher-expiry [--today=YYYY-MM-DD]}: vouchers past their validity become expired,
 * and those past validity and the grace period ({@code avain.vouchers.grace-days}) return what remains
 * to their budget line. Each voucher is its own transaction and keyed movement, so a run killed halfway
 * and run again releases nothing twice. Vouchers reserved but never issued (a crash cut their issue
 * off) are asked of the voucher system again, then issued or released.
 */
@Component
class VoucherExpiryJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(VoucherExpiryJob.class);
    private static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");
    private static final int BATCH = 500;

    private static final java.time.Duration UNISSUED_AFTER = java.time.Duration.ofMinutes(10);

    private final Vouchers vouchers;
    private final VoucherService service;
    private final TransactionTemplate tx;
    private final VoucherFlowSettings settings;
    private final Clock clock;

    VoucherExpiryJob(Vouchers vouchers, VoucherService service, TransactionTemplate tx, VoucherFlowSettings settings,
                     ObjectProvider<Clock> clock) {
        this.vouchers = vouchers;
        this.service = service;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String name() {
        return "voucher-expiry";
    }

    @Override
    public Set<String> options() {
        return Set.of("today");
    }

    @Override
    public JobSummary run(Map<String, String> options, JobProgress progress) {
        long started = System.nanoTime();
        LocalDate today;
        try {
            today = options.containsKey("today") ? LocalDate.parse(options.get("today"))
                    : LocalDate.now(clock.withZone(FINLAND));
        } catch (DateTimeParseException e) {
            return JobSummary.optionRefused(name(), "--today must be a date, YYYY-MM-DD", elapsed(started));
        }
        long expired = 0;
        long released = 0;
        long releasedCents = 0;
        long failed = 0;
        progress.update("expiring vouchers", 0, -1);
        for (List<String> due = vouchers.dueToExpire(today, BATCH); !due.isEmpty();
             due = vouchers.dueToExpire(today, BATCH)) {
            int before = (int) expired;
            for (String id : due) {
                try {
                    tx.executeWithoutResult(s -> vouchers.expire(id,
                            vouchers.find(id).map(Vouchers.VoucherView::validUntil).orElse(today), null));
                    expired++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("voucher {} could not be expired: {}", id, e.toString());
                }
                progress.update("expiring vouchers", expired, -1);
            }
            if (expired == before) {
                break;
            }
        }
        for (List<String> due = vouchers.dueForRelease(today, settings.graceDays(), BATCH); !due.isEmpty();
             due = vouchers.dueForRelease(today, settings.graceDays(), BATCH)) {
            long before = released;
            for (String id : due) {
                try {
                    Long cents = tx.execute(s -> vouchers.releaseExpired(id, today, settings.graceDays()));
                    released++;
                    releasedCents += cents == null ? 0 : cents;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("voucher {} remainder could not be released: {}", id, e.toString());
                }
                progress.update("releasing remainders", released, -1);
            }
            if (released == before) {
                break;
            }
        }
        progress.update("settling vouchers never issued", released, -1);
        int unissued = service.settleUnissued(clock.instant().minus(UNISSUED_AFTER), "voucher-expiry");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("today", today.toString());
        counts.put("graceDays", settings.graceDays());
        counts.put("expired", expired);
        counts.put("remaindersReleased", released);
        counts.put("released", Cents.format(releasedCents));
        counts.put("unissuedSettled", unissued);
        counts.put("failed", failed);
        return new JobSummary(name(), failed > 0 ? JobSummary.Status.DONE_WITH_ERRORS : JobSummary.Status.DONE,
                counts, elapsed(started), null);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
