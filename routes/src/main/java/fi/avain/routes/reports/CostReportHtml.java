package fi.avain.routes.reports;

import static fi.avain.routes.reports.SvgCharts.escape;
import static fi.avain.routes.reports.SvgCharts.money;

import fi.avain.routes.reports.ReportFigures.ByServiceClass;
import fi.avain.routes.reports.ReportFigures.Comparison;
import fi.avain.routes.reports.ReportFigures.Group;
import fi.avain.routes.reports.ReportFigures.Monthly;
import fi.avain.routes.reports.SvgCharts.Bar;
import fi.avain.routes.reports.SvgCharts.Segment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code report.html}: one page that opens from a file with no network: inline CSS, inline SVG charts,
 * no script. Every chart has a table of its numbers beneath it; suppressed figures say so. Service
 * classes show by their code (the last part of the URI); the CSV and JSON files have them whole.
 */
final class CostReportHtml {
    static final String FILE = "report.html";
    private static final String SUPPRESSED = "suppressed";
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:62rem;\
            padding:0 1rem;color:#1b2631;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.4rem;border-bottom:1px solid #d5d8dc}
            p.meta{color:#566573;margin-top:0}
            table{border-collapse:collapse;margin:.8rem 0;font-size:.85rem;width:100%}
            th,td{border-bottom:1px solid #e5e8e8;padding:.25rem .5rem;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            td.s{color:#7b7d7d;font-style:italic}
            svg.chart{max-width:100%;height:auto;display:block;margin:.6rem 0}
            svg .axis{font-size:11px;fill:#566573}svg .label{font-size:12px;fill:#1b2631}svg .value{font-size:11px;fill:#1b2631}
            svg .grid{stroke:#e5e8e8;stroke-width:1}svg .zero{stroke:#566573;stroke-width:1}
            .status-none,.status-unmet{color:#922b21;font-weight:600}.status-single{color:#9a7d0a}
            .status-ok{color:#1e8449}
            """;

    private final ReportFigures figures;
    private final boolean manyTenants;
    private final StringBuilder html = new StringBuilder(64 * 1024);

    private CostReportHtml(ReportFigures figures) {
        this.figures = figures;
        this.manyTenants = figures.groups().stream().map(Group::tenant).distinct().count() > 1;
    }

    static String render(ReportFigures figures, Optional<ServiceGapsFile> gaps) {
        return new CostReportHtml(figures).page(gaps);
    }

    private String page(Optional<ServiceGapsFile> gaps) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Cost and impact follow-up ").append(escape(figures.period())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        header();
        costByMonth();
        hbVersusControl();
        budgetUse();
        byServiceClass();
        outcomes();
        groups();
        gaps.ifPresent(this::serviceGaps);
        notes();
        return html.append("</body></html>\n").toString();
    }

    private void header() {
        ReportFigures.Summary s = figures.summary();
        html.append("<h1>Cost and impact follow-up, ").append(escape(figures.period())).append("</h1>")
                .append("<p class=\"meta\">The twelve months ").append(escape(figures.months().get(0))).append(" to ")
                .append(escape(figures.period())).append(", made ").append(escape(figures.generatedAt().toString()))
                .append(". ").append(s.clients()).append(" clients in ").append(s.groups())
                .append(" groups (tenant, client group, cohort); ").append(s.suppressed())
                .append(" groups under ").append(figures.minGroupSize())
                .append(" clients are suppressed. Amounts in euros.</p>");
    }

    private void costByMonth() {
        section("Cost per group by month", "What was spent from the budgets plus the costs imported from outside"
                + " Avain, per group and month.");
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (Monthly m : figures.monthly()) {
            series.computeIfAbsent(groupLabel(m.tenant(), m.clientGroup(), m.cohort()), k -> new ArrayList<>())
                    .add(m.cost());
        }
        List<SvgCharts.Series> lines = new ArrayList<>();
        series.forEach((name, values) -> lines.add(new SvgCharts.Series(name, values)));
        html.append(SvgCharts.lines("Cost per group by month", figures.months(), lines));
        table(List.of("group", "month", "clients", "spent", "imported", "cost"), figures.monthly().stream()
                .map(m -> List.of(text(groupLabel(m.tenant(), m.clientGroup(), m.cohort())), text(m.month()),
                        count(m.clients(), m.suppressed()), amount(m.spent(), m.suppressed()),
                        amount(m.importedCost(), m.suppressed()), amount(m.cost(), m.suppressed())))
                .toList());
    }

    private void hbVersusControl() {
        section("HB versus control", "Mean cost per client in each client group, personal budgeting (HB) against"
                + " the control group, and the difference (HB minus control).");
        List<Bar> bars = new ArrayList<>();
        for (Comparison c : figures.comparisons()) {
            if (c.suppressed()) {
                continue;
            }
            String group = tenantPrefix(c.tenant()) + c.clientGroupName();
            bars.add(new Bar(group + " · HB", List.of(new Segment("HB", c.hbMeanCost()))));
            bars.add(new Bar(group + " · control", List.of(new Segment("control", c.controlMeanCost()))));
        }
        html.append(SvgCharts.bars("Mean cost per client, HB and control", bars, List.of("HB", "control"),
                SvgCharts::money));
        table(List.of("group", "HB clients", "control clients", "HB mean cost", "control mean cost", "difference",
                "HB mean outcome change", "control mean outcome change", "difference"), figures.comparisons().stream()
                .map(c -> List.of(text(tenantPrefix(c.tenant()) + c.clientGroupName()),
                        count(c.hbClients(), c.suppressed()), count(c.controlClients(), c.suppressed()),
                        amount(c.hbMeanCost(), c.suppressed()), amount(c.controlMeanCost(), c.suppressed()),
                        amount(c.meanCostDifference(), c.suppressed()), score(c.hbMeanOutcomeChange(), c.suppressed()),
                        score(c.controlMeanOutcomeChange(), c.suppressed()),
                        score(c.outcomeChangeDifference(), c.suppressed())))
                .toList());
    }

    private void budgetUse() {
        section("Use of the budget by line", "The budget lines in force in " + figures.period() + ", by category,"
                + " with their balances at its end: spent, held (reserved by cards, vouchers and declarations) and"
                + " still available, together the allocation.");
        List<String> legend = List.of("spent", "held", "available");
        List<Bar> bars = figures.budgetUse().stream().filter(b -> !b.suppressed())
                .map(b -> new Bar(tenantPrefix(b.tenant()) + b.category(), List.of(new Segment("spent", b.spent()),
                        new Segment("held", b.held()), new Segment("available", b.available()))))
                .toList();
        html.append(SvgCharts.bars("Use of the budget by line", bars, legend, SvgCharts::money));
        table(List.of("line category", "clients", "lines", "allocated", "held", "spent", "available"),
                figures.budgetUse().stream().map(b -> List.of(text(tenantPrefix(b.tenant()) + b.category()),
                        count(b.clients(), b.suppressed()), count(b.lines(), b.suppressed()),
                        amount(b.allocated(), b.suppressed()), amount(b.held(), b.suppressed()),
                        amount(b.spent(), b.suppressed()), amount(b.available(), b.suppressed()))).toList());
    }

    private void byServiceClass() {
        section("Cost by service class and channel", "Spent from the budgets (by the channel it went through:"
                + " card, voucher, declaration) and imported from outside Avain, over the twelve months.");
        Map<String, List<Segment>> perClass = new LinkedHashMap<>();
        for (ByServiceClass c : figures.byServiceClass()) {
            if (c.suppressed() || c.cost().signum() == 0) {
                continue;
            }
            perClass.computeIfAbsent(tenantPrefix(c.tenant()) + serviceClass(c.serviceClass()), k -> new ArrayList<>())
                    .add(new Segment(c.channel(), c.cost()));
        }
        List<Bar> bars = new ArrayList<>();
        perClass.forEach((label, segments) -> bars.add(new Bar(label, segments)));
        List<String> channels = new ArrayList<>(new TreeSet<>(perClass.values().stream().flatMap(List::stream)
                .map(Segment::name).toList()));
        html.append(SvgCharts.bars("Cost by service class and channel", bars, channels, SvgCharts::money));
        table(List.of("service class", "channel", "clients", "events", "allocated", "spent", "client's share",
                "imported", "cost"), figures.byServiceClass().stream()
                .map(c -> List.of(text(tenantPrefix(c.tenant()) + serviceClass(c.serviceClass())), text(c.channel()),
                        count(c.clients(), c.suppressed()), count(c.events(), c.suppressed()),
                        amount(c.allocated(), c.suppressed()), amount(c.spent(), c.suppressed()),
                        amount(c.clientShare(), c.suppressed()), amount(c.importedCost(), c.suppressed()),
                        amount(c.cost(), c.suppressed())))
                .toList());
    }

    private void outcomes() {
        section("Outcome change", "Mean change from the first measurement to the latest, among the clients"
                + " measured at least twice, on each tenant's instrument (" + instruments() + ").");
        List<Bar> bars = figures.groups().stream().filter(g -> !g.suppressed() && g.outcomeChange() != null)
                .map(g -> new Bar(groupLabel(g.tenant(), g.clientGroup(), g.cohort()),
                        List.of(new Segment(cohortName(g.cohort()), g.outcomeChange()))))
                .toList();
        List<String> cohorts = new ArrayList<>(List.of("HB", "control"));
        bars.forEach(b -> b.segments().forEach(s -> {
            if (!cohorts.contains(s.name())) {
                cohorts.add(s.name());
            }
        }));
        html.append(SvgCharts.bars("Mean outcome change", bars, cohorts, v -> v.toPlainString()));
        table(List.of("group", "instrument", "clients measured", "baseline", "latest", "change",
                "cost per unit of change"), figures.groups().stream()
                .map(g -> List.of(text(groupLabel(g.tenant(), g.clientGroup(), g.cohort())),
                        text(g.instrument() == null ? "" : g.instrument()),
                        count(g.clientsWithOutcome(), g.suppressed() || g.outcomeSuppressed()),
                        score(g.outcomeBaseline(), g.suppressed() || g.outcomeSuppressed()),
                        score(g.outcomeLatest(), g.suppressed() || g.outcomeSuppressed()),
                        score(g.outcomeChange(), g.suppressed() || g.outcomeSuppressed()),
                        amount(g.costPerOutcomeUnit(), g.suppressed() || g.outcomeSuppressed())))
                .toList());
    }

    private void groups() {
        section("Groups", "Every group's totals over the twelve months; cost is spent plus imported.");
        table(List.of("group", "clients", "allocated", "spent", "client's share", "imported", "cost", "mean cost",
                "median cost", "mean spent", "median spent", "events", "staff hours", "assistant hours"),
                figures.groups().stream().map(g -> List.of(text(groupLabel(g.tenant(), g.clientGroup(), g.cohort())),
                        count(g.clients(), g.suppressed()), amount(g.allocated(), g.suppressed()),
                        amount(g.spent(), g.suppressed()), amount(g.clientShare(), g.suppressed()),
                        amount(g.importedCost(), g.suppressed()), amount(g.cost(), g.suppressed()),
                        amount(g.meanCost(), g.suppressed()), amount(g.medianCost(), g.suppressed()),
                        amount(g.meanSpent(), g.suppressed()), amount(g.medianSpent(), g.suppressed()),
                        count(g.events(), g.suppressed()), score(g.staffHours(), g.suppressed()),
                        score(g.assistantHours(), g.suppressed()))).toList());
    }

    private void serviceGaps(ServiceGapsFile gaps) {
        section("Service gaps", "Needs in the plans against the services and providers in the clients' areas, from"
                + " the service-gaps job" + (gaps.generatedAt().isEmpty() ? "" : " (made " + gaps.generatedAt() + ")")
                + ".");
        if (gaps.problem() != null) {
            html.append("<p>The service gaps could not be shown: ").append(escape(gaps.problem())).append(".</p>");
            return;
        }
        if (gaps.total() > gaps.needs().size()) {
            html.append("<p>The first ").append(gaps.needs().size()).append(" of ").append(gaps.total())
                    .append(" needs; the file has them all.</p>");
        }
        html.append("<table><thead><tr>");
        for (String heading : List.of("tenant", "municipality", "service class", "clients", "services", "providers",
                "status")) {
            html.append("<th>").append(escape(heading)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (ServiceGapsFile.Need need : gaps.needs()) {
            html.append("<tr><td>").append(escape(need.tenant())).append("</td><td>").append(escape(need.municipality()))
                    .append("</td><td>").append(escape(serviceClass(need.serviceClass()))).append("</td><td class=\"n\">")
                    .append(escape(need.clients())).append("</td><td class=\"n\">").append(escape(need.services()))
                    .append("</td><td class=\"n\">").append(escape(need.providers())).append("</td><td class=\"status-")
                    .append(escape(need.status().replaceAll("[^a-z]", ""))).append("\">").append(escape(need.status()))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void notes() {
        section("About these figures", "Clients are known by reporting pseudonyms: keyed hashes of the identity"
                + " code under each tenant's own reporting key, so this report holds no identity code and no name."
                + " A group (tenant, client group, cohort) with fewer than " + figures.minGroupSize() + " clients is"
                + " suppressed, as statistics offices do: its numbers are left blank everywhere and left out of every"
                + " other figure, and any figure made of fewer clients is suppressed too. The files beside this page"
                + " (costs.csv, costs.json, aggregates.csv, aggregates.json) hold the same figures.");
    }

    private void section(String title, String intro) {
        html.append("<h2>").append(escape(title)).append("</h2><p>").append(escape(intro)).append("</p>");
    }

    /** A cell: its text and whether it is a number (right-aligned); a suppressed cell is marked. */
    private record Cell(String text, boolean number, boolean suppressed) {
    }

    private void table(List<String> headings, List<List<Cell>> rows) {
        if (rows.isEmpty()) {
            html.append("<p>No figures for this period.</p>");
            return;
        }
        html.append("<table><thead><tr>");
        for (int i = 0; i < headings.size(); i++) {
            html.append(i == 0 ? "<th>" : "<th class=\"n\">").append(escape(headings.get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<Cell> row : rows) {
            html.append("<tr>");
            for (Cell cell : row) {
                html.append(cell.suppressed() ? "<td class=\"s\">" : cell.number() ? "<td class=\"n\">" : "<td>")
                        .append(escape(cell.text())).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static Cell text(String text) {
        return new Cell(text, false, false);
    }

    private static Cell count(Number n, boolean suppressed) {
        return suppressed ? new Cell(SUPPRESSED, false, true) : new Cell(n == null ? "" : n.toString(), true, false);
    }

    private static Cell amount(BigDecimal value, boolean suppressed) {
        return suppressed ? new Cell(SUPPRESSED, false, true) : new Cell(money(value), true, false);
    }

    private static Cell score(BigDecimal value, boolean suppressed) {
        return suppressed ? new Cell(SUPPRESSED, false, true)
                : new Cell(value == null ? "" : value.toPlainString(), true, false);
    }

    private String groupLabel(String tenant, String clientGroup, String cohort) {
        String name = figures.groups().stream()
                .filter(g -> g.tenant().equals(tenant) && g.clientGroup().equals(clientGroup))
                .map(Group::clientGroupName).filter(Objects::nonNull).findFirst().orElse(clientGroup);
        return tenantPrefix(tenant) + name + " · " + cohortName(cohort);
    }

    private String tenantPrefix(String tenant) {
        return manyTenants ? tenant + " / " : "";
    }

    private String instruments() {
        if (figures.instruments().isEmpty()) {
            return "none measured";
        }
        Function<Map.Entry<String, String>, String> describe = e -> manyTenants ? e.getKey() + ": " + e.getValue()
                : e.getValue();
        return String.join(", ", figures.instruments().entrySet().stream().map(describe).toList());
    }

    private static String cohortName(String cohort) {
        return "CONTROL".equals(cohort) ? "control" : cohort;
    }

    /** A service class URI by its code (the last part), so the page names no address. */
    static String serviceClass(String serviceClass) {
        if (serviceClass == null) {
            return "";
        }
        int slash = serviceClass.lastIndexOf('/');
        return serviceClass.contains("://") && slash >= 0 && slash < serviceClass.length() - 1
                ? serviceClass.substring(slash + 1) : serviceClass;
    }
}
