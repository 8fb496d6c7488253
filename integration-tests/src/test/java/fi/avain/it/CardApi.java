package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Cents;
import fi.avain.connectors.card.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The card flow over HTTP as the tests drive it against jar instances: a budget and a card through the
 * integrator's API, and authorizations signed as the processor signs them, never more than a fixed
 * number in flight across all instances.
 */
final class CardApi {
    static final String MCC = "8099";
    static final String BLOCKED_MCC = "7995";
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);
    private static final String PLAN = """
            {"planId": "%s", "tenant": "01", "client": {"identityCode": "010190-123M", "homeMunicipality": "205"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%s", "end": "%s"},
             "lines": [{"code": "care", "category": "Hoiva", "allocated": "%s", "merchantCategoryCodes": ["%s"],
                        "channels": ["card"]}]}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight;

    CardApi(int maxInFlight) {
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** A budget from a plan with one line of {@code allocatedCents} for {@link #MCC}, and a card on it; answers the card id. */
    String budgetWithCard(String baseUrl, String planId, long allocatedCents) {
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        HttpResponse<String> plan = postJson(baseUrl + "/api/v1/plans", PLAN.formatted(planId, today.minusDays(30),
                today.plusDays(300), Cents.format(allocatedCents), MCC));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String budgetId = AvainIntegrationTest.json(plan.body()).get("budgetId").asText();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> card = postJson(baseUrl + "/api/v1/cards",
                "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"generic\"}");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
        return cardId;
    }

    /** A generic authorization body (docs/formats/card-authorization.md). */
    static String authorization(String id, String cardId, long cents, String mcc, boolean controllable) {
        return """
                {"type":"authorization","authorizationId":"%s","cardId":"%s","amount":"%s","currency":"EUR",\
                "merchant":{"categoryCode":"%s","name":"Kauppa","id":"m-1"},"amountControllable":%s,\
                "createdAt":"%s"}""".formatted(id, cardId, Cents.format(cents), mcc, controllable, Instant.now());
    }

    /** Sends {@code body} signed now, once there is room in flight (waiting at most the request limit for it). */
    CompletableFuture<HttpResponse<String>> authorize(String baseUrl, String body) {
        try {
            if (!inFlight.tryAcquire(REQUEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no room in flight for " + REQUEST_LIMIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/card/authorizations"))
                .timeout(REQUEST_LIMIT).header("Content-Type", "application/json")
                .header("Avain-Signature", WebhookSignature.sign(AvainIntegrationTest.CARD_SECRET,
                        Instant.now().getEpochSecond(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> inFlight.release());
    }

    /** {@link #authorize} and wait for the answer. */
    HttpResponse<String> authorizeNow(String baseUrl, String body) {
        return await(authorize(baseUrl, body));
    }

    static JsonNode answer(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AvainIntegrationTest.json(response.body());
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(REQUEST_LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer in " + REQUEST_LIMIT.toSeconds() * 2 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> postJson(String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_LIMIT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AvainIntegrationTest.INTEGRATOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return await(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
}
