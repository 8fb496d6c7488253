package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The citizen portal end to end: tokens from the portal's issuer, FHIR reads and searches over the ledger,
 * who sees what, declarations decided by the client, audit, and a rest-hook subscriber told of a card spend.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortalIT extends AvainIntegrationTest {
    static final String CLIENT = "010190-123M";
    static final String OTHER_CLIENT = "150582A987P";
    static final String REPRESENTATIVE = "131052-308T";
    static final String PLAN = """
            {"planId": "%s", "tenant": "01", "client": {"identityCode": "%s", "homeMunicipality": "091"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%s", "end": "%s"},
             "lines": [
               {"code": "care", "category": "Hoiva", "allocated": "500.00", "merchantCategoryCodes": ["8099"],
                "channels": ["card", "declaration"],
                "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1"]},
               {"code": "leisure", "category": "Vapaa-aika", "allocated": "100.00", "merchantCategoryCodes": ["7997"],
                "channels": ["card"]}
             ]}""";

    final CardApi cards = new CardApi(4);
    String budgetId;
    String clientId;
    String otherClientId;
    String cardId;
    HttpServer subscriber;
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void twoClientsAndARepresentative() {
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        JsonNode plan = created(postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("portal-1", CLIENT,
                today.minusDays(30), today.plusDays(300))));
        budgetId = plan.get("budgetId").asText();
        clientId = plan.get("clientId").asText();
        otherClientId = created(postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("portal-2", OTHER_CLIENT,
                today.minusDays(30), today.plusDays(300)))).get("clientId").asText();
        cardId = "ic_portal_" + System.nanoTime();
        HttpResponse<String> card = postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"generic\"}");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
        HttpResponse<String> grant = postJson("/api/v1/clients/" + clientId + "/representatives", INTEGRATOR_KEY, """
                {"identityCode": "%s", "name": "Maija Meikäläinen", "relationship": "POWATT",
                 "grants": ["budget", "spends"]}""".formatted(REPRESENTATIVE));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        assertThat(grant.body()).doesNotContain(REPRESENTATIVE);
    }

    @AfterEach
    void stopSubscriber() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
    }

    @Test
    void theClientSeesTheBudgetAndItsSpends() {
        spend("portal-auth-1", "42.50");
        String token = PortalTokens.token(CLIENT, "01");

        JsonNode accounts = fhirOk("/fhir/Account?patient=" + clientId, token);
        assertThat(accounts.get("resourceType").asText()).isEqualTo("Bundle");
        List<String> ids = resourceIds(accounts);
        assertThat(ids).hasSize(3).contains("Account/" + budgetId);

        JsonNode charges = fhirOk("/fhir/ChargeItem?account=" + budgetId, token);
        assertThat(charges.get("total").asInt()).isEqualTo(1);
        JsonNode charge = charges.get("entry").get(0).get("resource");
        assertThat(charge.get("resourceType").asText()).isEqualTo("ChargeItem");
        assertThat(charge.toString()).contains("42.5");

        JsonNode patient = fhirOk("/fhir/Patient/" + clientId, token);
        assertThat(patient.toString()).contains("urn:oid:1.2.246.21").contains(CLIENT);
        assertThat(fhirOk("/fhir/CarePlan?patient=" + clientId, token).get("total").asInt()).isEqualTo(1);

        HttpResponse<String> xml = send(HttpRequest.newBuilder(uri("/fhir/Account/" + budgetId))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+xml").GET().build());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).startsWith("<Account");

        JsonNode audit = json(get("/api/v1/audit?patient=" + clientId, OPERATOR_KEY).body());
        assertThat(audit.toString()).contains("ChargeItem/").doesNotContain(CLIENT);
        JsonNode events = fhirOk("/fhir/AuditEvent?patient=" + clientId, OPERATOR_KEY);
        assertThat(events.get("total").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRepresentativeSeesWhatWasGrantedAndNothingElse() {
        spend("portal-auth-2", "10.00");
        String token = PortalTokens.token(REPRESENTATIVE, "01");
        assertThat(resourceIds(fhirOk("/fhir/Account?patient=" + clientId, token))).contains("Account/" + budgetId);
        assertThat(fhirOk("/fhir/ChargeItem?account=" + budgetId, token).get("total").asInt()).isEqualTo(1);
        assertThat(resourceIds(fhirOk("/fhir/Patient", token))).containsExactly("Patient/" + clientId);

        assertNotFound(fhir("/fhir/Account?patient=" + otherClientId, token));
        assertNotFound(fhir("/fhir/Patient/" + otherClientId, token));

        String declaration = declare("70.00");
        String chargeId = chargeOfDeclaration(PortalTokens.token(CLIENT, "01"), declaration);
        assertNotFound(fhirPost("/fhir/ChargeItem/" + chargeId + "/$approve", token));
        assertThat(json(get("/api/v1/declarations/" + declaration, INTEGRATOR_KEY).body()).get("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void theClientApprovesAndRejectsDeclarations() {
        String token = PortalTokens.token(CLIENT, "01");
        String first = chargeOfDeclaration(token, declare("70.00"));
        HttpResponse<String> approved = fhirPost("/fhir/ChargeItem/" + first + "/$approve", token);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved.body()).get("status").asText()).isEqualTo("billed");
        HttpResponse<String> again = fhirPost("/fhir/ChargeItem/" + first + "/$approve", token);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");

        String second = chargeOfDeclaration(token, declare("20.00"));
        HttpResponse<String> rejected = fhirPost("/fhir/ChargeItem/" + second + "/$reject", token);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected.body()).get("status").asText()).isEqualTo("aborted");
    }

    @Test
    void anotherTenantsTokenFindsNothing() {
        String token = PortalTokens.token(CLIENT, "02");
        assertNotFound(fhir("/fhir/Account?patient=" + clientId, token));
        assertNotFound(fhir("/fhir/Account/" + budgetId, token));
        assertNotFound(fhir("/fhir/ChargeItem?account=" + budgetId, token));
        assertNotFound(fhir("/fhir/Patient/" + clientId, token));
        assertThat(fhirOk("/fhir/Patient", token).path("total").asInt()).isZero();
    }

    @Test
    void badTokensAreRefusedWithAnOperationOutcome() {
        for (String token : List.of(PortalTokens.token(CLIENT, "01", Duration.ofSeconds(-120), PortalTokens.KEYS),
                PortalTokens.token(CLIENT, "01", Duration.ofMinutes(5), PortalTokens.FORGER), "not-a-token")) {
            HttpResponse<String> refused = fhir("/fhir/Account?patient=" + clientId, token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(refused.body()).doesNotContain(token).doesNotContain(CLIENT);
        }
        assertThat(fhir("/fhir/metadata", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchParameterHapiCannotReadIsA400OperationOutcomeWithTheIdentityCodeMasked() {
        for (String date : List.of("xx", CLIENT)) {
            HttpResponse<String> refused = fhir("/fhir/AuditEvent?patient=" + clientId + "&date=" + date, OPERATOR_KEY);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(refused.body()).doesNotContain(CLIENT);
        }
    }

    @Test
    void aUrlRefusedBeforeTheFhirServerSeesItIsAnOperationOutcome() {
        String token = PortalTokens.token(CLIENT, "01");
        for (String path : List.of("/fhir/Patient/%00", "/fhir/Patient/a%2Fb", "/fhir/Patient/a%3Bb")) {
            HttpResponse<String> refused = fhir(path, token);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
            assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(json(refused.body()).at("/issue/0/code").asText()).isEqualTo("invalid");
        }
    }

    @Test
    void aSubscriberHearsOfACardSpendWithinASecond() throws Exception {
        subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.start();
        String token = PortalTokens.token(CLIENT, "01");
        HttpResponse<String> created = fhirPostJson("/fhir/Subscription", token, """
                {"resourceType": "Subscription", "status": "requested", "reason": "portal",
                 "criteria": "ChargeItem?account=%s",
                 "channel": {"type": "rest-hook", "endpoint": "http://127.0.0.1:%d/hook",
                             "payload": "application/fhir+json", "header": ["Authorization: Bearer portal-secret"]}}"""
                .formatted(budgetId, subscriber.getAddress().getPort()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("portal-secret");

        long start = System.nanoTime();
        spend("portal-auth-3", "12.00");
        String notification = received.poll(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(notification).as("no notification in 5 s").isNotNull();
        assertThat(json(notification).get("resourceType").asText()).isEqualTo("ChargeItem");
        assertThat(notification).contains("12");
        assertThat(millis).as("from the authorization to the subscriber").isLessThan(1000);
    }

    @Test
    void carePlansFromCaseManagementGoThroughThePlanIntake() {
        String body = """
                {"resourceType": "CarePlan", "status": "active", "intent": "plan"}""";
        HttpResponse<String> refused = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
        // gzip-coded, the same resource reaches the same rule
        HttpResponse<String> gzipped = send(HttpRequest.newBuilder(uri("/fhir/CarePlan")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + INTEGRATOR_KEY).header("Content-Type", "application/fhir+json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body))).build());
        assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(422);
        assertThat(gzipped.body()).isEqualTo(refused.body());
        // HAPI decodes gzip whole: a small body that would expand past the size limit never reaches it
        HttpResponse<String> expanding = send(HttpRequest.newBuilder(uri("/fhir/CarePlan")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + INTEGRATOR_KEY).header("Content-Type", "application/fhir+json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(" ".repeat(2 * 1024 * 1024) + body))).build());
        assertThat(expanding.statusCode()).as(expanding.body()).isEqualTo(413);
        assertThat(json(expanding.body()).at("/issue/0/code").asText()).isEqualTo("too-long");
        assertThat(fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, "{\"resourceType\": \"CarePlan\", ").statusCode())
                .isEqualTo(400);
        assertThat(fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, "{\"resourceType\": \"Patient\"}").statusCode())
                .isEqualTo(400);
        assertThat(fhirPostJson("/fhir/CarePlan", PortalTokens.token(CLIENT, "01"), body).statusCode())
                .isEqualTo(403);
        HttpResponse<String> unparsable = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, """
                {"resourceType": "CarePlan", "status": "active", "intent": "plan",
                 "contained": [{"resourceType": "Patient", "id": "client", "birthDate": "%s"}]}""".formatted(CLIENT));
        assertThat(unparsable.statusCode()).isEqualTo(400);
        assertThat(unparsable.body()).doesNotContain(CLIENT).contains("OperationOutcome");
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPagingLinkIsServedOnlyToTheCallerWhoSearchedAndEveryPageIsAudited(CapturedOutput log) {
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        created(postJson("/api/v1/plans", INTEGRATOR_KEY, PLAN.formatted("portal-1b", CLIENT, today.minusDays(30),
                today.plusDays(300))));
        spend("portal-page-1", "1.00");
        spend("portal-page-2", "2.00");
        spend("portal-page-3", "3.00");
        String token = PortalTokens.token(CLIENT, "01");
        // the same person's token in another county, another client, a representative the client trusts, an operator
        List<String> others = List.of(PortalTokens.token(CLIENT, "02"), PortalTokens.token(OTHER_CLIENT, "01"),
                PortalTokens.token(REPRESENTATIVE, "01"), OPERATOR_KEY);
        for (String search : List.of("/fhir/Account?patient=" + clientId, "/fhir/CarePlan?patient=" + clientId,
                "/fhir/ChargeItem?account=" + budgetId)) {
            JsonNode first = fhirOk(search + "&_count=1", token);
            assertThat(first.get("entry")).as(search).hasSize(1);
            String page = next(first);
            assertThat(page).as(search).isNotNull().doesNotContain(clientId).doesNotContain(budgetId);
            long audited = searchesAudited();
            for (String other : others) {
                HttpResponse<String> refused = fhir(page, other);
                assertNotFound(refused);
                assertThat(refused.body()).doesNotContain("\"entry\"");
            }
            assertThat(searchesAudited()).isEqualTo(audited);

            List<String> second = resourceIds(fhirOk(page, token));
            assertThat(second).as(search).hasSize(1).doesNotContainAnyElementsOf(resourceIds(first));
            assertThat(searchesAudited()).isEqualTo(audited + 1);
            assertThat(jdbc.sql("select resources from audit_event where action = 'search' and resources = ?")
                    .param(second.get(0)).query(String.class).list()).as("page 2 of " + search + " audited").hasSize(1);
        }
        HttpResponse<String> unknown = fhir("/fhir?_getpages=" + CLIENT, token);
        assertNotFound(unknown);
        assertThat(unknown.body()).doesNotContain(CLIENT);
        assertThat(log.getAll()).doesNotContain(CLIENT);
    }

    @Test
    void aPageSizeOrFormatThatCannotBeServedIsRefused() {
        String token = PortalTokens.token(CLIENT, "01");
        String search = "/fhir/Account?patient=" + clientId;
        for (String count : List.of("-1", "0", "abc", "1.5", "")) {
            HttpResponse<String> refused = fhir(search + "&_count=" + count, token);
            assertThat(refused.statusCode()).as(count).isEqualTo(400);
            assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
        }
        // too large is the largest page, not (as HAPI reads a number past an int) the default one
        assertThat(fhirOk(search + "&_count=99999999999", token).get("entry")).hasSize(3);

        JsonNode first = fhirOk(search + "&_count=1", token);
        String next = next(first);
        assertThat(fhir(next.replace("_getpagesoffset=1", "_getpagesoffset=-1"), token).statusCode()).isEqualTo(400);
        List<String> read = new ArrayList<>(resourceIds(first));
        for (int pages = 1; next != null; pages++) {
            assertThat(pages).as("the next links end").isLessThan(10);
            JsonNode page = fhirOk(next, token);
            read.addAll(resourceIds(page));
            next = next(page);
        }
        assertThat(read).hasSize(3).doesNotHaveDuplicates();

        HttpResponse<String> bogus = fhir(search + "&_format=bogus", token);
        assertThat(bogus.statusCode()).as(bogus.body()).isEqualTo(406);
        assertThat(json(bogus.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
        HttpResponse<String> xml = fhir(search + "&_format=application/fhir%2Bxml", token);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).startsWith("<Bundle");
    }

    @Test
    void unknownSearchParametersAreRefusedUnlessTheCallerPrefersLenientHandling() {
        String token = PortalTokens.token(CLIENT, "01");
        String search = "/fhir/Account?patient=" + clientId;
        for (String prefer : new String[] {null, "handling=strict"}) {
            HttpResponse<String> refused = fhir(search + "&stauts=active&_sort=date", token, prefer);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("stauts").contains("_sort");
        }
        JsonNode lenient = json(fhir(search + "&stauts=active&_sort=date", token, "return=representation, "
                + "handling=lenient").body());
        assertThat(resourceIds(lenient)).isEqualTo(resourceIds(fhirOk(search, token)));
        // the self link says which parameters the search used
        assertThat(link(lenient, "self")).contains("patient=" + clientId).doesNotContain("stauts")
                .doesNotContain("_sort");
        HttpResponse<String> missing = fhir("/fhir/Account?stauts=active", token, "handling=lenient");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    }

    @Test
    void revokingARepresentativeEndsTheirSubscriptions() {
        String token = PortalTokens.token(REPRESENTATIVE, "01");
        HttpResponse<String> created = fhirPostJson("/fhir/Subscription", token, """
                {"resourceType": "Subscription", "status": "requested", "reason": "following the budget",
                 "criteria": "ChargeItem?account=%s",
                 "channel": {"type": "rest-hook", "endpoint": "http://127.0.0.1:9/hook",
                             "payload": "application/fhir+json"}}""".formatted(budgetId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String representative = json(get("/api/v1/clients/" + clientId + "/representatives", INTEGRATOR_KEY).body())
                .get("items").get(0).get("id").asText();
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/clients/" + clientId
                        + "/representatives/" + representative)).header("Authorization", "Bearer " + INTEGRATOR_KEY)
                .DELETE().build());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json(revoked.body()).get("active").asBoolean()).isFalse();
        assertThat(jdbc.sql("select status from fhir_subscription").query(String.class).list()).containsExactly("off");
        assertNotFound(fhir("/fhir/Account?patient=" + clientId, token));
    }

    @Test
    void aFhirCarePlanCreatesAndReplansABudget() throws Exception {
        String plan;
        try (var in = getClass().getResourceAsStream("/golden/fhir/careplan-in.json")) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> created = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, plan);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/fhir/CarePlan/");
        JsonNode carePlan = json(created.body());
        assertThat(carePlan.get("resourceType").asText()).isEqualTo("CarePlan");
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from message where flow = 'budget-plan' and status = 'PROCESSED'")
                .query(Long.class).single()).isEqualTo(3);

        HttpResponse<String> again = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, plan);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(3);

        String badCode = plan.replace("010190-123M", "010190-123X");
        assertThat(badCode).isNotEqualTo(plan);
        HttpResponse<String> invalid = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, badCode);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.body()).contains("OperationOutcome").doesNotContain("010190-123X");
        HttpResponse<String> xml = send(HttpRequest.newBuilder(uri("/fhir/CarePlan"))
                .header("Authorization", "Bearer " + INTEGRATOR_KEY).header("Content-Type", "application/fhir+xml")
                .POST(HttpRequest.BodyPublishers.ofString("<CarePlan xmlns=\"http://hl7.org/fhir\"><status value=")).build());
        assertThat(xml.statusCode()).as(xml.body()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from message where flow = 'budget-plan' and status = 'ERROR'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aCarePlanWithAnElementR4DoesNotKnowIsRefusedNamingItAndNothingIsStored() throws Exception {
        String plan;
        try (var in = getClass().getResourceAsStream("/golden/fhir/careplan-in.json")) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> misspelt = Map.of(
                "foo", plan.replaceFirst("\\{", "{\"foo\": 1,"),
                "stauts", plan.replace("\"status\": \"active\",\n  \"intent\"", "\"stauts\": \"active\",\n  \"intent\""),
                "bogus", plan.replace("\"name\": \"Harrastukset ja vapaa-aika\",",
                        "\"name\": \"Harrastukset ja vapaa-aika\", \"bogus\": true,"));
        for (Map.Entry<String, String> element : misspelt.entrySet()) {
            assertThat(element.getValue()).isNotEqualTo(plan);
            HttpResponse<String> refused = fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY, element.getValue());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(json(refused.body()).at("/issue/0/diagnostics").asText()).contains("'" + element.getKey() + "'");
            assertThat(refused.body()).doesNotContain(CLIENT);
        }
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void everyRefusalCarriesTheIssueCodeOfItsStatus() throws Exception {
        String token = PortalTokens.token(CLIENT, "01");
        assertOutcome(fhir("/fhir/Account/" + java.util.UUID.randomUUID(), token), 404, "not-found");
        assertOutcome(fhir("/fhir/Account?patient=" + otherClientId, token), 404, "not-found");
        assertOutcome(fhir("/fhir/Account?patient=" + clientId + "&_count=-1", token), 400, "invalid");
        assertOutcome(fhirPostJson("/fhir/CarePlan", INTEGRATOR_KEY,
                "{\"resourceType\": \"CarePlan\", \"status\": \"active\", \"intent\": \"plan\"}"), 422, "invalid");
        String plan;
        try (var in = getClass().getResourceAsStream("/golden/fhir/careplan-in.json")) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // care plans come from case management, with its integrator key: not from a citizen, nor an operator
        assertOutcome(fhirPostJson("/fhir/CarePlan", token, plan), 403, "forbidden");
        assertOutcome(fhirPostJson("/fhir/CarePlan", OPERATOR_KEY, plan), 403, "forbidden");
        assertThat(jdbc.sql("select count(*) from budget").query(Long.class).single()).isEqualTo(2);

        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/fhir/Patient/" + clientId))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(
                            "{\"resourceType\": \"Patient\", \"id\": \"" + clientId + "\"}")).build());
            assertOutcome(refused, 405, "not-supported");
            assertThat(refused.headers().firstValue("Allow")).as(method).hasValue("GET");
        }
        HttpResponse<String> account = fhirPostJson("/fhir/Account", token, "{\"resourceType\": \"Account\"}");
        assertOutcome(account, 405, "not-supported");
        assertThat(account.headers().firstValue("Allow")).hasValue("GET");
    }

    static void assertOutcome(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(json(response.body()).at("/issue/0/code").asText()).as(response.body()).isEqualTo(code);
    }

    @Test
    void aBudgetChangesWithEveryMovementOnItsLines() throws Exception {
        String token = PortalTokens.token(CLIENT, "01");
        Instant planned = Instant.parse(fhirOk("/fhir/Account/" + budgetId, token).at("/meta/lastUpdated").asText());
        Thread.sleep(1100);
        spend("portal-changed-1", "5.00");

        HttpResponse<String> read = fhir("/fhir/Account/" + budgetId, token);
        Instant held = Instant.parse(json(read.body()).at("/meta/lastUpdated").asText());
        assertThat(held).isAfter(planned);
        assertThat(read.headers().firstValue("Last-Modified")).hasValue(
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(held.atZone(java.time.ZoneOffset.UTC)));
        String line = resourceIds(fhirOk("/fhir/Account?patient=" + clientId, token)).get(1);
        assertThat(fhirOk("/fhir/" + line, token).at("/meta/lastUpdated").asText()).isEqualTo(held.toString());
    }

    @Test
    void aDeclarationHappenedOnItsServiceDay() {
        String token = PortalTokens.token(CLIENT, "01");
        LocalDate served = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE).minusDays(3);
        String declaration = declare("15.00", served);
        String charge = chargeOfDeclaration(token, declaration);
        assertThat(fhirOk("/fhir/ChargeItem/" + charge, token).get("occurrenceDateTime").asText())
                .isEqualTo(served.toString());
        HttpResponse<String> approved = fhirPost("/fhir/ChargeItem/" + charge + "/$approve", token);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved.body()).get("occurrenceDateTime").asText()).isEqualTo(served.toString());
    }

    @Test
    void theWebAppsBrowsersMayCallAndOthersMayNot() {
        String token = PortalTokens.token(CLIENT, "01");
        for (String origin : List.of(PortalTokens.WEB_APP, "https://evil.example.com")) {
            boolean allowed = origin.equals(PortalTokens.WEB_APP);
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/fhir/ChargeItem?account=" + budgetId))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization").build());
            HttpResponse<String> read = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/fhir/Account?patient=" + clientId))
                    .header("Origin", origin).header("Authorization", "Bearer " + token).GET().build());
            assertThat(preflight.statusCode()).as(origin).isEqualTo(allowed ? 200 : 403);
            assertThat(read.statusCode()).as(origin).isEqualTo(allowed ? 200 : 403);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(origin)
                    .isEqualTo(allowed ? java.util.Optional.of(origin) : java.util.Optional.empty());
            if (!allowed) {
                assertThat(json(read.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
            }
        }
    }

    @Test
    void everythingServedIsValidR4() throws Exception {
        spend("portal-auth-4", "33.10");
        declare("15.00");
        String token = PortalTokens.token(CLIENT, "01");
        String representative = json(get("/api/v1/clients/" + clientId + "/representatives", INTEGRATOR_KEY).body())
                .get("items").get(0).get("id").asText();
        List<String> served = new ArrayList<>();
        for (String path : List.of("/fhir/Patient/" + clientId, "/fhir/Account?patient=" + clientId,
                "/fhir/ChargeItem?account=" + budgetId, "/fhir/CarePlan?patient=" + clientId,
                "/fhir/Organization/2345678-0", "/fhir/RelatedPerson/" + representative, "/fhir/metadata")) {
            served.add(fhir(path, token).body());
        }
        String charges = served.get(2);
        served.add(fhir("/fhir/ChargeItem/" + json(charges).get("entry").get(0).get("resource").get("id").asText(),
                token).body());
        served.add(fhir("/fhir/AuditEvent?patient=" + clientId, OPERATOR_KEY).body());
        ca.uhn.fhir.context.FhirContext context = ca.uhn.fhir.context.FhirContext.forR4Cached();
        for (String body : served) {
            org.hl7.fhir.instance.model.api.IBaseResource resource = context.newJsonParser().parseResource(body);
            // the portal writes its charges itself: byte for byte what HAPI writes
            assertThat(body).isEqualTo(context.newJsonParser().encodeResourceToString(resource));
            List<org.hl7.fhir.r4.model.Resource> each = new ArrayList<>();
            if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle) {
                assertThat(bundle.getEntry()).as(body).isNotEmpty();
                bundle.getEntry().forEach(e -> each.add(e.getResource()));
            }
            each.add((org.hl7.fhir.r4.model.Resource) resource);
            for (org.hl7.fhir.r4.model.Resource r : each) {
                assertThat(fi.avain.mappings.fhir.FhirValidation.errors(r)).as(r.fhirType() + "/" + r.getIdPart())
                        .isEmpty();
            }
        }
    }

    // --- helpers

    void spend(String authorizationId, String amount) {
        JsonNode answer = CardApi.answer(cards.authorizeNow("http://127.0.0.1:" + port,
                CardApi.authorization(authorizationId, cardId,
                        new java.math.BigDecimal(amount).movePointRight(2).longValueExact(), "8099", false)));
        assertThat(answer.get("approved").asBoolean()).as(answer.toString()).isTrue();
    }

    String declare(String amount) {
        return declare(amount, LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE));
    }

    String declare(String amount, LocalDate serviceDate) {
        HttpResponse<String> declared = postJson("/api/v1/declarations", INTEGRATOR_KEY, """
                {"budgetId": "%s", "lineCode": "care", "providerBusinessId": "2345678-0",
                 "serviceClass": "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1",
                 "serviceDate": "%s", "amount": "%s", "description": "Siivous"}"""
                .formatted(budgetId, serviceDate, amount));
        return created(declared).get("id").asText();
    }

    String chargeOfDeclaration(String token, String declarationId) {
        JsonNode bundle = fhirOk("/fhir/ChargeItem?account=" + budgetId + "&_count=100", token);
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.get("resource").toString().contains(declarationId)) {
                return entry.get("resource").get("id").asText();
            }
        }
        throw new AssertionError("no ChargeItem for declaration " + declarationId + " in " + bundle);
    }

    long searchesAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'search'").query(Long.class).single();
    }

    /** The Bundle's link of that relation, or null. */
    static String link(JsonNode bundle, String relation) {
        for (JsonNode link : bundle.path("link")) {
            if (relation.equals(link.get("relation").asText())) {
                return link.get("url").asText();
            }
        }
        return null;
    }

    /** The path of the Bundle's next page, or null when it is the last. */
    static String next(JsonNode bundle) {
        String next = link(bundle, "next");
        return next == null ? null : next.substring(next.indexOf("/fhir"));
    }

    static List<String> resourceIds(JsonNode bundle) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            ids.add(entry.get("resource").get("resourceType").asText() + "/" + entry.get("resource").get("id").asText());
        }
        return ids;
    }

    static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json(response.body());
    }

    static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(json(response.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    JsonNode fhirOk(String path, String token) {
        HttpResponse<String> response = fhir(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> fhir(String path, String token) {
        return fhir(path, token, null);
    }

    HttpResponse<String> fhir(String path, String token, String prefer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return send(request.build());
    }

    HttpResponse<String> fhirPost(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static byte[] gzip(String text) {
        try {
            return VoucherFlowIT.gzip(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpResponse<String> fhirPostJson(String path, String token, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    HttpResponse<String> postJson(String path, String key, String body) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
