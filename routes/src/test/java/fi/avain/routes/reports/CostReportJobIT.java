package fi.avain.routes.reports;

import static fi.avain.routes.reports.ReportFixture.hetu;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.routes.jobs.JobCommand;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** The job's edges: a period with no data, a malformed period, a tenant without a reporting key. */
@CostReportIntegrationTest
class CostReportJobIT {
    @Autowired
    ApplicationContext context;
    @Autowired
    JobRunner jobs;
    @Value("${avain.data-dir}")
    Path dataDir;

    @Test
    void aPeriodWithNoDataGivesAnEmptyButValidReport() throws Exception {
        JobSummary summary = jobs.run("cost-report", Map.of("period", "2020-01"), JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(summary.toJson()).containsEntry("clients", 0).containsEntry("rows", 0L)
                .containsEntry("groups", 0).containsEntry("suppressed", 0);
        Path dir = dataDir.resolve("reports/2020-01");
        assertThat(Files.readAllLines(dir.resolve("costs.csv"))).containsExactly(String.join(",", CostRow.COLUMNS));
        assertThat(Files.readAllLines(dir.resolve("aggregates.csv")))
                .containsExactly(String.join(",", ReportFigures.Group.COLUMNS));
        JsonNode costs = Golden.read(dir.resolve("costs.json"));
        assertThat(costs.path("period").asText()).isEqualTo("2020-01");
        assertThat(costs.path("months")).hasSize(12);
        assertThat(costs.path("rows").isArray()).isTrue();
        assertThat(costs.path("rows")).isEmpty();
        JsonNode aggregates = Golden.read(dir.resolve("aggregates.json"));
        assertThat(aggregates.path("groups")).isEmpty();
        assertThat(aggregates.path("summary").path("clients").asInt()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("No figures to draw for this period");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("costs.csv", "costs.json", "aggregates.csv", "aggregates.json",
                            "report.html");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-3", "march", "2026-03-01", "", "26-03"})
    void aMalformedPeriodStopsTheJobWithExitCode2AndSaysWhy(String period) {
        JobSummary summary = jobs.run("cost-report", Map.of("period", period), JobProgress.NONE);

        assertThat(summary.status().exitCode()).isEqualTo(2);
        assertThat(summary.error()).isEqualTo("--period must be a month written YYYY-MM, such as 2026-03");
        assertThat(dataDir.resolve("reports").toFile().list()).as("nothing written").doesNotContain(period);
    }

    @Test
    void theCommandLineKnowsTheJob() {
        assertThat(JobCommand.JOBS).contains("cost-report");
        assertThat(jobs.names()).contains("cost-report");
    }

    @Test
    void aTenantWithoutAReportingKeyIsLeftOutAndNamedWhileTheOthersAreReported() throws Exception {
        ReportFixture fixture = new ReportFixture(context);
        fixture.clock.set(Instant.parse("2024-05-01T09:00:00Z"));
        String plan = """
                {"planId": "%s", "tenant": "t2", "client": {"identityCode": "%s"}, "clientGroup": "elderly",
                 "cohort": "hb", "period": {"start": "2024-05-01", "end": "2024-12-31"},
                 "lines": [{"code": "shop", "category": "Ostokset", "allocated": "100.00", "channels": ["card"],
                            "merchantCategoryCodes": ["5411"]}]}""".formatted("plan-" + UUID.randomUUID(), hetu(40));
        fixture.tx.execute(s -> fixture.plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID()));

        JobSummary summary = jobs.run("cost-report", Map.of("period", "2024-06"), JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(summary.toJson()).containsEntry("tenantsWithoutKey", java.util.List.of("t2"));
        Path dir = dataDir.resolve("reports/2024-06");
        assertThat(Files.readAllLines(dir.resolve("costs.csv"))).noneMatch(line -> line.startsWith("t2,"));
        assertThat(Golden.read(dir.resolve("aggregates.json")).path("groups").findValuesAsText("tenant"))
                .doesNotContain("t2");
    }
}
