package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a user starts it (the packaged jar, H2 under its own data directory, every
 * simulator): data/sandbox.json names a sample card, budget, voucher and secrets; Stripe-shaped events
 * signed with Stripe's library are decided against the sample budget, and the documented SOAP examples
 * run in order on the sample voucher.
 */
class SandboxIT {
    static Path dataDir;
    static AvainJar.Started sandbox;
    static JsonNode facts;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory(AvainJar.repositoryRoot().resolve("integration-tests/target"), "sandbox-");
        sandbox = AvainJar.start(List.of("--server.port=0", "--avain.data-dir=" + dataDir,
                "--avain.sandbox.ptv-services=50"), Map.of());
        Path file = dataDir.resolve("sandbox.json");
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(file) || !sandbox.process().isAlive());
        assertThat(sandbox.process().isAlive()).as("sandbox stderr: " + Files.readString(sandbox.stderr())).isTrue();
        facts = AvainIntegrationTest.json(Files.readString(file));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.kill();
        }
    }

    @Test
    void sandboxJsonNamesTheSamplesAndTheSecrets() {
        JsonNode samples = facts.get("samples");
        for (String key : List.of("tenant", "clientPatientId", "budgetId", "cardId", "allowedMcc",
                "blockedMcc", "voucherId", "demoVoucherId")) {
            assertThat(samples.path(key).asText()).as(key).isNotBlank();
        }
        assertThat(samples.get("allowedMcc").asText()).isEqualTo("8099");
        assertThat(samples.get("blockedMcc").asText()).isEqualTo("7995");
        assertThat(facts.path("secrets").path("stripeWebhook").asText()).startsWith("whsec_");
        assertThat(facts.path("secrets").path("cardWebhook").asText()).startsWith("whsec_");
        assertThat(facts.path("simulators").path("processor").asText()).startsWith("http://127.0.0.1:");
        assertThat(facts.path("simulators").path("voucher").asText()).startsWith("http://127.0.0.1:");
        assertThat(facts.path("apiKeys").path("processor").asText()).isNotBlank();
    }

    @Test
    void theSampleBudgetShowsTheSampleSpends() throws Exception {
        JsonNode budget = budget();
        JsonNode line = line(budget, "daily-living");
        // the cleared card purchase of 38.90 and the demo voucher's service event of 40.00
        assertThat(line.get("spent").asText()).isEqualTo("78.90");
        assertThat(line.get("held").asText()).isNotEqualTo("0.00");
        JsonNode demo = get("/api/v1/vouchers/" + facts.at("/samples/demoVoucherId").asText());
        assertThat(demo.get("status").asText()).isEqualTo("accepted");
        assertThat(demo.get("events")).hasSize(1);
    }

    @Test
    void theVoucherExamplesRunInOrderOnTheSampleVoucher() throws Exception {
        String voucherId = facts.at("/samples/voucherId").asText();
        assertThat(get("/api/v1/vouchers/" + voucherId).get("status").asText()).isEqualTo("issued");
        String soap = facts.get("baseUrl").asText() + "/soap/vouchers";
        HttpResponse<String> wsdl = HTTP.send(HttpRequest.newBuilder(URI.create(soap + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.body()).contains("xrd:version", "serviceEventRecorded");
        for (Path example : VoucherFlowIT.examples()) {
            String request = Files.readString(example).replace("{{voucherId}}", voucherId);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(soap))
                    .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(example + ": " + response.body()).isEqualTo(200);
            assertThat(VoucherFlowIT.headerValues(response.body())).isEqualTo(VoucherFlowIT.headerValues(request));
            if (example.getFileName().toString().startsWith("02")) {
                JsonNode respite = line(budget(), "respite");
                assertThat(respite.get("spent").asText()).isEqualTo("75.00");
                assertThat(respite.get("held").asText()).isEqualTo("440.00");
            }
        }
        assertThat(get("/api/v1/vouchers/" + voucherId).get("status").asText()).isEqualTo("cancelled");
        assertThat(line(budget(), "respite").get("held").asText()).isEqualTo("0.00");
    }

    @Test
    void theSandboxIssuersTokensOpenFhirAndItsKeyIsPublished() throws Exception {
        String base = facts.get("baseUrl").asText();
        String patient = facts.at("/samples/clientPatientId").asText();
        String budget = facts.at("/samples/budgetId").asText();
        for (String token : List.of("client", "representative")) {
            String jwt = facts.at("/tokens/" + token).asText();
            JsonNode accounts = fhirJson(base, "/fhir/Account?patient=" + patient, jwt);
            assertThat(accounts.toString()).as(token).contains("\"id\":\"" + budget + "\"");
            JsonNode charges = fhirJson(base, "/fhir/ChargeItem?account=" + budget, jwt);
            assertThat(charges.path("total").asInt()).as(token + ": the sample spends").isGreaterThanOrEqualTo(3);
            assertThat(charges.toString()).contains("charge-channel").contains("\"code\":\"voucher\"");
        }
        // the representative was granted the budget and its spends, not the other sample client's data
        HttpResponse<String> otherTenant = fhir(base, facts.at("/tokens/otherTenant").asText());
        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(fhir(base, facts.at("/tokens/client").asText()).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = fhir(base, facts.at("/apiKeys/processor").asText());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fhir/Patient/x"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(AvainIntegrationTest.json(anonymous.body()).path("resourceType").asText()).isEqualTo("OperationOutcome");

        HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(URI.create(facts.at("/urls/issuerJwks").asText()))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = AvainIntegrationTest.json(jwks.body()).path("keys").path(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("d")).as("private part").isFalse();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("sandbox-issuer-key.json")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private static JsonNode fhirJson(String base, String path, String bearer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return AvainIntegrationTest.json(response.body());
    }

    private static HttpResponse<String> fhir(String base, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fhir/Patient/" + facts.at("/samples/clientPatientId")
                        .asText())).header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFollowUpsSampleCostsAndOutcomesAreImportedAndItsIdentityCodesNeverPrinted() throws Exception {
        Path costs = Path.of(facts.at("/samples/costsFile").asText());
        Path outcomes = Path.of(facts.at("/samples/outcomesFile").asText());
        long costLines = Files.readAllLines(costs).size() - 1;

        assertThat(costLines).isGreaterThan(200);
        assertThat(asOperator("/api/v1/messages?flow=cost-import&status=PROCESSED&size=1").get("totalItems").asLong())
                .isEqualTo(costLines);
        assertThat(asOperator("/api/v1/messages?flow=outcome-import&status=PROCESSED&size=1").get("totalItems").asLong())
                .isEqualTo(Files.readAllLines(outcomes).size() - 1);
        for (String flow : List.of("cost-import", "outcome-import")) {
            assertThat(asOperator("/api/v1/messages?flow=" + flow + "&status=ERROR&size=1").get("totalItems").asLong())
                    .as(flow).isZero();
        }
        String printed = Files.readString(sandbox.stdout()) + Files.readString(sandbox.stderr());
        for (String line : Files.readAllLines(costs).subList(1, (int) costLines + 1)) {
            assertThat(printed).doesNotContain(line.substring(0, line.indexOf(',')));
        }
    }

    private static JsonNode asOperator(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(facts.get("baseUrl").asText()
                        + path)).header("Authorization", "Bearer " + facts.at("/apiKeys/operator").asText())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AvainIntegrationTest.json(response.body());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(facts.get("baseUrl").asText()
                        + path)).header("Authorization", "Bearer " + facts.at("/apiKeys/integrator").asText())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AvainIntegrationTest.json(response.body());
    }

    @Test
    void stripeAuthorizationsAreDecidedAgainstTheSampleBudget() throws Exception {
        String before = line(budget(), "daily-living").get("held").asText();
        String approved = event("iauth_it_1", 2500, facts.at("/samples/allowedMcc").asText());
        HttpResponse<String> yes = stripe(approved);
        assertThat(yes.statusCode()).as(yes.body()).isEqualTo(200);
        assertThat(yes.headers().firstValue("Stripe-Version")).isPresent();
        assertThat(AvainIntegrationTest.json(yes.body()).get("approved").asBoolean()).isTrue();
        assertThat(new java.math.BigDecimal(line(budget(), "daily-living").get("held").asText()))
                .isEqualByComparingTo(new java.math.BigDecimal(before).add(new java.math.BigDecimal("25.00")));
        assertThat(stripe(approved).body()).isEqualTo(yes.body());

        HttpResponse<String> blocked = stripe(event("iauth_it_2", 100, facts.at("/samples/blockedMcc").asText()));
        assertThat(AvainIntegrationTest.json(blocked.body()).get("approved").asBoolean()).isFalse();
        HttpResponse<String> over = stripe(event("iauth_it_3", 400_000, facts.at("/samples/allowedMcc").asText()));
        assertThat(AvainIntegrationTest.json(over.body()).get("approved").asBoolean()).isFalse();
    }

    static String event(String id, long cents, String mcc) {
        long now = Instant.now().getEpochSecond();
        return """
                {"id":"evt_%1$s","object":"event","api_version":"2025-10-29.clover","created":%2$d,
                 "type":"issuing_authorization.request","data":{"object":{"id":"%1$s","object":"issuing.authorization",
                 "amount":0,"currency":"eur","card":{"id":"%3$s"},"created":%2$d,
                 "merchant_data":{"category":"x","category_code":"%4$s","name":"Kauppa"},
                 "pending_request":{"amount":%5$d,"currency":"eur","is_amount_controllable":false}}}}"""
                .formatted(id, now, facts.at("/samples/cardId").asText(), mcc, cents);
    }

    static HttpResponse<String> stripe(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        String signature = "t=" + t + ",v1="
                + Webhook.Util.computeHmacSha256(facts.at("/secrets/stripeWebhook").asText(), t + "." + body);
        return HTTP.send(HttpRequest.newBuilder(URI.create(facts.get("baseUrl").asText() + "/api/v1/card/stripe"))
                .header("Stripe-Signature", signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode budget() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(facts.get("baseUrl").asText()
                        + "/api/v1/budgets/" + facts.at("/samples/budgetId").asText()))
                .header("Authorization", "Bearer " + facts.at("/apiKeys/integrator").asText())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AvainIntegrationTest.json(response.body());
    }

    static JsonNode line(JsonNode budget, String code) {
        for (JsonNode line : budget.get("lines")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code);
    }
}
