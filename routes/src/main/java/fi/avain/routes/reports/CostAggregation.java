package fi.avain.routes.reports;

import static fi.avain.routes.reports.ClientCosts.euros;

import fi.avain.routes.reports.ReportFigures.BudgetUse;
import fi.avain.routes.reports.ReportFigures.ByServiceClass;
import fi.avain.routes.reports.ReportFigures.Comparison;
import fi.avain.routes.reports.ReportFigures.Group;
import fi.avain.routes.reports.ReportFigures.Monthly;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sums clients into the report's figures as they stream past, one client at a time. Only clients of
 * groups that are not suppressed are added, so no total can be taken apart to find a suppressed group.
 * A figure made of fewer than the minimum number of clients is suppressed too, as statistics offices
 * suppress small cells.
 */
final class CostAggregation {
    static final String HB = "HB";
    static final String CONTROL = "CONTROL";

    private final ReportPeriod period;
    private final int minGroupSize;
    private final Map<GroupKey, Integer> sizes;
    private final Set<GroupKey> suppressed;
    private final TenantCatalog catalog;
    private final Map<String, String> instruments;
    private final Map<GroupKey, GroupTotals> groups = new TreeMap<>();
    private final Map<List<Object>, Totals> monthly = new LinkedHashMap<>();
    private final Map<List<String>, Totals> classes = new TreeMap<>(CostAggregation::compareKeys);
    private final Map<List<String>, Totals> budgetUse = new TreeMap<>(CostAggregation::compareKeys);

    CostAggregation(ReportPeriod period, int minGroupSize, Map<GroupKey, Integer> sizes, Set<GroupKey> suppressed,
                    TenantCatalog catalog, Map<String, String> instruments) {
        this.period = period;
        this.minGroupSize = minGroupSize;
        this.sizes = sizes;
        this.suppressed = suppressed;
        this.catalog = catalog;
        this.instruments = instruments;
    }

    /** Sums of one figure, and how many clients it is made of. */
    static final class Totals {
        int clients;
        long allocated;
        long held;
        long spent;
        long share;
        long imported;
        long available;
        long events;
        int lines;
    }

    /** A group's sums, each client's cost and spend (for the median) and its outcome sums. */
    static final class GroupTotals {
        final Totals totals = new Totals();
        BigDecimal staffHours = BigDecimal.ZERO;
        BigDecimal assistantHours = BigDecimal.ZERO;
        final LongList costs = new LongList();
        final LongList spents = new LongList();
        int measured;
        BigDecimal baselines = BigDecimal.ZERO;
        BigDecimal latests = BigDecimal.ZERO;
        BigDecimal changes = BigDecimal.ZERO;
        long measuredCost;
        BigDecimal improvement = BigDecimal.ZERO;
    }

    void add(ReportClient client, ClientCosts costs, ClientOutcome outcome) {
        GroupTotals group = groups.computeIfAbsent(client.group(), k -> new GroupTotals());
        long spent = 0;
        long imported = 0;
        Set<Object> months = new HashSet<>();
        Set<Object> serviceClasses = new HashSet<>();
        Set<Object> categories = new HashSet<>();
        for (var entry : costs.cells().entrySet()) {
            ClientCosts.Cell cell = entry.getKey();
            ClientCosts.Amounts a = entry.getValue();
            spent = ReportSums.add(spent, a.spent);
            imported = ReportSums.add(imported, a.imported);
            add(group.totals, a);
            group.staffHours = group.staffHours.add(a.staffHours);
            group.assistantHours = group.assistantHours.add(a.assistantHours);

            List<Object> month = List.of(client.group(), cell.bucket());
            Totals m = monthly.computeIfAbsent(month, k -> new Totals());
            m.spent = ReportSums.add(m.spent, a.spent);
            m.imported = ReportSums.add(m.imported, a.imported);
            count(m, month, months);

            List<String> serviceClass = List.of(client.tenant(), cell.serviceClass(), cell.channel());
            Totals c = classes.computeIfAbsent(serviceClass, k -> new Totals());
            add(c, a);
            count(c, serviceClass, serviceClasses);
        }
        for (ClientCosts.LineBalance line : costs.lines()) {
            List<String> category = List.of(client.tenant(), line.category);
            Totals b = budgetUse.computeIfAbsent(category, k -> new Totals());
            b.allocated = ReportSums.add(b.allocated, line.allocated());
            b.held = ReportSums.add(b.held, line.held);
            b.spent = ReportSums.add(b.spent, line.spent);
            b.available = ReportSums.add(b.available, line.available);
            b.lines++;
            count(b, category, categories);
        }
        group.totals.clients++;
        long cost = ReportSums.add(spent, imported);
        group.costs.add(cost);
        group.spents.add(spent);
        BigDecimal change = outcome == null ? null : outcome.change();
        if (change != null) {
            group.measured++;
            group.baselines = group.baselines.add(outcome.baseline());
            group.latests = group.latests.add(outcome.latest());
            group.changes = group.changes.add(change);
            group.measuredCost = ReportSums.add(group.measuredCost, cost);
            group.improvement = group.improvement.add(higherIsBetter(client.tenant(), outcome.instrument())
                    ? change : change.negate());
        }
    }

    ReportFigures figures(Instant generatedAt, long rows) {
        Map<GroupKey, Group> byKey = new TreeMap<>();
        for (GroupKey key : new TreeSet<>(sizes.keySet())) {
            byKey.put(key, suppressed.contains(key) ? suppressedGroup(key) : group(key));
        }
        List<Comparison> comparisons = comparisons(byKey);
        Set<String> tenants = new TreeSet<>();
        sizes.keySet().forEach(k -> tenants.add(k.tenant()));
        int clients = sizes.values().stream().mapToInt(Integer::intValue).sum();
        return new ReportFigures(period.toString(), period.months().stream().map(Object::toString).toList(),
                generatedAt, minGroupSize, new TreeMap<>(instruments),
                new ReportFigures.Summary(tenants.size(), clients, rows, sizes.size(), suppressed.size()),
                List.copyOf(byKey.values()), comparisons, monthly(), byServiceClass(), budgetUse());
    }

    private Group group(GroupKey key) {
        GroupTotals g = groups.getOrDefault(key, new GroupTotals());
        Totals t = g.totals;
        int n = t.clients;
        String instrument = instruments.get(key.tenant());
        boolean outcomeSuppressed = g.measured > 0 && g.measured < minGroupSize;
        boolean outcomeShown = g.measured >= minGroupSize;
        BigDecimal costPerUnit = outcomeShown && g.improvement.signum() > 0
                ? euros(g.measuredCost).divide(g.improvement, 2, RoundingMode.HALF_UP) : null;
        return new Group(key.tenant(), key.clientGroup(), groupName(key.tenant(), key.clientGroup()), key.cohort(), n,
                euros(t.allocated), euros(t.held), euros(t.spent), euros(t.share), t.events,
                ClientCosts.hours(g.staffHours), ClientCosts.hours(g.assistantHours), euros(t.imported),
                euros(ReportSums.add(t.spent, t.imported)), mean(g.costs), median(g.costs), mean(g.spents), median(g.spents),
                instrument, outcomeSuppressed ? null : g.measured,
                outcomeShown ? score(g.baselines, g.measured) : null,
                outcomeShown ? score(g.latests, g.measured) : null,
                outcomeShown ? score(g.changes, g.measured) : null, costPerUnit, outcomeSuppressed, null, null, false);
    }

    private Group suppressedGroup(GroupKey key) {
        return new Group(key.tenant(), key.clientGroup(), groupName(key.tenant(), key.clientGroup()), key.cohort(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, false, null, null, true);
    }

    /** HB against control per tenant and client group where both cohorts exist; fills the groups' difference columns. */
    private List<Comparison> comparisons(Map<GroupKey, Group> byKey) {
        List<Comparison> out = new ArrayList<>();
        for (Group hb : List.copyOf(byKey.values())) {
            if (!HB.equals(hb.cohort())) {
                continue;
            }
            GroupKey hbKey = new GroupKey(hb.tenant(), hb.clientGroup(), HB);
            GroupKey controlKey = new GroupKey(hb.tenant(), hb.clientGroup(), CONTROL);
            Group control = byKey.get(controlKey);
            if (control == null) {
                continue;
            }
            if (hb.suppressed() || control.suppressed()) {
                out.add(new Comparison(hb.tenant(), hb.clientGroup(), hb.clientGroupName(), null, null, null, null,
                        null, null, null, null, true));
                continue;
            }
            BigDecimal costDifference = hb.meanCost().subtract(control.meanCost());
            BigDecimal outcomeDifference = hb.outcomeChange() == null || control.outcomeChange() == null ? null
                    : hb.outcomeChange().subtract(control.outcomeChange());
            out.add(new Comparison(hb.tenant(), hb.clientGroup(), hb.clientGroupName(), hb.clients(),
                    control.clients(), hb.meanCost(), control.meanCost(), costDifference, hb.outcomeChange(),
                    control.outcomeChange(), outcomeDifference, false));
            byKey.put(hbKey, hb.withComparison(costDifference, outcomeDifference));
            byKey.put(controlKey, control.withComparison(costDifference, outcomeDifference));
        }
        return out;
    }

    private List<Monthly> monthly() {
        List<Monthly> out = new ArrayList<>();
        List<String> months = period.months().stream().map(Object::toString).toList();
        for (GroupKey key : new TreeSet<>(sizes.keySet())) {
            if (suppressed.contains(key)) {
                continue;
            }
            for (int bucket = 0; bucket < months.size(); bucket++) {
                Totals t = monthly.getOrDefault(List.of(key, bucket), new Totals());
                boolean small = small(t.clients);
                out.add(new Monthly(key.tenant(), key.clientGroup(), key.cohort(), months.get(bucket),
                        small ? null : t.clients, small ? null : euros(t.spent), small ? null : euros(t.imported),
                        small ? null : euros(ReportSums.add(t.spent, t.imported)), small));
            }
        }
        return out;
    }

    private List<ByServiceClass> byServiceClass() {
        List<ByServiceClass> out = new ArrayList<>();
        classes.forEach((key, t) -> {
            boolean small = small(t.clients);
            out.add(new ByServiceClass(key.get(0), key.get(1), key.get(2), small ? null : t.clients,
                    small ? null : euros(t.allocated), small ? null : euros(t.spent), small ? null : euros(t.share),
                    small ? null : euros(t.imported), small ? null : euros(ReportSums.add(t.spent, t.imported)),
                    small ? null : t.events, small));
        });
        return out;
    }

    private List<BudgetUse> budgetUse() {
        List<BudgetUse> out = new ArrayList<>();
        budgetUse.forEach((key, t) -> {
            boolean small = small(t.clients);
            out.add(new BudgetUse(key.get(0), key.get(1), small ? null : t.clients, small ? null : t.lines,
                    small ? null : euros(t.allocated), small ? null : euros(t.held), small ? null : euros(t.spent),
                    small ? null : euros(t.available), small));
        });
        return out;
    }

    private boolean small(int clients) {
        return clients > 0 && clients < minGroupSize;
    }

    private String groupName(String tenant, String group) {
        return catalog.tenant(tenant).flatMap(t -> t.clientGroup(group)).map(ClientGroup::name)
                .orElse(group);
    }

    private boolean higherIsBetter(String tenant, String instrument) {
        return catalog.tenant(tenant).flatMap(t -> t.instrument(instrument))
                .map(Instrument::higherIsBetter).orElse(true);
    }

    private static void add(Totals t, ClientCosts.Amounts a) {
        t.allocated = ReportSums.add(t.allocated, a.allocated);
        t.held = ReportSums.add(t.held, a.held);
        t.spent = ReportSums.add(t.spent, a.spent);
        t.share = ReportSums.add(t.share, a.share);
        t.imported = ReportSums.add(t.imported, a.imported);
        t.events = ReportSums.add(t.events, a.events);
    }

    /** Counts the client into a figure once, however many of its cells fall there. */
    private static void count(Totals t, Object key, Set<Object> touched) {
        if (touched.add(key)) {
            t.clients++;
        }
    }

    private static BigDecimal mean(LongList cents) {
        if (cents.size() == 0) {
            return null;
        }
        return BigDecimal.valueOf(cents.sum()).divide(BigDecimal.valueOf(cents.size()), 0, RoundingMode.HALF_UP)
                .movePointLeft(2);
    }

    private static BigDecimal median(LongList cents) {
        if (cents.size() == 0) {
            return null;
        }
        long[] sorted = cents.sorted();
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return euros(sorted[middle]);
        }
        return BigDecimal.valueOf(sorted[middle - 1]).add(BigDecimal.valueOf(sorted[middle]))
                .divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP).movePointLeft(2);
    }

    private static BigDecimal score(BigDecimal sum, int n) {
        return sum.divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_UP);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
