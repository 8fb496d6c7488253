package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sandbox's database: on H2 in PostgreSQL mode the report's statements (its temporary table among
 * them) run as well, and the hand-worked ledger gives the very same files as on PostgreSQL.
 */
@SpringBootTest(classes = CostReportTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:cost-report-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "avain.messages.encryption-key=" + CostReportIntegrationTest.MESSAGE_KEY,
        "avain.reports.keys.t1=" + CostReportIntegrationTest.REPORTING_KEY,
        "avain.reports.min-group-size=3",
        "avain.tenants-dir=src/test/resources/reports/tenants"})
@ContextConfiguration(initializers = ReportFixture.DataDir.class)
@DirtiesContext
class CostReportOnH2Test {
    @Autowired
    ApplicationContext context;
    @Autowired
    JobRunner jobs;
    @Value("${avain.data-dir}")
    Path dataDir;

    @Test
    void theHandWorkedLedgerGivesTheGoldenFiles() throws Exception {
        HandWorkedLedger.book(new ReportFixture(context));

        JobSummary summary = jobs.run("cost-report", Map.of("period", CostReportIT.PERIOD), JobProgress.NONE);

        assertThat(summary.status()).as(String.valueOf(summary.error())).isEqualTo(JobSummary.Status.DONE);
        Path dir = dataDir.resolve("reports").resolve(CostReportIT.PERIOD);
        Golden.check(CostReportIT.GOLDEN.resolve("costs.expected.json"), dir.resolve("costs.json"));
        Golden.check(CostReportIT.GOLDEN.resolve("aggregates.expected.json"), dir.resolve("aggregates.json"));
    }
}
