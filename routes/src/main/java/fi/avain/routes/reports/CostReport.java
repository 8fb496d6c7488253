package fi.avain.routes.reports;

import fi.avain.budget.ClientIdentities;
import fi.avain.routes.jobs.JobProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a period's cost and impact report: finds its clients, streams their sums out of the database
 * client by client into {@code costs.csv} and {@code costs.json}, and writes the aggregates and the HTML
 * page from what it summed on the way. Everything is read in one repeatable-read transaction, so the
 * files agree with each other even while the ledger keeps booking.
 */
@Component
public class CostReport {
    private final CostReportQueries queries;
    private final TransactionTemplate tx;
    private final ClientIdentities identities;
    private final ReportingPseudonyms pseudonyms;
    private final TenantCatalog catalog;
    private final CostReportSettings settings;
    private final Clock clock;

    CostReport(DataSource dataSource, PlatformTransactionManager transactions, ClientIdentities identities,
               ReportingPseudonyms pseudonyms, TenantCatalog catalog, CostReportSettings settings,
               ObjectProvider<Clock> clock) {
        this.queries = new CostReportQueries(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.identities = identities;
        this.pseudonyms = pseudonyms;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a run made: the period's directory, the summary's counts and the tenants left out for want of a reporting key. */
    public record Made(Path dir, ReportFigures.Summary summary, List<String> tenantsWithoutKey) {
    }

    public Made make(ReportPeriod period, JobProgress progress) {
        Instant now = clock.instant();
        return tx.execute(status -> build(period, now, progress));
    }

    private Made build(ReportPeriod period, Instant now, JobProgress progress) {
        progress.update("finding the clients", 0, -1);
        Set<String> withoutKey = new TreeSet<>();
        List<ReportClient> clients = ReportPopulation.of(queries, identities, pseudonyms, period, withoutKey);
        Map<GroupKey, Integer> sizes = new TreeMap<>();
        clients.forEach(c -> sizes.merge(c.group(), 1, Integer::sum));
        Set<GroupKey> suppressed = new HashSet<>();
        sizes.forEach((group, n) -> {
            if (n < settings.minGroupSize()) {
                suppressed.add(group);
            }
        });
        List<ReportClient> reported = clients.stream().filter(c -> !suppressed.contains(c.group())).toList();
        queries.placeClients(reported);
        Map<String, String> instruments = instruments(period, reported);
        CostAggregation aggregation = new CostAggregation(period, settings.minGroupSize(), sizes, suppressed, catalog,
                instruments);
        Path dir = settings.dir(period);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the report directory " + dir, e);
        }
        progress.update("summing the ledger", 0, -1);
        long rows;
        try (CostRowsWriter writer = new CostRowsWriter(dir, period, now, settings.minGroupSize());
             Stream<CostReportQueries.LineRow> lines = queries.lines(period);
             Stream<CostReportQueries.LedgerRow> ledger = queries.ledger(period);
             Stream<CostReportQueries.ShareRow> shares = queries.shares(period);
             Stream<CostReportQueries.ImportedRow> imported = queries.imported(period);
             Stream<CostReportQueries.OutcomeRow> outcomes = queries.outcomes(period)) {
            OrderedRows<CostReportQueries.LineRow> lineRows = new OrderedRows<>(lines.iterator(),
                    CostReportQueries.LineRow::ord);
            OrderedRows<CostReportQueries.LedgerRow> ledgerRows = new OrderedRows<>(ledger.iterator(),
                    CostReportQueries.LedgerRow::ord);
            OrderedRows<CostReportQueries.ShareRow> shareRows = new OrderedRows<>(shares.iterator(),
                    CostReportQueries.ShareRow::ord);
            OrderedRows<CostReportQueries.ImportedRow> importedRows = new OrderedRows<>(imported.iterator(),
                    CostReportQueries.ImportedRow::ord);
            OrderedRows<CostReportQueries.OutcomeRow> outcomeRows = new OrderedRows<>(outcomes.iterator(),
                    CostReportQueries.OutcomeRow::ord);
            int ord = 0;
            GroupKey suppressedWritten = null;
            for (ReportClient client : clients) {
                if (suppressed.contains(client.group())) {
                    if (!client.group().equals(suppressedWritten)) {
                        writer.write(CostRow.suppressed(client.group()));
                        suppressedWritten = client.group();
                    }
                    continue;
                }
                ClientCosts costs = new ClientCosts(period);
                lineRows.take(ord, costs::line);
                ledgerRows.take(ord, costs::ledger);
                shareRows.take(ord, costs::share);
                importedRows.take(ord, costs::imported);
                List<CostReportQueries.OutcomeRow> measured = new ArrayList<>();
                outcomeRows.take(ord, measured::add);
                ClientOutcome outcome = outcome(measured, instruments.get(client.tenant()));
                costs.rows(client, outcome).forEach(writer::write);
                aggregation.add(client, costs, outcome);
                ord++;
                progress.update("summing the clients", ord, reported.size());
            }
            writer.finish();
            rows = writer.rows();
        }
        progress.update("writing the aggregates and the page", 0, -1);
        ReportFigures figures = aggregation.figures(now, rows);
        AggregateFiles.write(dir, figures);
        AtomicFiles.write(dir.resolve(CostReportHtml.FILE),
                CostReportHtml.render(figures, ServiceGapsFile.read(settings.reportsDir())));
        return new Made(dir, figures.summary(), List.copyOf(withoutKey));
    }

    /**
     * Each tenant's report instrument: the first of the tenant's configured instruments that anyone was
     * measured on (or its first, when none was); for a tenant without configuration, the instrument the
     * most clients were measured on.
     */
    private Map<String, String> instruments(ReportPeriod period, List<ReportClient> clients) {
        Map<String, Map<String, Long>> measured = queries.measuredInstruments(period);
        Map<String, String> out = new HashMap<>();
        for (String tenant : clients.stream().map(ReportClient::tenant).distinct().toList()) {
            Map<String, Long> counts = measured.getOrDefault(tenant, Map.of());
            List<Instrument> configured = catalog.tenant(tenant)
                    .map(Tenant::instruments).orElse(List.of());
            if (!configured.isEmpty()) {
                out.put(tenant, configured.stream().map(Instrument::code).filter(counts::containsKey)
                        .findFirst().orElse(configured.get(0).code()));
            } else {
                counts.entrySet().stream()
                        .max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .ifPresent(most -> out.put(tenant, most.getKey()));
            }
        }
        return out;
    }

    private static ClientOutcome outcome(List<CostReportQueries.OutcomeRow> measured, String instrument) {
        CostReportQueries.OutcomeRow first = null;
        CostReportQueries.OutcomeRow last = null;
        for (CostReportQueries.OutcomeRow row : measured) {
            if (row.instrument().equals(instrument)) {
                if (first == null) {
                    first = row;
                }
                last = row;
            }
        }
        return first == null ? null
                : new ClientOutcome(instrument, first.score(), first.measuredOn(), last.score(), last.measuredOn());
    }
}
