package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CostAggregationTest {
    private static final ReportPeriod PERIOD = ReportPeriod.parse("2026-03");
    private static final GroupKey GROUP = new GroupKey("t1", "disability", CostAggregation.CONTROL);
    private static final TenantCatalog NO_TENANTS = new TenantCatalog(Path.of("no-such-directory"));

    private static ClientCosts imported(long cents) {
        ClientCosts costs = new ClientCosts(PERIOD);
        costs.imported(new CostReportQueries.ImportedRow(0, "P10.1", LocalDate.of(2026, 1, 1), cents, null, null));
        return costs;
    }

    private static ReportClient client(int n) {
        return new ReportClient("t1", String.format("%064x", n), "disability", CostAggregation.CONTROL, null);
    }

    @Test
    void aGroupTotalBeyondExactCentsStopsTheReportInsteadOfTurningNegative() {
        CostAggregation aggregation = new CostAggregation(PERIOD, 1, Map.of(GROUP, 2), Set.of(), NO_TENANTS, Map.of());
        aggregation.add(client(1), imported(Long.MAX_VALUE / 2 + 1), null);

        assertThatThrownBy(() -> aggregation.add(client(2), imported(Long.MAX_VALUE / 2 + 1), null))
                .isInstanceOf(ReportSums.TooLargeException.class)
                .hasMessageStartingWith("a report total is beyond 92233720368547758.07 euros");
    }

    @Test
    void oneClientsCellsBeyondExactCentsStopTheReportToo() {
        ClientCosts costs = imported(Long.MAX_VALUE);

        assertThatThrownBy(() -> costs.imported(new CostReportQueries.ImportedRow(0, "P10.1", LocalDate.of(2026, 1, 1),
                1, null, null))).isInstanceOf(ReportSums.TooLargeException.class);
    }

    @Test
    void noIdentityCodeInAGroupCategoryOrServiceClassReachesTheReport() {
        ReportClient client = new ReportClient("t1", "a".repeat(64), "010190-123M", "HB", null);
        ClientCosts costs = new ClientCosts(PERIOD);
        costs.line(new CostReportQueries.LineRow(0, java.util.UUID.randomUUID(), "=cmd 010190-123M", 100, 0, 0));
        costs.imported(new CostReportQueries.ImportedRow(0, "x 010190-123M", LocalDate.of(2026, 1, 1), 1, null, null));
        GroupKey key = client.group();
        CostAggregation aggregation = new CostAggregation(PERIOD, 1, Map.of(key, 1), Set.of(), NO_TENANTS, Map.of());
        aggregation.add(client, costs, null);

        ReportFigures figures = aggregation.figures(java.time.Instant.EPOCH, 1);

        assertThat(key.clientGroup()).isEqualTo("******-****");
        assertThat(figures.groups().get(0).clientGroupName()).isEqualTo("******-****");
        assertThat(figures.budgetUse().get(0).category()).isEqualTo("=cmd ******-****");
        assertThat(figures.byServiceClass().get(0).serviceClass()).isEqualTo("x ******-****");
        assertThat(costs.rows(client, null)).allSatisfy(row -> assertThat(row.values().toString())
                .doesNotContain("010190-123M"));
    }

    @Test
    void aServiceClassIsNamedByItsCodeWhetherTheLedgerOrAFinanceFileNamedIt() {
        ClientCosts costs = new ClientCosts(PERIOD);
        costs.ledger(new CostReportQueries.LedgerRow(0, java.util.UUID.randomUUID(),
                "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1", "card", 9, 0, 0, 100, 1));
        costs.imported(new CostReportQueries.ImportedRow(0, "P10.1", LocalDate.of(2026, 1, 1), 200, null, null));
        costs.imported(new CostReportQueries.ImportedRow(0, "http://urn.fi/URN:NBN:fi:au:ptvl:v1070",
                LocalDate.of(2026, 1, 1), 300, null, null));

        assertThat(costs.rows(client(1), null)).extracting(CostRow::serviceClass)
                .containsExactlyInAnyOrder("P10.1", "P10.1", "http://urn.fi/URN:NBN:fi:au:ptvl:v1070");
    }

    @Test
    void largeTotalsWithinExactCentsAreSummedExactly() {
        CostAggregation aggregation = new CostAggregation(PERIOD, 1, Map.of(GROUP, 2), Set.of(), NO_TENANTS, Map.of());
        aggregation.add(client(1), imported(999_999_999_999_999L), null);
        aggregation.add(client(2), imported(999_999_999_999_999L), null);

        ReportFigures.Group group = aggregation.figures(java.time.Instant.EPOCH, 2).groups().get(0);

        assertThat(group.importedCost()).isEqualByComparingTo("19999999999999.98");
        assertThat(group.meanCost()).isEqualByComparingTo("9999999999999.99");
    }
}
