package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.budget.Plans;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.mappings.model.FundingMode;
import fi.avain.routes.catalogue.TestCatalogueCopy;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox's database: the report's statements must run on H2 in PostgreSQL mode as well. */
@SpringBootTest(classes = ReportsTestApplication.class, properties =
        "spring.datasource.url=jdbc:h2:mem:service-gaps-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ServiceGapsOnH2Test {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("avain.data-dir", () -> dataDir.toString());
    }

    @Autowired
    ServiceGapsJob job;
    @Autowired
    Plans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate batch;
    @Autowired
    ObjectMapper json;
    @Autowired
    TransactionTemplate tx;

    @Test
    void findsTheNeedsTheServicesAndTheMarks() throws IOException {
        TestCatalogueCopy copy = new TestCatalogueCopy(jdbc, batch, json);
        copy.service(copy.provider("Aurinko Oy"), "P4.1", List.of("491"), FundingMode.VOUCHER);
        UUID budget = null;
        for (int i = 0; i < 5; i++) {
            String plan = """
                    {"planId": "h2-%d", "tenant": "sandbox-county", "client": {"identityCode": "%s",
                     "homeMunicipality": "491"}, "clientGroup": "elderly", "cohort": "hb",
                     "period": {"start": "2026-01-01", "end": "2026-12-31"},
                     "lines": [{"code": "care", "category": "Kotihoito", "allocated": "100.00",
                       "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.1"], "channels": ["voucher"]}]}
                    """.formatted(i, List.of("010190-002R", "010190-003S", "010190-004T", "010190-005U", "010190-006V").get(i));
            budget = tx.execute(s -> plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                    UUID.randomUUID())).budgetId();
        }
        jdbc.sql("""
                        insert into unmet_need (id, tenant, budget_id, pseudonym, service_class, municipality, note,
                                                marked_by, created_at)
                        values (?, 'sandbox-county', ?, ?, 'P6', null, null, 'worker-1', ?)""")
                .params(UUID.randomUUID(), budget, "ab".repeat(32), Timestamp.from(ReportsTestApplication.NOW))
                .update();

        JobSummary summary = job.run(Map.of("today", "2026-11-23"), JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(Files.readAllLines(dataDir.resolve("reports/service-gaps/service-gaps.csv"))).containsExactly(
                "tenant,municipality,serviceClass,clients,suppressed,services,providers,status",
                "sandbox-county,491,P4.1,5,false,1,1,single",
                "sandbox-county,491,P6,,true,0,0,unmet");
    }
}
