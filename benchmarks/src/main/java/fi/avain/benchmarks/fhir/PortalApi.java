package fi.avain.benchmarks.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.benchmarks.card.BudgetSeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

/** The product's own API, as the portal benchmark seeds through it: plans, cards and subscriptions. */
final class PortalApi {
    static final String TENANT = "01";
    static final String MERCHANT_CATEGORY = "8099";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    PortalApi(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A budget and its client. */
    record Budget(String budgetId, String clientId, String hetu) {
    }

    /**
     * A plan of client {@code i} (BudgetSeed's identity code for it) with one card line allowing MCC 8099,
     * an allocation no run spends and no per-purchase or per-day limit, over the days given.
     */
    Budget plan(String apiKey, String planId, int i, LocalDate start, LocalDate end)
            throws IOException, InterruptedException {
        ObjectNode plan = BudgetSeed.planWithoutLines(planId, i, start);
        ObjectNode period = plan.putObject("period");
        period.put("start", start.toString());
        period.put("end", end.toString());
        ObjectNode line = plan.putArray("lines").addObject();
        line.put("code", "care");
        line.put("category", "Hoiva");
        line.put("allocated", "100000000.00");
        line.putArray("merchantCategoryCodes").add(MERCHANT_CATEGORY);
        line.putArray("channels").add("card");
        JsonNode budget = post("/api/v1/plans", apiKey, "application/json", plan.toString(), 201);
        return new Budget(budget.get("budgetId").asText(), budget.get("clientId").asText(),
                plan.get("client").get("identityCode").asText());
    }

    void card(String apiKey, String cardId, String budgetId) throws IOException, InterruptedException {
        ObjectNode card = JSON.createObjectNode();
        card.put("cardId", cardId);
        card.put("budgetId", budgetId);
        card.put("processor", "generic");
        post("/api/v1/cards", apiKey, "application/json", card.toString(), 201);
    }

    /** A rest-hook Subscription to the charges on a budget, created with the client's own token. */
    String subscribe(String token, String budgetId, String endpoint) throws IOException, InterruptedException {
        ObjectNode subscription = JSON.createObjectNode();
        subscription.put("resourceType", "Subscription");
        subscription.put("status", "requested");
        subscription.put("reason", "benchmark");
        subscription.put("criteria", "ChargeItem?account=" + budgetId);
        ObjectNode channel = subscription.putObject("channel");
        channel.put("type", "rest-hook");
        channel.put("endpoint", endpoint);
        channel.put("payload", "application/fhir+json");
        return post("/fhir/Subscription", token, "application/fhir+json", subscription.toString(), 201)
                .get("id").asText();
    }

    /** Turns a subscription off, as a portal does when its user leaves: nothing more is owed to it. */
    void unsubscribe(String token, String subscriptionId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/fhir/Subscription/" + subscriptionId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).DELETE().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("DELETE Subscription answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private JsonNode post(String path, String bearer, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
