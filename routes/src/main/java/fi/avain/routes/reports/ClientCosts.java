package fi.avain.routes.reports;

import fi.avain.routes.messages.PersonalDataMasker;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One client's rows as they are summed from the ledger, voucher events and imported costs. Ledger
 * amounts are attributed to the line's first service class (the classes are kept sorted), or
 * {@value #UNCLASSIFIED} for a line without one.
 */
final class ClientCosts {
    static final String UNCLASSIFIED = "unclassified";
    static final String IMPORTED = "imported";
    static final String VOUCHER = "voucher";

    private final ReportPeriod period;
    private final TreeMap<Cell, Amounts> cells = new TreeMap<>();
    private final Map<UUID, LineBalance> lines = new HashMap<>();

    ClientCosts(ReportPeriod period) {
        this.period = period;
    }

    record Cell(int bucket, String serviceClass, String channel) implements Comparable<Cell> {
        private static final Comparator<Cell> ORDER = Comparator.comparingInt(Cell::bucket)
                .thenComparing(Cell::serviceClass).thenComparing(Cell::channel);

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }

    /** Cents and hours of one cell. */
    static final class Amounts {
        long allocated;
        long held;
        long spent;
        long share;
        long events;
        long imported;
        BigDecimal staffHours = BigDecimal.ZERO;
        BigDecimal assistantHours = BigDecimal.ZERO;
    }

    /** A line in force in the period's month, with its balances at the period's end. */
    static final class LineBalance {
        final String category;
        long available;
        long held;
        long spent;

        LineBalance(String category) {
            // a plan's free text, shown in budgetUse: no identity code leaves in a report, whatever a plan said
            this.category = PersonalDataMasker.mask(category);
        }

        long allocated() {
            return ReportSums.add(available, held, spent);
        }
    }

    /** A line's balances now; what was booked after the period is taken off again in {@link #ledger}. */
    void line(CostReportQueries.LineRow r) {
        LineBalance line = lines.computeIfAbsent(r.lineId(), id -> new LineBalance(r.category()));
        line.available = ReportSums.add(line.available,
                ReportSums.subtract(ReportSums.subtract(r.allocated(), r.held()), r.spent()));
        line.held = ReportSums.add(line.held, r.held());
        line.spent = ReportSums.add(line.spent, r.spent());
    }

    /** Call after {@link #line} for the client's lines: a movement after the period is undone from its balances. */
    void ledger(CostReportQueries.LedgerRow r) {
        if (r.bucket() == ReportPeriod.MONTHS) {
            LineBalance line = lines.get(r.lineId());
            if (line != null) {
                line.available = ReportSums.subtract(line.available, r.available());
                line.held = ReportSums.subtract(line.held, r.held());
                line.spent = ReportSums.subtract(line.spent, r.spent());
            }
            return;
        }
        Amounts a = cell(r.bucket(), serviceClass(r.serviceClasses()), r.channel());
        a.allocated = ReportSums.add(a.allocated, ReportSums.add(r.available(), r.held(), r.spent()));
        a.held = ReportSums.add(a.held, r.held());
        a.spent = ReportSums.add(a.spent, r.spent());
        a.events = ReportSums.add(a.events, r.events());
    }

    void share(CostReportQueries.ShareRow r) {
        if (inWindow(r.bucket())) {
            Amounts a = cell(r.bucket(), serviceClass(r.serviceClasses()), VOUCHER);
            a.share = ReportSums.add(a.share, r.cents());
        }
    }

    void imported(CostReportQueries.ImportedRow r) {
        int bucket = period.bucket(YearMonth.from(r.month()));
        if (inWindow(bucket)) {
            String serviceClass = r.serviceClass() == null || r.serviceClass().isBlank() ? UNCLASSIFIED
                    : ServiceClasses.key(r.serviceClass());
            Amounts a = cell(bucket, serviceClass, IMPORTED);
            a.imported = ReportSums.add(a.imported, r.cents());
            a.staffHours = a.staffHours.add(r.staffHours() == null ? BigDecimal.ZERO : r.staffHours());
            a.assistantHours = a.assistantHours.add(r.assistantHours() == null ? BigDecimal.ZERO : r.assistantHours());
        }
    }

    Map<Cell, Amounts> cells() {
        return cells;
    }

    List<LineBalance> lines() {
        return new ArrayList<>(lines.values());
    }

    /** The client's rows; a client with nothing in the window still has one, so it counts and its outcome shows. */
    List<CostRow> rows(ReportClient c, ClientOutcome outcome) {
        String instrument = outcome == null ? null : outcome.instrument();
        BigDecimal baseline = outcome == null ? null : outcome.baseline();
        BigDecimal latest = outcome == null ? null : outcome.latest();
        BigDecimal change = outcome == null ? null : outcome.change();
        List<CostRow> out = new ArrayList<>(Math.max(1, cells.size()));
        if (cells.isEmpty()) {
            out.add(new CostRow(c.tenant(), c.pseudonym(), c.clientGroup(), c.cohort(), null, null, null, euros(0),
                    euros(0), euros(0), euros(0), 0L, hours(BigDecimal.ZERO), hours(BigDecimal.ZERO), euros(0),
                    instrument, baseline, latest, change, false));
            return out;
        }
        List<YearMonth> months = period.months();
        cells.forEach((cell, a) -> out.add(new CostRow(c.tenant(), c.pseudonym(), c.clientGroup(), c.cohort(),
                cell.serviceClass(), cell.channel(), months.get(cell.bucket()).toString(), euros(a.allocated),
                euros(a.held), euros(a.spent), euros(a.share), a.events, hours(a.staffHours), hours(a.assistantHours),
                euros(a.imported), instrument, baseline, latest, change, false)));
        return out;
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static BigDecimal hours(BigDecimal hours) {
        return hours.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Amounts cell(int bucket, String serviceClass, String channel) {
        return cells.computeIfAbsent(new Cell(bucket, PersonalDataMasker.mask(serviceClass), channel),
                k -> new Amounts());
    }

    private static boolean inWindow(int bucket) {
        return bucket >= 0 && bucket < ReportPeriod.MONTHS;
    }

    private static String serviceClass(String serviceClasses) {
        String first = CostReportQueries.firstWord(serviceClasses);
        // by its code, as imports keep it: plans write URIs in either PTV form, finance files codes
        return first == null ? UNCLASSIFIED : ServiceClasses.key(first);
    }
}
