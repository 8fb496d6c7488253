package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans into budgets, cards on them, signed authorizations decided against the ledger, clearing files applied. */
class CardFlowIT extends AvainIntegrationTest {
    static final String PLAN = """
            {"planId": "%s", "tenant": "01", "client": {"identityCode": "010190-123M", "homeMunicipality": "205"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "2026-01-01", "end": "2026-12-31"},
             "lines": [
               {"code": "care", "category": "Hoiva", "allocated": "%s", "merchantCategoryCodes": ["8099"],
                "channels": ["card", "voucher"], "perTransactionLimit": "300.00"},
               {"code": "travel", "category": "Matkat", "allocated": "100.00", "merchantCategoryCodes": ["7011"],
                "channels": ["card"]}
             ]}""";

    String budgetId;
    String cardId;
    String stripeCardId;

    @BeforeEach
    void budgetWithACard() {
        HttpResponse<String> created = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("p-1", "500.00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        budgetId = json(created.body()).get("budgetId").asText();
        cardId = "card_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> card = postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"generic\"}");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
        stripeCardId = "ic_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> stripeCard = postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + stripeCardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"stripe\"}");
        assertThat(stripeCard.statusCode()).as(stripeCard.body()).isEqualTo(201);
    }

    @Test
    void aPlanBecomesABudgetAndARePlanANewVersion() {
        JsonNode budget = budget();
        assertThat(budget.get("version").asInt()).isEqualTo(1);
        assertThat(line(budget, "care").get("allocated").asText()).isEqualTo("500.00");
        assertThat(line(budget, "care").get("available").asText()).isEqualTo("500.00");
        assertThat(budget.toString()).doesNotContain("010190-123M");

        HttpResponse<String> replan = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("p-1", "800.00"));
        assertThat(replan.statusCode()).isEqualTo(200);
        assertThat(json(replan.body()).get("version").asInt()).isEqualTo(2);
        assertThat(line(budget(), "care").get("allocated").asText()).isEqualTo("800.00");
        assertThat(entries().get("total").asInt()).isEqualTo(3);
    }

    @Test
    void aRePlanBelowWhatIsHeldIsAConflictNamingTheLine() {
        assertThat(generic("a-1", "250.00", "8099").get("approved").asBoolean()).isTrue();
        HttpResponse<String> replan = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("p-1", "200.00"));
        assertThat(replan.statusCode()).isEqualTo(409);
        assertThat(replan.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json(replan.body());
        assertThat(problem.get("detail").asText()).contains("care by 50.00 EUR");
        assertThat(problem.get("lines").get(0).get("shortBy").asText()).isEqualTo("50.00");
        assertThat(budget().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anInvalidPlanIsRefusedNamingTheFieldAndKeptInTheErrorStore() {
        HttpResponse<String> bad = postJson("/api/v1/plans", INTEGRATOR_KEY,
                PLAN.formatted("p-2", "10.001"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("field").asText()).isEqualTo("lines[0].allocated");
        assertThat(bad.body()).doesNotContain("010190-123M");
        assertThat(jdbc.sql("select count(*) from message where flow = 'budget-plan' and status = 'ERROR'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSignedAuthorizationIsHeldAndARepeatGetsTheIdenticalAnswer() {
        HttpResponse<String> first = sendGeneric(authorization("a-1", "120.50", "8099"));
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode answer = json(first.body());
        assertThat(answer.get("approved").asBoolean()).isTrue();
        assertThat(answer.get("amount").asText()).isEqualTo("120.50");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("120.50");

        HttpResponse<String> again = sendGeneric(authorization("a-1", "120.50", "8099"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("120.50");
        assertThat(jdbc.sql("select status from message where flow = 'card-authorization' order by received_at")
                .query(String.class).list()).containsExactly("PROCESSED", "DUPLICATE");
    }

    @Test
    void anAuthorizationIdNamingAnotherCardOrMerchantCategoryIsAConflictAndHoldsNothing() throws Exception {
        String otherBudget = otherBudget();
        String otherCard = registerCard(otherBudget, "generic");
        String otherStripeCard = registerCard(otherBudget, "stripe");
        String first = generic("a-1", "300.00", "8099").toString();
        assertThat(first).contains("\"approved\":true");

        for (String reused : List.of(authorization("a-1", "300.00", "8099").replace(cardId, otherCard),
                authorization("a-1", "300.00", "7011"),
                authorization("a-1", "350.00", "8099").replace(cardId, otherCard))) {
            HttpResponse<String> refused = sendGeneric(reused);
            assertProblem(refused, 409);
            assertThat(json(refused.body()).get("authorizationId").asText()).isEqualTo("a-1");
            assertThat(json(refused.body()).get("detail").asText()).contains("authorization a-1 was asked for another");
        }
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("300.00");
        assertThat(line(budget(), "travel").get("held").asText()).isEqualTo("0.00");
        assertThat(json(get("/api/v1/budgets/" + otherBudget, INTEGRATOR_KEY).body()).get("held").asText())
                .isEqualTo("0.00");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from message where flow = 'card-authorization' and status = 'ERROR'")
                .query(Long.class).single() == 3);
        assertThat(jdbc.sql("select reason from message where flow = 'card-authorization' and status = 'ERROR'")
                .query(String.class).list()).allSatisfy(reason -> assertThat(reason).contains("was asked for another"));
        assertThat(jdbc.sql("select count(*) from message where status = 'DUPLICATE'").query(Long.class).single())
                .isZero();
        String refusedId = jdbc.sql("""
                        select cast(id as text) from message where flow = 'card-authorization' and status = 'ERROR'
                        order by received_at limit 1""").query(String.class).single();
        assertThat(json(post("/api/v1/messages/" + refusedId + "/replay", OPERATOR_KEY).body()).get("status").asText())
                .isEqualTo("ERROR");
        // the same request again is still a repeat
        assertThat(generic("a-1", "300.00", "8099").toString()).isEqualTo(first);

        assertThat(json(sendStripe(stripeEvent("iauth_c1", 4000, "8099", false), STRIPE_SECRET, Instant.now()).body())
                .get("approved").asBoolean()).isTrue();
        HttpResponse<String> stripe = sendStripe(stripeEvent("iauth_c1", 4000, "8099", false)
                .replace(stripeCardId, otherStripeCard), STRIPE_SECRET, Instant.now());
        assertProblem(stripe, 409);
        assertThat(json(stripe.body()).get("authorizationId").asText()).isEqualTo("iauth_c1");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("340.00");
        assertThat(json(get("/api/v1/budgets/" + otherBudget, INTEGRATOR_KEY).body()).get("held").asText())
                .isEqualTo("0.00");
    }

    /** The budget of a second plan: a card on it is of another budget than the test's cards. */
    String otherBudget() {
        HttpResponse<String> created = postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("p-2", "500.00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).get("budgetId").asText();
    }

    String registerCard(String budget, String processor) {
        String card = (processor.equals("stripe") ? "ic_" : "card_")
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> registered = postJson("/api/v1/cards", INTEGRATOR_KEY, "{\"cardId\":\"" + card
                + "\",\"budgetId\":\"" + budget + "\",\"processor\":\"" + processor + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return card;
    }

    @Test
    void declinesCarryTheirReasonAndTheRequestedAmount() {
        assertDeclined(generic("a-1", "10.00", "7995"), "merchant_category_not_allowed", "10.00");
        assertDeclined(generic("a-2", "300.01", "8099"), "limit_exceeded", "300.01");
        assertDeclined(generic("a-3", "100.01", "7011"), "insufficient_funds", "100.01");
        // over both the line and its per-transaction limit: the money is the reason
        assertDeclined(generic("a-6", "500.01", "8099"), "insufficient_funds", "500.01");
        JsonNode unknown = json(sendGeneric(authorization("a-4", "1.00", "8099").replace(cardId, "ic_nobody")).body());
        assertDeclined(unknown, "unknown_card", "1.00");
        // an incremental authorization declined: the total it asked for
        assertThat(generic("a-7", "250.00", "8099").get("approved").asBoolean()).isTrue();
        assertDeclined(generic("a-7", "300.01", "8099"), "limit_exceeded", "300.01");
        postJson("/api/v1/cards/" + cardId + "/status", INTEGRATOR_KEY, "{\"status\":\"blocked\"}");
        assertDeclined(generic("a-5", "1.25", "8099"), "card_inactive", "1.25");
        assertThat(budget().get("held").asText()).isEqualTo("250.00");
    }

    static void assertDeclined(JsonNode answer, String reason, String amount) {
        assertThat(answer.get("approved").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.get("reason").asText()).as(answer.toString()).isEqualTo(reason);
        assertThat(answer.get("amount").asText()).as(answer.toString()).isEqualTo(amount);
    }

    @Test
    void aCardAnswersOnlyToTheProcessorItWasRegisteredWith() throws Exception {
        JsonNode genericForStripeCard = json(sendGeneric(authorization("a-1", "10.00", "8099")
                .replace(cardId, stripeCardId)).body());
        assertThat(genericForStripeCard.get("approved").asBoolean()).isFalse();
        assertThat(genericForStripeCard.get("reason").asText()).isEqualTo("unknown_card");
        String stripeForGenericCard = stripeEvent("iauth_x1", 1000, "8099", false).replace(stripeCardId, cardId);
        HttpResponse<String> stripe = sendStripe(stripeForGenericCard, STRIPE_SECRET, Instant.now());
        assertThat(stripe.statusCode()).isEqualTo(200);
        assertThat(json(stripe.body()).get("approved").asBoolean()).isFalse();
        assertThat(budget().get("held").asText()).isEqualTo("0.00");

        assertThat(generic("a-2", "10.00", "8099").get("approved").asBoolean()).isTrue();
        assertThat(json(sendStripe(stripeEvent("iauth_x2", 1000, "8099", false), STRIPE_SECRET, Instant.now()).body())
                .get("approved").asBoolean()).isTrue();
        assertThat(budget().get("held").asText()).isEqualTo("20.00");
    }

    @Test
    void stripeEventsSignedWithStripesLibraryAreAnsweredAsStripeExpects() throws Exception {
        String event = stripeEvent("iauth_1", 4200, "8099", false);
        HttpResponse<String> response = sendStripe(event, STRIPE_SECRET, Instant.now());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Stripe-Version")).isPresent();
        assertThat(json(response.body()).get("approved").asBoolean()).isTrue();
        assertThat(json(response.body()).has("amount")).isFalse();
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("42.00");

        HttpResponse<String> partial = sendStripe(stripeEvent("iauth_2", 15000, "7011", true), STRIPE_SECRET,
                Instant.now());
        assertThat(json(partial.body()).get("approved").asBoolean()).isTrue();
        assertThat(json(partial.body()).get("amount").asLong()).isEqualTo(10000);

        HttpResponse<String> declined = sendStripe(stripeEvent("iauth_3", 100, "7995", false), STRIPE_SECRET,
                Instant.now());
        assertThat(json(declined.body()).get("approved").asBoolean()).isFalse();
        assertThat(json(declined.body()).path("metadata").path("avain_reason").asText())
                .isEqualTo("merchant_category_not_allowed");
    }

    @Test
    void stripeReversalsOfAnAuthorizationReleaseItsHoldOncePerEvent() throws Exception {
        assertThat(json(sendStripe(stripeEvent("iauth_r", 6000, "8099", false), STRIPE_SECRET, Instant.now()).body())
                .get("approved").asBoolean()).isTrue();
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("60.00");

        String partial = authorizationUpdated("evt_u1", "iauth_r", "pending", 4000, 6000L);
        HttpResponse<String> released = sendStripe(partial, STRIPE_SECRET, Instant.now());
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(json(released.body()).get("outcome").asText()).isEqualTo("released");
        assertThat(json(released.body()).get("released").asText()).isEqualTo("20.00");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("40.00");
        assertThat(json(sendStripe(partial, STRIPE_SECRET, Instant.now()).body()).get("outcome").asText())
                .isEqualTo("duplicate");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("40.00");

        HttpResponse<String> other = sendStripe(authorizationUpdated("evt_u2", "iauth_r", "pending", 4000, null),
                STRIPE_SECRET, Instant.now());
        assertThat(json(other.body()).get("ignored").asText()).isEqualTo("issuing_authorization.updated");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("40.00");

        sendStripe(authorizationUpdated("evt_u3", "iauth_r", "reversed", 0, 4000L), STRIPE_SECRET, Instant.now());
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("0.00");
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("0.00");
        assertThat(line(budget(), "care").get("available").asText()).isEqualTo("500.00");
    }

    String authorizationUpdated(String eventId, String authorizationId, String status, long amount, Long previous) {
        return """
                {"id":"%1$s","object":"event","api_version":"2025-10-29.clover","created":%2$d,
                 "type":"issuing_authorization.updated","livemode":false,
                 "data":{"object":{"id":"%3$s","object":"issuing.authorization","amount":%4$d,"currency":"eur",
                   "approved":true,"status":"%5$s","created":%2$d,"card":{"id":"%6$s","object":"issuing.card"},
                   "merchant_data":{"category":"medical_services","category_code":"8099","name":"Kauppa"}}%7$s}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), authorizationId, amount, status, stripeCardId,
                        previous == null ? "" : ",\"previous_attributes\":{\"amount\":" + previous + "}");
    }

    @Test
    void badSignaturesAndBadBodiesAre4xxProblemsAndChangeNothing() throws Exception {
        String body = authorization("a-1", "10.00", "8099");
        long now = Instant.now().getEpochSecond();
        assertProblem(send("/api/v1/card/authorizations", body, Map.of()), 401);
        assertProblem(send("/api/v1/card/authorizations", body, Map.of("Avain-Signature", "t=" + now + ",v1=00")), 401);
        assertProblem(send("/api/v1/card/authorizations", body, Map.of("Avain-Signature", "garbage")), 401);
        String old = signGeneric(body, now - 301);
        assertProblem(send("/api/v1/card/authorizations", body, Map.of("Avain-Signature", old)), 401);
        String signed = signGeneric(body, now);
        String other = authorization("a-1", "99.00", "8099");
        assertProblem(send("/api/v1/card/authorizations", other, Map.of("Avain-Signature", signed)), 401);
        assertProblem(sendStripe(stripeEvent("iauth_9", 100, "8099", false), "whsec_wrong", Instant.now()), 401);

        assertProblem(sendGeneric("{\"type\":\"authorization\","), 400);
        assertProblem(sendGeneric(authorization("a-2", "-5.00", "8099")), 400);
        assertProblem(sendGeneric(authorization("a-3", "0.00", "8099")), 400);
        assertProblem(sendGeneric(authorization("a-4", "1.005", "8099")), 400);
        assertProblem(sendGeneric(authorization("a-5", "5.00", "8099").replace("\"EUR\"", "\"SEK\"")), 400);
        assertProblem(sendStripe(stripeEvent("iauth_8", 100, "8099", false).replace("\"eur\"", "\"usd\""),
                STRIPE_SECRET, Instant.now()), 400);
        // signed, but not an event that can be read: refused and kept with its reason, not acknowledged
        long errorsBefore = jdbc.sql("select count(*) from message where status = 'ERROR'").query(Long.class).single();
        assertProblem(sendStripe("{\"id\":\"evt_broken\",\"object\":\"event\",", STRIPE_SECRET, Instant.now()), 400);
        assertProblem(sendStripe("{\"id\":\"evt_untyped\",\"object\":\"event\"}", STRIPE_SECRET, Instant.now()), 400);
        assertThat(jdbc.sql("select count(*) from message where status = 'ERROR'").query(Long.class).single())
                .isEqualTo(errorsBefore + 2);

        // Refused before any signature is checked: past the size limit sent without a length, or as gzip
        // that expands past it; a coding the server does not read.
        byte[] large = new byte[1024 * 1024 + 100 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        assertProblem(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/card/authorizations"))
                .header("Content-Type", "application/json").header("Avain-Signature", signed)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build()), 413);
        assertProblem(sendCoded(VoucherFlowIT.gzip(large), "gzip", signed), 413);
        HttpResponse<String> brotli = sendCoded(body.getBytes(StandardCharsets.UTF_8), "br", signed);
        assertProblem(brotli, 415);
        assertThat(brotli.headers().firstValue("Accept-Encoding")).hasValue("gzip");

        assertThat(budget().get("held").asText()).isEqualTo("0.00");
        assertThat(jdbc.sql("select count(*) from card_authorization").query(Long.class).single()).isZero();

        // gzip-coded, the body the signature was made over is the decoded one
        HttpResponse<String> gzipped = sendCoded(VoucherFlowIT.gzip(body.getBytes(StandardCharsets.UTF_8)), "gzip", signed);
        assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(200);
        assertThat(json(gzipped.body()).path("approved").asBoolean()).isTrue();
        assertThat(budget().get("held").asText()).isEqualTo("10.00");
    }

    HttpResponse<String> sendCoded(byte[] body, String contentEncoding, String signature) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/card/authorizations"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Content-Encoding", contentEncoding).header("Avain-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void aCardRegistrationWithWrongFieldsIsA4xxProblemAndRegistersNothing() {
        String other = "ic_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> processor = postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + other + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"visa\"}");
        assertProblem(processor, 400);
        assertThat(json(processor.body()).get("detail").asText()).contains("processor must be one of generic, stripe");
        assertProblem(postJson("/api/v1/cards", INTEGRATOR_KEY, "{\"budgetId\":\"" + budgetId + "\"}"), 400);
        assertProblem(postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + other + "\",\"budgetId\":\"not-a-uuid\"}"), 400);
        assertProblem(postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + other + "\",\"budgetId\":\"" + UUID.randomUUID() + "\"}"), 404);
        assertProblem(postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + other + "\",\"budgetId\":\"" + budgetId + "\",\"status\":\"stolen\"}"), 400);
        assertThat(get("/api/v1/cards/" + other, INTEGRATOR_KEY).statusCode()).isEqualTo(404);

        String otherBudget = json(postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("p-2", "100.00")).body())
                .get("budgetId").asText();
        assertProblem(postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + otherBudget + "\",\"processor\":\"stripe\"}"), 409);
        assertThat(json(get("/api/v1/cards/" + cardId, INTEGRATOR_KEY).body()).get("budgetId").asText())
                .isEqualTo(budgetId);
    }

    @Test
    void aLostOrClosedCardStaysSoAndACardKeepsItsProcessor() {
        String status = "/api/v1/cards/" + cardId + "/status";
        assertThat(postJson(status, INTEGRATOR_KEY, "{\"status\":\"blocked\"}").statusCode()).isEqualTo(200);
        assertThat(postJson(status, INTEGRATOR_KEY, "{\"status\":\"active\"}").statusCode()).isEqualTo(200);
        for (String last : List.of("lost", "closed")) {
            String card = registerCard(budgetId, "generic");
            String path = "/api/v1/cards/" + card + "/status";
            assertThat(postJson(path, INTEGRATOR_KEY, "{\"status\":\"" + last + "\"}").statusCode()).isEqualTo(200);
            assertThat(postJson(path, INTEGRATOR_KEY, "{\"status\":\"" + last + "\"}").statusCode()).isEqualTo(200);
            for (String next : List.of("active", "blocked")) {
                HttpResponse<String> refused = postJson(path, INTEGRATOR_KEY, "{\"status\":\"" + next + "\"}");
                assertProblem(refused, 409);
                assertThat(json(refused.body()).get("detail").asText()).contains("status is final");
            }
            assertThat(json(get("/api/v1/cards/" + card, INTEGRATOR_KEY).body()).get("status").asText())
                    .isEqualTo(last);
        }

        String same = "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"generic\"}";
        assertThat(postJson("/api/v1/cards", INTEGRATOR_KEY, same).statusCode()).isEqualTo(200);
        HttpResponse<String> otherProcessor = postJson("/api/v1/cards", INTEGRATOR_KEY, same.replace("generic", "stripe"));
        assertProblem(otherProcessor, 409);
        assertThat(json(otherProcessor.body()).get("detail").asText())
                .contains("already registered with processor generic, not stripe");
        assertThat(json(get("/api/v1/cards/" + cardId, INTEGRATOR_KEY).body()).get("processor").asText())
                .isEqualTo("generic");
    }

    @Test
    void aRowLockHeldPastTheDeadlineIsADeclineInsideTheDeadlineAndTheRequestIsKept() throws Exception {
        try (Connection lock = java.sql.DriverManager.getConnection(TestDatabase.urlFor(SCHEMA), TestDatabase.USER,
                TestDatabase.PASSWORD)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("select * from budget_line for update");
            }
            long started = System.nanoTime();
            HttpResponse<String> response = sendGeneric(authorization("a-1", "10.00", "8099"));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(ms).isLessThan(2000);
            assertDeclined(json(response.body()), "timeout", "10.00");
            lock.rollback();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from message where flow = 'card-authorization' and status = 'ERROR'")
                        .query(Long.class).single() == 1);
        assertThat(budget().get("held").asText()).isEqualTo("0.00");
        JsonNode repeat = json(sendGeneric(authorization("a-1", "10.00", "8099")).body());
        assertThat(repeat.get("reason").asText()).isEqualTo("timeout");
        String declined = jdbc.sql("""
                        select cast(id as text) from message where flow = 'card-authorization' and status = 'ERROR'""")
                .query(String.class).single();
        JsonNode replayed = json(post("/api/v1/messages/" + declined + "/replay", OPERATOR_KEY).body());
        assertThat(replayed.get("status").asText()).as(replayed.toString()).isEqualTo("DUPLICATE");
        assertThat(budget().get("held").asText()).isEqualTo("0.00");
    }

    @Test
    void aClearingFileTurnsHoldsIntoSpendsOnceAndReportsExceptions() throws Exception {
        assertThat(generic("a-1", "100.00", "8099").get("approved").asBoolean()).isTrue();
        assertThat(generic("a-2", "60.00", "8099").get("approved").asBoolean()).isTrue();
        assertThat(generic("a-3", "90.00", "7011").get("approved").asBoolean()).isTrue();
        Files.createDirectories(CLEARING_DIR);
        Path file = CLEARING_DIR.resolve("clearing-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, """
                record_id,type,authorization_id,card_id,amount,currency,merchant_category_code,merchant_name,occurred_at,settlement_date,count
                r-1,capture,a-1,%1$s,100.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                r-2,capture,a-2,%1$s,40.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                r-3,capture,a-3,%1$s,120.00,EUR,7011,Hotelli,2026-11-23T10:00:00Z,2026-11-23,
                r-4,capture,,%1$s,5.00,EUR,8099,Apteekki,2026-11-23T10:00:00Z,2026-11-23,
                r-5,refund,a-1,%1$s,10.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                r-6,capture,a-1,%1$s,not-money,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                s-1,settlement,,,255.00,EUR,,,2026-11-23T23:59:00Z,2026-11-23,5
                """.formatted(cardId));
        var summary = jobs.run("card-clearing", Map.of(), fi.avain.routes.jobs.JobProgress.NONE);
        assertThat(summary.counts()).containsEntry("captured", 1L).containsEntry("partially-captured", 1L)
                .containsEntry("over-captured", 1L).containsEntry("force-posted", 1L).containsEntry("refunded", 1L)
                .containsEntry("invalid", 1L).containsEntry("settlement-matched", 1L);
        assertThat(summary.status().exitCode()).isEqualTo(1);
        JsonNode care = line(budget(), "care");
        assertThat(care.get("held").asText()).isEqualTo("0.00");
        assertThat(care.get("spent").asText()).isEqualTo("135.00");
        JsonNode travel = line(budget(), "travel");
        assertThat(travel.get("spent").asText()).isEqualTo("100.00");
        assertThat(Files.exists(CLEARING_DIR.resolve("processed").resolve(file.getFileName()))).isTrue();

        JsonNode exceptions = json(get("/api/v1/reconciliation/exceptions", OPERATOR_KEY).body());
        assertThat(exceptions.get("items").get(0).get("kind").asText()).isEqualTo("over-capture");
        assertThat(exceptions.get("items").get(0).get("amount").asText()).isEqualTo("20.00");
        assertThat(get("/api/v1/reconciliation/exceptions", INTEGRATOR_KEY).statusCode()).isEqualTo(403);

        String invalid = jdbc.sql("select cast(id as text) from message where flow = 'card-clearing' and status = 'ERROR'")
                .query(String.class).single();
        JsonNode replayed = json(post("/api/v1/messages/" + invalid + "/replay", OPERATOR_KEY).body());
        assertThat(replayed.get("status").asText()).isEqualTo("ERROR");
        assertThat(replayed.get("reason").asText()).contains("amount");

        Files.move(CLEARING_DIR.resolve("processed").resolve(file.getFileName()), file);
        var again = jobs.run("card-clearing", Map.of(), fi.avain.routes.jobs.JobProgress.NONE);
        assertThat(again.counts()).containsEntry("duplicate", 6L);
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("135.00");
    }

    @Test
    void aGivenClearingFileIsReadByItsEndingInAnyCaseAndAnotherEndingIsRefused() throws Exception {
        assertThat(generic("a-1", "100.00", "8099").get("approved").asBoolean()).isTrue();
        Path dir = Files.createTempDirectory("clearing-given");
        String csv = """
                record_id,type,authorization_id,card_id,amount,currency,merchant_category_code,merchant_name,occurred_at,settlement_date,count
                r-1,capture,a-1,%1$s,100.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                """.formatted(cardId);
        Path text = Files.writeString(dir.resolve("clearing.txt"), csv);

        HttpResponse<String> refused = post("/api/v1/jobs/card-clearing?file="
                + URLEncoder.encode(text.toString(), StandardCharsets.UTF_8), OPERATOR_KEY);

        assertProblem(refused, 400);
        assertThat(json(refused.body()).get("detail").asText()).isEqualTo("--file must end in .csv, .jsonl or .ndjson");
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("0.00");
        assertThat(jdbc.sql("select count(*) from message where flow = 'card-clearing'").query(Long.class).single())
                .isZero();

        Path upper = Files.writeString(dir.resolve("CLEARING.CSV"), csv);
        HttpResponse<String> applied = post("/api/v1/jobs/card-clearing?file="
                + URLEncoder.encode(upper.toString(), StandardCharsets.UTF_8), OPERATOR_KEY);

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied.body()).get("captured").asLong()).isEqualTo(1);
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("100.00");
        String stored = jdbc.sql("select cast(id as text) from message where flow = 'card-clearing'")
                .query(String.class).single();
        // Stored as CSV with its header, so that a replay can read the line again.
        JsonNode view = json(get("/api/v1/messages/" + stored, OPERATOR_KEY).body());
        assertThat(view.get("contentType").asText()).isEqualTo("text/csv");
        assertThat(view.get("body").asText()).startsWith("record_id,type,authorization_id");
    }

    @Test
    void anIncrementalAuthorizationHoldsMoreAndAReversalReleases() {
        assertThat(generic("a-1", "50.00", "8099").get("approved").asBoolean()).isTrue();
        JsonNode more = generic("a-1", "80.00", "8099");
        assertThat(more.get("approved").asBoolean()).isTrue();
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("80.00");
        assertProblem(sendGeneric(authorization("a-1", "70.00", "8099")), 409);

        String reversal = """
                {"type":"reversal","authorizationId":"a-1","cardId":"%s","amount":"30.00","currency":"EUR",
                 "createdAt":"%s"}""".formatted(cardId, Instant.now());
        HttpResponse<String> partly = sendGeneric(reversal);
        assertThat(partly.statusCode()).as(partly.body()).isEqualTo(200);
        assertThat(json(partly.body()).get("released").asText()).isEqualTo("30.00");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("50.00");
        assertThat(sendGeneric(reversal).body()).contains("\"outcome\":\"duplicate\"");
        // Two reversals of the same amount are told apart by their own ids; each applies once.
        for (String id : List.of("rev-1", "rev-2")) {
            String identified = """
                    {"type":"reversal","reversalId":"%s","authorizationId":"a-1","cardId":"%s","amount":"10.00",
                     "currency":"EUR","createdAt":"%s"}""".formatted(id, cardId, Instant.now());
            assertThat(json(sendGeneric(identified).body()).get("released").asText()).isEqualTo("10.00");
            assertThat(sendGeneric(identified).body()).contains("\"outcome\":\"duplicate\"");
        }
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("30.00");
        // An id of digits is not taken for the key of the 30.00 reversal above, which had none.
        String digits = """
                {"type":"reversal","reversalId":"3000","authorizationId":"a-1","cardId":"%s","amount":"5.00",
                 "currency":"EUR","createdAt":"%s"}""".formatted(cardId, Instant.now());
        assertThat(json(sendGeneric(digits).body()).get("released").asText()).isEqualTo("5.00");
        String rest = """
                {"type":"reversal","authorizationId":"a-1","cardId":"%s","createdAt":"%s"}"""
                .formatted(cardId, Instant.now());
        assertThat(json(sendGeneric(rest).body()).get("released").asText()).isEqualTo("25.00");
        assertThat(line(budget(), "care").get("available").asText()).isEqualTo("500.00");
    }

    @Test
    void aReversalOrAClearingRecordNamingAnotherCardLeavesTheHoldAlone() throws Exception {
        String otherBudget = otherBudget();
        String otherCard = registerCard(otherBudget, "generic");
        String otherStripeCard = registerCard(otherBudget, "stripe");
        assertThat(generic("a-1", "300.00", "8099").get("approved").asBoolean()).isTrue();
        for (String card : List.of("no-such-card", otherCard)) {
            HttpResponse<String> refused = sendGeneric("""
                    {"type":"reversal","authorizationId":"a-1","cardId":"%s","amount":"50.00","currency":"EUR",
                     "createdAt":"%s"}""".formatted(card, Instant.now()));
            assertProblem(refused, 409);
            assertThat(json(refused.body()).get("detail").asText()).contains("must name the card its hold is on");
        }
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("300.00");
        assertThat(jdbc.sql("select count(*) from message where flow = 'card-authorization' and status = 'ERROR'")
                .query(Long.class).single()).isEqualTo(2);

        assertThat(json(sendStripe(stripeEvent("iauth_r", 6000, "8099", false), STRIPE_SECRET, Instant.now()).body())
                .get("approved").asBoolean()).isTrue();
        // Refused all the same, but acknowledged: Stripe would otherwise send the event again for days.
        HttpResponse<String> stripe = sendStripe(authorizationUpdated("evt_u1", "iauth_r", "reversed", 0, 6000L)
                .replace(stripeCardId, otherStripeCard), STRIPE_SECRET, Instant.now());
        assertThat(stripe.statusCode()).as(stripe.body()).isEqualTo(200);
        assertThat(json(stripe.body()).get("outcome").asText()).isEqualTo("failed");
        assertThat(json(stripe.body()).get("error").asText()).contains("must name the card its hold is on");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("360.00");
        assertThat(jdbc.sql("select count(*) from message where flow = 'card-authorization' and status = 'ERROR'")
                .query(Long.class).single()).isEqualTo(3);

        // A clearing file's record is not refused but left for a person; a card of the hold's own budget books.
        Files.createDirectories(CLEARING_DIR);
        Path file = CLEARING_DIR.resolve("clearing-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, """
                record_id,type,authorization_id,card_id,amount,currency,merchant_category_code,merchant_name,occurred_at,settlement_date,count
                r-1,capture,a-1,%1$s,300.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                r-2,capture,iauth_r,%2$s,60.00,EUR,8099,Hoivakoti,2026-11-23T10:00:00Z,2026-11-23,
                """.formatted(otherCard, cardId));
        var summary = jobs.run("card-clearing", Map.of(), fi.avain.routes.jobs.JobProgress.NONE);
        assertThat(summary.counts()).containsEntry("exception", 1L).containsEntry("captured", 1L);
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("300.00");
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("60.00");
        JsonNode other = json(get("/api/v1/budgets/" + otherBudget, INTEGRATOR_KEY).body());
        assertThat(other.get("held").asText()).isEqualTo("0.00");
        assertThat(other.get("spent").asText()).isEqualTo("0.00");
        JsonNode exceptions = json(get("/api/v1/reconciliation/exceptions?kind=card-mismatch", OPERATOR_KEY).body());
        assertThat(exceptions.get("items")).hasSize(1);
        assertThat(exceptions.get("items").get(0).get("amount").asText()).isEqualTo("300.00");
    }

    @Test
    void stripeTransactionEventsCaptureAndRefundInRealTime() throws Exception {
        assertThat(json(sendStripe(stripeEvent("iauth_t1", 6000, "8099", false), STRIPE_SECRET, Instant.now()).body())
                .get("approved").asBoolean()).isTrue();
        String capture = transaction("ipi_c1", "iauth_t1", -6000, "capture");
        HttpResponse<String> captured = sendStripe(capture, STRIPE_SECRET, Instant.now());
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
        assertThat(json(captured.body()).get("outcome").asText()).isEqualTo("captured");
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("60.00");
        assertThat(line(budget(), "care").get("held").asText()).isEqualTo("0.00");
        assertThat(json(sendStripe(capture, STRIPE_SECRET, Instant.now()).body()).get("outcome").asText())
                .isEqualTo("duplicate");
        sendStripe(transaction("ipi_r1", "iauth_t1", 1500, "refund"), STRIPE_SECRET, Instant.now());
        assertThat(line(budget(), "care").get("spent").asText()).isEqualTo("45.00");

        String other = "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"issuing_card.updated\",\"data\":{\"object\":{}}}";
        HttpResponse<String> ignored = sendStripe(other, STRIPE_SECRET, Instant.now());
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(json(ignored.body()).get("ignored").asText()).isEqualTo("issuing_card.updated");
    }

    String transaction(String id, String authorizationId, long amount, String type) {
        return """
                {"id":"evt_%1$s","object":"event","api_version":"2025-10-29.clover","created":%2$d,
                 "type":"issuing_transaction.created",
                 "data":{"object":{"id":"%1$s","object":"issuing.transaction","amount":%3$d,"currency":"eur",
                   "authorization":"%4$s","card":"%5$s","created":%2$d,"type":"%6$s",
                   "merchant_data":{"category":"medical_services","category_code":"8099","name":"Kauppa"}}}}"""
                .formatted(id, Instant.now().getEpochSecond(), amount, authorizationId, stripeCardId, type);
    }

    @Test
    void anOperatorCorrectsALineOnceAndBadCorrectionsChangeNothing() {
        String path = "/api/v1/budgets/" + budgetId + "/corrections";
        String body = "{\"correctionId\":\"fix-1\",\"line\":\"care\",\"kind\":\"allocation\","
                + "\"amount\":\"25.00\",\"reason\":\"plan typo\"}";
        assertThat(postJson(path, INTEGRATOR_KEY, body).statusCode()).isEqualTo(403);
        assertThat(postJson(path, OPERATOR_KEY, body).statusCode()).isEqualTo(201);
        assertThat(postJson(path, OPERATOR_KEY, body).statusCode()).isEqualTo(200);
        assertThat(line(budget(), "care").get("allocated").asText()).isEqualTo("525.00");
        // the same key for another correction is refused, naming the key, and kept in the error store
        HttpResponse<String> reused = postJson(path, OPERATOR_KEY, body.replace("25.00", "-500.00"));
        assertProblem(reused, 409);
        assertThat(json(reused.body()).get("correctionId").asText()).isEqualTo("fix-1");
        assertThat(json(reused.body()).get("detail").asText()).contains("correctionId fix-1 was booked for another");
        assertThat(jdbc.sql("select status from message where flow = 'budget-correction' order by received_at")
                .query(String.class).list()).containsExactly("PROCESSED", "DUPLICATE", "ERROR");
        assertProblem(postJson(path, OPERATOR_KEY, body.replace("fix-1", "fix-2").replace("25.00", "-900.00")), 409);
        assertProblem(postJson(path, OPERATOR_KEY, body.replace("fix-1", "fix-3").replace("25.00", "1.001")), 400);
        assertProblem(postJson(path, OPERATOR_KEY, body.replace("fix-1", "fix-4").replace("care", "nope")), 404);
        assertThat(line(budget(), "care").get("allocated").asText()).isEqualTo("525.00");
    }

    // --- helpers

    JsonNode budget() {
        HttpResponse<String> response = get("/api/v1/budgets/" + budgetId, INTEGRATOR_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    JsonNode entries() {
        return json(get("/api/v1/budgets/" + budgetId + "/entries", OPERATOR_KEY).body());
    }

    static JsonNode line(JsonNode budget, String code) {
        for (JsonNode line : budget.get("lines")) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no line " + code);
    }

    String authorization(String id, String amount, String mcc) {
        return """
                {"type":"authorization","authorizationId":"%s","cardId":"%s","amount":"%s","currency":"EUR",
                 "merchant":{"categoryCode":"%s","name":"Kauppa","id":"m-1"},"amountControllable":false,
                 "createdAt":"%s"}""".formatted(id, cardId, amount, mcc, Instant.now());
    }

    JsonNode generic(String id, String amount, String mcc) {
        HttpResponse<String> response = sendGeneric(authorization(id, amount, mcc));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> sendGeneric(String body) {
        return send("/api/v1/card/authorizations", body,
                Map.of("Avain-Signature", signGeneric(body, Instant.now().getEpochSecond())));
    }

    static String signGeneric(String body, long t) {
        try {
            return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(CARD_SECRET, t + "." + body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String stripeEvent(String authorizationId, long cents, String mcc, boolean controllable) {
        return """
                {"id":"evt_%1$s","object":"event","api_version":"2025-10-29.clover","created":%2$d,
                 "type":"issuing_authorization.request","livemode":false,
                 "data":{"object":{"id":"%1$s","object":"issuing.authorization","amount":0,"currency":"eur",
                   "approved":false,"status":"pending","created":%2$d,
                   "card":{"id":"%3$s","object":"issuing.card"},
                   "merchant_data":{"category":"medical_services","category_code":"%4$s","name":"Kauppa",
                     "network_id":"1234"},
                   "pending_request":{"amount":%5$d,"currency":"eur","is_amount_controllable":%6$s,
                     "merchant_amount":%5$d,"merchant_currency":"eur"}}}}"""
                .formatted(authorizationId, Instant.now().getEpochSecond(), stripeCardId, mcc, cents, controllable);
    }

    HttpResponse<String> sendStripe(String event, String secret, Instant at) throws Exception {
        long t = at.getEpochSecond();
        String signature = "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + event);
        return send("/api/v1/card/stripe", event, Map.of("Stripe-Signature", signature));
    }

    HttpResponse<String> send(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String key, String body) {
        return send(path, body, Map.of("Authorization", "Bearer " + key));
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
