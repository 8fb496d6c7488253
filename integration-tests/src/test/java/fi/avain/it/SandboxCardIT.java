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
 * simulator): data/sandbox.json names a sample card, budget and secrets, and Stripe-shaped events
 * signed with Stripe's library are decided against the sample budget.
 */
class SandboxCardIT {
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
        for (String key : List.of("tenant", "clientPatientId", "budgetId", "cardId", "allowedMcc", "blockedMcc")) {
            assertThat(samples.path(key).asText()).as(key).isNotBlank();
        }
        assertThat(samples.get("allowedMcc").asText()).isEqualTo("8099");
        assertThat(samples.get("blockedMcc").asText()).isEqualTo("7995");
        assertThat(facts.path("secrets").path("stripeWebhook").asText()).startsWith("whsec_");
        assertThat(facts.path("secrets").path("cardWebhook").asText()).startsWith("whsec_");
        assertThat(facts.path("simulators").path("processor").asText()).startsWith("http://127.0.0.1:");
        assertThat(facts.path("apiKeys").path("processor").asText()).isNotBlank();
    }

    @Test
    void theSampleBudgetShowsTheSampleSpends() throws Exception {
        JsonNode budget = budget();
        JsonNode line = line(budget, "daily-living");
        assertThat(line.get("spent").asText()).isEqualTo("38.90");
        assertThat(line.get("held").asText()).isNotEqualTo("0.00");
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
