package fi.avain.benchmarks.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Budgets for the card load through the product's own API: one care plan per client whose only line
 * allows MCC 8099 on the card channel with an allocation no run can spend and no per-purchase or
 * per-day limit, so every decision goes the whole way to a hold; and one generic card on each.
 */
public final class BudgetSeed {
    static final String MERCHANT_CATEGORY = "8099";
    private static final String ALLOCATED = "100000000.00";
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BudgetSeed() {
    }

    /** Creates {@code budgets} budgets with a card each; answers the card ids. */
    static List<String> seed(HttpClient http, URI base, String apiKey, int budgets, String nonce)
            throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < budgets; i++) {
            JsonNode budget = post(http, base.resolve("/api/v1/plans"), apiKey, plan(nonce, i, today), 201);
            String cardId = "bc_" + nonce + "_" + i;
            ObjectNode card = JSON.createObjectNode();
            card.put("cardId", cardId);
            card.put("budgetId", budget.get("budgetId").asText());
            card.put("processor", "generic");
            post(http, base.resolve("/api/v1/cards"), apiKey, card.toString(), 201);
            cards.add(cardId);
        }
        return cards;
    }

    static String plan(String nonce, int i, LocalDate today) {
        ObjectNode plan = planWithoutLines("bench-" + nonce + "-" + i, i, today);
        ObjectNode line = plan.putArray("lines").addObject();
        line.put("code", "care");
        line.put("category", "Hoiva");
        line.put("allocated", ALLOCATED);
        line.putArray("merchantCategoryCodes").add(MERCHANT_CATEGORY);
        line.putArray("channels").add("card");
        return plan.toString();
    }

    /** A plan of its own client (a valid identity code made from {@code i}), a year long, without lines yet. */
    public static ObjectNode planWithoutLines(String planId, int i, LocalDate today) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("planId", planId);
        plan.put("tenant", "01");
        ObjectNode client = plan.putObject("client");
        client.put("identityCode", hetu(LocalDate.of(1950, 1, 1).plusDays(37L * i), 2 + i % 800));
        client.put("homeMunicipality", "205");
        plan.put("clientGroup", "disability");
        plan.put("cohort", "hb");
        ObjectNode period = plan.putObject("period");
        period.put("start", today.minusDays(30).toString());
        period.put("end", today.plusDays(365).toString());
        return plan;
    }

    /** A valid identity code of someone born in the 1900s: DDMMYY-NNNC. */
    public static String hetu(LocalDate born, int individual) {
        String date = String.format("%02d%02d%02d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100);
        String number = String.format("%03d", individual);
        long check = Long.parseLong(date + number) % 31;
        return date + "-" + number + CHECK_CHARS.charAt((int) check);
    }

    private static JsonNode post(HttpClient http, URI uri, String apiKey, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + uri.getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static void write(Path file, List<String> cards) throws IOException {
        Files.write(file, cards, StandardCharsets.UTF_8);
    }
}
