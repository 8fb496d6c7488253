package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost and impact follow-up's data in the whole application: the import jobs from the command line's
 * runner and the operators' API, and who may send outcomes and unmet needs.
 */
class FollowUpIT extends AvainIntegrationTest {
    private static final String PLAN = """
            {"planId": "follow-up-1", "tenant": "sandbox-county",
             "client": {"identityCode": "150385-9013", "homeMunicipality": "491"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "2026-01-01", "end": "2026-12-31"},
             "lines": [{"code": "care", "category": "Hoiva", "allocated": "500.00", "channels": ["voucher"]}]}""";
    private static final String OUTCOME = """
            {"tenant": "sandbox-county", "client": {"identityCode": "150385-9013"}, "instrument": "kykyviisari",
             "date": "%s", "scores": {"physical": 7, "mental": 6, "social": 6, "cognitive": 7, "daily": 7}}""";

    @Test
    void theImportJobsRunFromTheRunnerAndTheOperatorsApi() throws Exception {
        YearMonth last = YearMonth.now(ZoneId.of("Europe/Helsinki")).minusMonths(1);
        Path costs = Files.createDirectories(Path.of("target/it-data/follow-up")).resolve("costs.csv");
        Files.writeString(costs, """
                client,client_group,cohort,service_class,period,cost,source
                150385-9013,disability,control,P10.1,%s,1234.50,talous
                020794-9029,family,,P4.6,%s,-5,talous
                """.formatted(last, last));

        JobSummary summary = jobs.run("import-costs", Map.of("file", costs.toString()), JobProgress.NONE);

        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(summary.counts()).containsEntry("tenant", "sandbox-county").containsEntry("imported", 1L)
                .containsEntry("errors", 1L);
        HttpResponse<String> again = post("/api/v1/jobs/import-costs?file="
                + URLEncoder.encode(costs.toString(), StandardCharsets.UTF_8), OPERATOR_KEY);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again.body()).get("unchanged").asLong()).isEqualTo(1);
        HttpResponse<String> missing = post("/api/v1/jobs/import-outcomes?file=nope.csv", OPERATOR_KEY);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing.body()).get("detail").asText()).isEqualTo("no readable file nope.csv");
        assertThat(jdbc.sql("select count(*) from report_cost").query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> errors = get("/api/v1/messages?flow=cost-import&status=ERROR", OPERATOR_KEY);
        assertThat(json(errors.body()).get("totalItems").asInt()).isEqualTo(2);
        assertThat(errors.body()).contains("line 3: cost: must not be negative").doesNotContain("020794-9029");
    }

    @Test
    void integratorsAndOperatorsSendOutcomesAndUnmetNeedsAndNoOneElse() {
        String today = LocalDate.now(ZoneId.of("Europe/Helsinki")).toString();
        HttpResponse<String> plan = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN);
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String needs = "/api/v1/plans/" + json(plan.body()).get("budgetId").asText() + "/unmet-needs";

        assertThat(postJson("/api/v1/outcomes", INTEGRATOR_KEY, OUTCOME.formatted(today)).statusCode()).isEqualTo(201);
        assertThat(postJson("/api/v1/outcomes", OPERATOR_KEY, OUTCOME.formatted(today)).statusCode()).isEqualTo(200);
        assertThat(postJson("/api/v1/outcomes", PROCESSOR_KEY, OUTCOME.formatted(today)).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/outcomes", null, OUTCOME.formatted(today)).statusCode()).isEqualTo(401);
        HttpResponse<String> need = postJson(needs, INTEGRATOR_KEY, "{\"serviceClass\": \"P4.2\"}");
        assertThat(need.statusCode()).as(need.body()).isEqualTo(201);
        assertThat(json(need.body()).get("municipality").asText()).isEqualTo("491");
        assertThat(json(need.body()).get("markedBy").asText()).isNotBlank().isNotEqualTo("anonymous");
        assertThat(postJson(needs, OPERATOR_KEY, "{\"serviceClass\": \"P4.2\"}").statusCode()).isEqualTo(201);
        assertThat(postJson(needs, PROCESSOR_KEY, "{\"serviceClass\": \"P4.2\"}").statusCode()).isEqualTo(403);
        assertThat(postJson(needs, null, "{\"serviceClass\": \"P4.2\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = postJson("/api/v1/outcomes", INTEGRATOR_KEY, OUTCOME.formatted(today)
                .replace("\"daily\": 7", "\"daily\": 11"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("field").asText()).isEqualTo("scores.daily");
    }

    @Test
    void aMistypedTenantOrAClientGroupOutsideTheTenantsListGetsNoKeyAndNoGroup() throws Exception {
        // a client group must be one of the tenant's codes, and never an identity code
        for (String group : new String[] {"010190-123M", "disabilty"}) {
            HttpResponse<String> refused = postJson("/api/v1/plans", INTEGRATOR_KEY,
                    PLAN.replace("\"disability\"", "\"" + group + "\""));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused.body()).get("field").asText()).isEqualTo("clientGroup");
            assertThat(json(refused.body()).get("detail").asText())
                    .isEqualTo("clientGroup: is not one of the tenant's client groups (disability, family, elderly, "
                            + "carers, mental-health)");
        }
        HttpResponse<String> code = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN
                .replace("sandbox-county", "sandbox--county").replace("\"disability\"", "\"010190-123M\""));
        assertThat(code.statusCode()).as(code.body()).isEqualTo(400);
        assertThat(code.body()).contains("clientGroup: must not hold an identity code").doesNotContain("010190-123M");
        HttpResponse<String> category = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN
                .replace("\"Hoiva\"", "\"=cmd 010190-123M\""));
        assertThat(category.statusCode()).as(category.body()).isEqualTo(400);
        assertThat(json(category.body()).get("field").asText()).isEqualTo("lines[0].category");
        assertThat(category.body()).doesNotContain("010190-123M");
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isZero();

        // a plan of a mistyped tenant is that tenant's, without sandbox-county's reporting key
        HttpResponse<String> typo = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.replace("sandbox-county",
                "sandbox--county"));
        assertThat(typo.statusCode()).as(typo.body()).isEqualTo(201);
        JobSummary report = jobs.run("cost-report", Map.of(), JobProgress.NONE);
        assertThat(report.status().exitCode()).isEqualTo(1);
        assertThat(report.counts().get("tenantsWithoutKey")).isEqualTo(java.util.List.of("sandbox--county"));
        Path costs = Files.createDirectories(Path.of("target/it-data/follow-up")).resolve("typo.csv");
        Files.writeString(costs, "client,client_group,service_class,period,cost,source\n"
                + "150385-9013,disability,P10.1,2026-01,1.00,talous\n");
        for (String tenant : new String[] {"sandboxcounty", "sandbox-county-"}) {
            HttpResponse<String> imported = post("/api/v1/jobs/import-costs?tenant=" + tenant + "&file="
                    + URLEncoder.encode(costs.toString(), StandardCharsets.UTF_8), OPERATOR_KEY);
            assertThat(imported.body()).contains("no reporting key for tenant " + tenant);
        }
        assertThat(jdbc.sql("select count(*) from report_cost").query(Long.class).single()).isZero();
    }

    private HttpResponse<String> postJson(String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }
}
