package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.fhir.FhirValidation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API's reads of a client's data land in the same audit as the portal's: written before the
 * answer, with the key's role and name, the client, the tenant and what was read; nothing for a read
 * that finds nothing; and no data at all when the event cannot be written.
 */
class ApiAuditIT extends AvainIntegrationTest {
    static final String CLIENT = "010190-123M";
    static final String OTHER_CLIENT = "131052-308T";
    static final String REPRESENTATIVE = "311280-999J";
    static final String PLAN = """
            {"planId": "%s", "tenant": "%s", "client": {"identityCode": "%s", "homeMunicipality": "205"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%s", "end": "%s"},
             "lines": [{"code": "care", "category": "Hoiva", "allocated": "900.00",
                        "serviceClasses": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1"],
                        "merchantCategoryCodes": ["8099"], "channels": ["card", "voucher", "declaration"]}]}""";

    /** A read through the API and what its audit event must say. */
    record Read(String method, String path, String body, String key, String action, String resource) {
    }

    String tenant;
    String budgetId;
    String clientId;
    String cardId;
    String cardUuid;
    String representativeId;
    String voucherId;
    String declarationId;

    @BeforeEach
    void aClientWithABudgetCardRepresentativeVoucherAndDeclaration() {
        JsonNode plan = created(postJson("/api/v1/plans", INTEGRATOR_KEY, plan("audit-1", "01", CLIENT)));
        budgetId = plan.get("budgetId").asText();
        clientId = plan.get("clientId").asText();
        tenant = plan.get("tenant").asText();
        cardId = "ic_audit_" + System.nanoTime();
        created(postJson("/api/v1/cards", INTEGRATOR_KEY,
                "{\"cardId\":\"" + cardId + "\",\"budgetId\":\"" + budgetId + "\",\"processor\":\"generic\"}"));
        cardUuid = jdbc.sql("select id from card where processor_card_id = ?").param(cardId).query(UUID.class)
                .single().toString();
        HttpResponse<String> grant = postJson("/api/v1/clients/" + clientId + "/representatives", INTEGRATOR_KEY, """
                {"identityCode": "%s", "name": "Maija Meikäläinen", "relationship": "guardian",
                 "grants": ["budget"]}""".formatted(REPRESENTATIVE));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        representativeId = json(grant.body()).get("id").asText();
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        voucherId = created(postJson("/api/v1/vouchers", INTEGRATOR_KEY, """
                {"budgetId": "%s", "lineCode": "care", "kind": "multi", "balance": "100.00",
                 "validFrom": "%s", "validUntil": "%s", "requestId": "audit-v-1"}"""
                .formatted(budgetId, today, today.plusDays(30)))).get("id").asText();
        declarationId = created(postJson("/api/v1/declarations", INTEGRATOR_KEY, """
                {"budgetId": "%s", "lineCode": "care", "providerBusinessId": "2345678-0",
                 "serviceClass": "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1",
                 "serviceDate": "%s", "amount": "20.00", "declarationId": "audit-d-1"}"""
                .formatted(budgetId, today))).get("id").asText();
        // what the set-up wrote is not what the tests look for
        jdbc.sql("delete from audit_event").update();
    }

    List<Read> reads() {
        return List.of(
                new Read("GET", "/api/v1/budgets/" + budgetId, null, INTEGRATOR_KEY, "read", "Account/" + budgetId),
                new Read("GET", "/api/v1/budgets/" + budgetId + "/entries", null, OPERATOR_KEY, "search",
                        "Account/" + budgetId),
                new Read("GET", "/api/v1/clients/" + clientId + "/budgets", null, INTEGRATOR_KEY, "search",
                        "Account/" + budgetId),
                new Read("POST", "/api/v1/budgets/search", "{\"identityCode\": \"" + CLIENT + "\"}", OPERATOR_KEY,
                        "search", "Account/" + budgetId),
                new Read("GET", "/api/v1/budgets/" + budgetId + "/cards", null, INTEGRATOR_KEY, "search",
                        "Card/" + cardUuid),
                new Read("GET", "/api/v1/cards/" + cardId, null, OPERATOR_KEY, "read", "Card/" + cardUuid),
                new Read("GET", "/api/v1/clients/" + clientId + "/representatives", null, INTEGRATOR_KEY, "search",
                        "RelatedPerson/" + representativeId),
                new Read("GET", "/api/v1/vouchers/" + voucherId, null, INTEGRATOR_KEY, "read", "Voucher/" + voucherId),
                new Read("GET", "/api/v1/declarations/" + declarationId, null, OPERATOR_KEY, "read",
                        "Declaration/" + declarationId));
    }

    @Test
    void everyReadOfAClientsDataIsAuditedWithTheKeysRoleTheClientAndWhatWasRead() {
        for (Read read : reads()) {
            jdbc.sql("delete from audit_event").update();
            HttpResponse<String> response = send(read);
            assertThat(response.statusCode()).as(read.path() + ": " + response.body()).isEqualTo(200);

            JsonNode page = json(get("/api/v1/audit?patient=" + clientId, OPERATOR_KEY).body());
            assertThat(page.path("totalItems").asLong()).as(read.path()).isEqualTo(1);
            JsonNode event = page.at("/items/0");
            String role = read.key().equals(OPERATOR_KEY) ? "operator" : "integrator";
            assertThat(event.path("actorRole").asText()).as(read.path()).isEqualTo(role);
            assertThat(event.path("actor").asText()).as(read.path()).isEqualTo(role + "-key-1");
            assertThat(event.path("patientId").asText()).as(read.path()).isEqualTo(clientId);
            assertThat(event.path("tenant").asText()).as(read.path()).isEqualTo(tenant);
            assertThat(event.path("action").asText()).as(read.path()).isEqualTo(read.action());
            assertThat(event.path("resources").toString()).as(read.path()).contains("\"" + read.resource() + "\"");
            assertThat(event.path("outcome").asText()).isEqualTo("0");
            assertThat(event.toString()).doesNotContain(CLIENT);
            assertThat(json(get("/api/v1/audit?actor=" + role + "-key-1", OPERATOR_KEY).body())
                    .path("totalItems").asLong()).as(read.path()).isEqualTo(1);
        }
    }

    @Test
    void aSearchByIdentityCodeRecordsOneEventForEachClientItFound() {
        String otherBudget = created(postJson("/api/v1/plans", INTEGRATOR_KEY, plan("audit-2", "02", CLIENT)))
                .get("budgetId").asText();
        String otherClient = json(get("/api/v1/budgets/" + otherBudget, INTEGRATOR_KEY).body()).get("clientId").asText();
        created(postJson("/api/v1/plans", INTEGRATOR_KEY, plan("audit-3", "01", OTHER_CLIENT)));
        jdbc.sql("delete from audit_event").update();

        HttpResponse<String> found = send(new Read("POST", "/api/v1/budgets/search",
                "{\"identityCode\": \"" + CLIENT + "\"}", OPERATOR_KEY, "search", null));

        assertThat(json(found.body()).get("items")).hasSize(2);
        List<String> events = jdbc.sql("select patient_id || ' ' || tenant || ' ' || resources from audit_event "
                + "where action = 'search' order by tenant").query(String.class).list();
        assertThat(events).containsExactly(clientId + " " + tenant + " Account/" + budgetId,
                otherClient + " 02 Account/" + otherBudget);
    }

    @Test
    void aReadThatFindsNothingRecordsNothing() {
        String nobody = UUID.randomUUID().toString();
        for (Read read : List.of(
                new Read("GET", "/api/v1/budgets/" + nobody, null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/budgets/" + nobody + "/entries", null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/cards/ic_nobody", null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/vouchers/V-NOBODY", null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/declarations/" + nobody, null, INTEGRATOR_KEY, null, null))) {
            assertThat(send(read).statusCode()).as(read.path()).isEqualTo(404);
        }
        for (Read read : List.of(
                new Read("GET", "/api/v1/clients/" + nobody + "/budgets", null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/clients/" + nobody + "/representatives", null, INTEGRATOR_KEY, null, null),
                new Read("GET", "/api/v1/budgets/" + nobody + "/cards", null, INTEGRATOR_KEY, null, null),
                new Read("POST", "/api/v1/budgets/search", "{\"identityCode\": \"" + REPRESENTATIVE + "\"}",
                        INTEGRATOR_KEY, null, null))) {
            HttpResponse<String> response = send(read);
            assertThat(response.statusCode()).as(read.path()).isEqualTo(200);
            assertThat(json(response.body()).get("items")).as(read.path()).isEmpty();
        }

        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isZero();
    }

    @Test
    void whenTheAuditCannotBeWrittenNoDataIsReturned() {
        // A constraint no row meets: the database refuses every event, as a full disk or lost grant would.
        jdbc.sql("alter table audit_event add constraint audit_event_refused check (false) not valid").update();
        try {
            for (Read read : reads()) {
                HttpResponse<String> response = send(read);
                assertThat(response.statusCode()).as(read.path()).isEqualTo(500);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .contains("application/problem+json");
                // the problem's instance repeats the path asked for; nothing else may name what was asked
                ObjectNode problem = (ObjectNode) json(response.body());
                assertThat(problem.remove("instance").asText()).isEqualTo(read.path());
                assertThat(problem.toString()).as(read.path()).doesNotContain(clientId, budgetId, cardId, cardUuid,
                        voucherId, declarationId, representativeId);
            }
        } finally {
            jdbc.sql("alter table audit_event drop constraint audit_event_refused").update();
        }
        assertThat(send(reads().get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void theFhirAuditTrailServesTheApisEventsAsValidR4() throws Exception {
        for (Read read : reads()) {
            assertThat(send(read).statusCode()).as(read.path()).isEqualTo(200);
        }

        HttpResponse<String> trail = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/fhir/AuditEvent?patient=" + clientId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + OPERATOR_KEY)
                .header("Accept", "application/fhir+json").GET().build());

        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        Bundle bundle = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(Bundle.class, trail.body());
        assertThat(bundle.getEntry()).hasSize(reads().size());
        List<String> named = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            AuditEvent event = (AuditEvent) entry.getResource();
            assertThat(FhirValidation.errors(event)).as(event.getText().getDivAsString()).isEmpty();
            event.getEntity().forEach(e -> named.add(e.getWhat().hasReference() ? e.getWhat().getReference()
                    : e.getWhat().getIdentifier().getValue()));
        }
        assertThat(named).contains("Card/" + cardUuid, "Voucher/" + voucherId, "Declaration/" + declarationId,
                "RelatedPerson/" + representativeId, "Account/" + budgetId);
    }

    // --- helpers

    static String plan(String planId, String tenant, String client) {
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        return PLAN.formatted(planId, tenant, client, today.minusDays(30), today.plusDays(300));
    }

    HttpResponse<String> send(Read read) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + read.path()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + read.key());
        if ("POST".equals(read.method())) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(read.body(), StandardCharsets.UTF_8));
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String key, String body) {
        return send(new Read("POST", path, body, key, null, null));
    }

    static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json(response.body());
    }
}
