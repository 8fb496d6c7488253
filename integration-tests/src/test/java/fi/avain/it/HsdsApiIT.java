package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.mappings.hsds.HsdsSchemas;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HsdsApiIT extends AvainIntegrationTest {

    @BeforeEach
    void syncACatalogue() {
        replace(PTV.catalogue(), PtvCatalogue.generate(40, 11, BASE_TIME));
        sync();
    }

    @Test
    void servicesAreServedAsHsdsPagesThatValidateAgainstTheSchemas() {
        HttpResponse<String> response = get("/api/v1/hsds/services?page=1&per_page=10", INTEGRATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response.body());
        assertThat(page.path("total_items").asLong()).isEqualTo(MARKETPLACE.ids("services").size());
        assertThat(page.path("contents")).hasSize(10);
        assertThat(page.path("page_number").asInt()).isEqualTo(1);
        assertThat(page.path("first_page").asBoolean()).isTrue();
        for (JsonNode service : page.path("contents")) {
            assertThat(HsdsSchemas.errors("service", service)).as(service.path("id").asText()).isEmpty();
            JsonNode one = json(get("/api/v1/hsds/services/" + service.path("id").asText(), INTEGRATOR_KEY).body());
            assertThat(one).isEqualTo(service);
        }
    }

    @Test
    void organizationsAreServedAsHsdsPagesThatValidateAgainstTheSchemas() {
        JsonNode page = json(get("/api/v1/hsds/organizations?per_page=500", OPERATOR_KEY).body());

        assertThat(page.path("total_items").asLong()).isPositive();
        for (JsonNode organization : page.path("contents")) {
            assertThat(HsdsSchemas.errors("organization", organization)).isEmpty();
        }
    }

    @Test
    void filtersNarrowTheServicesByMunicipalityClassFundingModeAndText() {
        JsonNode all = json(get("/api/v1/hsds/services?per_page=500", INTEGRATOR_KEY).body());
        JsonNode someService = all.path("contents").get(0);
        String word = someService.path("name").asText().split(" ")[0];

        JsonNode byText = json(get("/api/v1/hsds/services?per_page=500&text=" + encode(word), INTEGRATOR_KEY).body());
        JsonNode byClass = json(get("/api/v1/hsds/services?per_page=500&service_class=P99", INTEGRATOR_KEY).body());
        JsonNode byFunding = json(get("/api/v1/hsds/services?per_page=500&funding_mode=public", INTEGRATOR_KEY).body());
        JsonNode byMunicipality = json(get("/api/v1/hsds/services?per_page=500&municipality=999", INTEGRATOR_KEY).body());

        assertThat(byText.path("total_items").asLong()).isBetween(1L, all.path("total_items").asLong());
        assertThat(byText.path("contents").findValuesAsText("id")).contains(someService.path("id").asText());
        assertThat(byClass.path("total_items").asLong()).isZero();
        assertThat(byFunding.path("total_items").asLong()).isPositive();
        assertThat(byMunicipality.path("total_items").asLong()).isLessThan(all.path("total_items").asLong());
    }

    @Test
    void aCallWithoutAValidKeyGetsA401Problem() {
        for (String key : new String[] {null, "wrong-key"}) {
            HttpResponse<String> response = get("/api/v1/hsds/services", key);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response.body()).path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void anIntegratorKeyMayNotReadTheMessageStore() {
        HttpResponse<String> response = get("/api/v1/messages", INTEGRATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "per_page=501", "per_page=x", "municipality=49", "service_class=DROP%20TABLE",
            "funding_mode=gift"})
    void aBadQueryGetsA400Problem(String query) {
        HttpResponse<String> response = get("/api/v1/hsds/services?" + query, INTEGRATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response.body()).path("detail").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"municipality=491", "service_class=P4", "funding_mode=voucher", "municipality="})
    void organizationsRefuseTheServicesFiltersRatherThanIgnoreThem(String query) {
        HttpResponse<String> response = get("/api/v1/hsds/organizations?" + query, INTEGRATOR_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response.body()).path("detail").asText()).contains("filtered by text only");
    }

    @Test
    void anUnknownServiceGetsA404Problem() {
        HttpResponse<String> response = get("/api/v1/hsds/services/00000000-0000-0000-0000-000000000000", INTEGRATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).path("title").asText()).isEqualTo("Not found");
    }

    @Test
    void healthIsOpenAndListsEveryConnector() {
        JsonNode health = json(get("/actuator/health", null).body());

        assertThat(health.path("components").has("ptv")).isTrue();
        assertThat(health.path("components").has("comparison")).isTrue();
        assertThat(health.path("components").has("marketplace")).isTrue();
        // The voucher system is SOAP: it answers the probe's bare GET with a fault, and is still up.
        assertThat(health.path("components").path("voucherSystem").path("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/hsds/services/%00", "/api/v1/hsds/services/a%2Fb", "/api/v1/hsds/services/a%3Bb",
            "/api/v1/hsds/services/%2e%2e"})
    void aUrlRefusedBeforeTheApiSeesItIsStillAProblem(String path) {
        HttpResponse<String> response = get(path, INTEGRATOR_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(400);
        assertThat(json(response.body()).path("detail").asText()).isNotBlank();
    }

    @Test
    void prometheusCountsMessagesPerFlowForOperators() {
        assertThat(get("/actuator/prometheus", INTEGRATOR_KEY).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", OPERATOR_KEY);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("flow=\"catalogue-sync\"").contains("avain_flow_latency");
    }

    @Test
    void theOpenApiDocumentDescribesTheHsdsApi() {
        HttpResponse<String> response = get("/api/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("paths").has("/api/v1/hsds/services")).isTrue();
    }

    @Test
    void swaggerUiIsServedAtApiDocs() {
        HttpResponse<String> response = get("/api/docs", null);
        String location = response.headers().firstValue("Location").orElse("/api/docs");

        HttpResponse<String> page = response.statusCode() / 100 == 3 ? get(location.replaceFirst("^https?://[^/]+", ""), null) : response;

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void aRequestBodyOverTheLimitGetsA413ProblemAndRunsNothing() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/catalogue-sync"))
                .header("Authorization", "Bearer " + OPERATOR_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2 * 1024 * 1024))).build();
        long putsBefore = MARKETPLACE.puts("services");

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json").containsIgnoringCase("charset=UTF-8"));
        assertThat(json(response.body()).path("status").asInt()).isEqualTo(413);
        assertThat(MARKETPLACE.puts("services")).isEqualTo(putsBefore);

        // the citizen portal's FHIR clients read an OperationOutcome, whatever refused the request
        HttpResponse<String> fhir = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/Subscription"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2 * 1024 * 1024))).build());
        assertThat(fhir.statusCode()).isEqualTo(413);
        assertThat(fhir.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/fhir+json"));
        assertThat(json(fhir.body()).path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(json(fhir.body()).at("/issue/0/code").asText()).isEqualTo("too-long");

        // a small gzip body that expands past the limit
        HttpResponse<String> expanding = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/catalogue-sync"))
                .header("Authorization", "Bearer " + OPERATOR_KEY)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(VoucherFlowIT.gzip(new byte[2 * 1024 * 1024]))).build());
        assertThat(expanding.statusCode()).isEqualTo(413);
        assertThat(json(expanding.body()).path("detail").asText()).contains("at most");
        assertThat(MARKETPLACE.puts("services")).isEqualTo(putsBefore);

        // without a key, a body sent chunked is not read at all: the caller is refused first
        byte[] chunked = new byte[1024 * 1024 + 100 * 1024];
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/catalogue-sync"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked))).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorStartsAJobOverHttpAndGetsItsSummary() {
        HttpResponse<String> response = post("/api/v1/jobs/catalogue-sync", OPERATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("job").asText()).isEqualTo("catalogue-sync");
        assertThat(json(response.body()).path("created").asLong()).isZero();
        assertThat(post("/api/v1/jobs/no-such-job", OPERATOR_KEY).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/jobs/010190-123M", OPERATOR_KEY).body()).doesNotContain("010190-123M");
        HttpResponse<String> twice = post("/api/v1/jobs/cost-report?period=2026-11&period=2026-10", OPERATOR_KEY);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice.body()).path("detail").asText()).isEqualTo("--period is given more than once");
        HttpResponse<String> mistyped = post("/api/v1/jobs/retention?fulll=true", OPERATOR_KEY);
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(json(mistyped.body()).path("detail").asText())
                .isEqualTo("unknown option --fulll; retention takes no options");
        assertThat(post("/api/v1/jobs/catalogue-sync", INTEGRATOR_KEY).statusCode()).isEqualTo(403);

        long ptvRequests = PTV.requests("/");
        HttpResponse<String> unclear = post("/api/v1/jobs/catalogue-sync?full=maybe", OPERATOR_KEY);
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(unclear.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(json(unclear.body()).path("title").asText()).isEqualTo("Invalid job option");
        assertThat(json(unclear.body()).path("detail").asText()).isEqualTo("--full takes no value, or true or false");
        assertThat(PTV.requests("/")).isEqualTo(ptvRequests);
        HttpResponse<String> flag = post("/api/v1/jobs/catalogue-sync?full", OPERATOR_KEY);
        assertThat(flag.statusCode()).as(flag.body()).isEqualTo(200);
        HttpResponse<String> withBody = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/catalogue-sync"))
                .header("Authorization", "Bearer " + OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"full\":true}")).build());
        assertThat(withBody.statusCode()).isEqualTo(400);
        assertThat(json(withBody.body()).path("title").asText()).isEqualTo("Unexpected body");
        HttpResponse<String> badPeriod = post("/api/v1/jobs/cost-report?period=2026-13", OPERATOR_KEY);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(json(badPeriod.body()).path("detail").asText()).startsWith("--period must be a month");
    }

    @Test
    void theJobCommandKnowsExactlyTheJobsTheApplicationRuns() {
        assertThat(jobs.names()).containsExactlyInAnyOrderElementsOf(fi.avain.routes.jobs.JobCommand.JOBS);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
