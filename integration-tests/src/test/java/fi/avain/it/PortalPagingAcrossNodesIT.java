package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Two Avain nodes on one PostgreSQL schema, as behind a load balancer: this test's application, and the
 * packaged jar started with the same settings. A paging link one node wrote is served by the other, to the
 * caller who searched and to nobody else, and the page served there is audited there.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortalPagingAcrossNodesIT extends AvainIntegrationTest {
    static final String CLIENT = PortalIT.CLIENT;
    static final String OTHER_CLIENT = PortalIT.OTHER_CLIENT;
    static final String REPRESENTATIVE = PortalIT.REPRESENTATIVE;
    /** As the portal test's plan, with card lines only. */
    static final String PLAN = """
            {"planId": "%s", "tenant": "01", "client": {"identityCode": "%s", "homeMunicipality": "091"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "%s", "end": "%s"},
             "lines": [
               {"code": "care", "category": "Hoiva", "allocated": "500.00", "merchantCategoryCodes": ["8099"],
                "channels": ["card"]},
               {"code": "leisure", "category": "Vapaa-aika", "allocated": "100.00", "merchantCategoryCodes": ["7997"],
                "channels": ["card"]}
             ]}""";

    @TempDir
    static Path dataDir;
    static AvainServer other;
    String clientId;

    @BeforeAll
    static void anotherNode() {
        other = AvainServer.start(TestDatabase.urlFor(SCHEMA), SCHEMA, dataDir, List.of(
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--avain.portal.issuer=" + PortalTokens.ISSUER,
                "--avain.portal.public-key=" + PortalTokens.publicKeyPem())).awaitReady();
    }

    @AfterAll
    static void stopTheOtherNode() {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void aClientWithABudgetOfTwoLinesAndARepresentative() {
        LocalDate today = LocalDate.now(fi.avain.budget.CardAuthorizer.BUDGET_ZONE);
        clientId = created(postJson("/api/v1/plans", PLAN.formatted("paging-1", CLIENT, today.minusDays(30),
                today.plusDays(300)))).get("clientId").asText();
        created(postJson("/api/v1/plans", PLAN.formatted("paging-2", OTHER_CLIENT, today.minusDays(30),
                today.plusDays(300))));
        grant("budget", "spends");
    }

    @Test
    void aLinkFromOneNodeIsServedByTheOtherToTheSearcherOnlyAndAudited(CapturedOutput log) {
        String token = PortalTokens.token(CLIENT, "01");
        JsonNode first = fhirOk(base(), "/fhir/Account?patient=" + clientId + "&_count=1", token);
        String page = next(first);
        assertThat(page).doesNotContain(clientId).doesNotContain(CLIENT);

        long audited = searchesAudited();
        // the same person's token in another county, another client, a representative the client trusts
        for (String stranger : List.of(PortalTokens.token(CLIENT, "02"), PortalTokens.token(OTHER_CLIENT, "01"),
                PortalTokens.token(REPRESENTATIVE, "01"), OPERATOR_KEY)) {
            HttpResponse<String> refused = fhir(other.baseUrl(), page, stranger);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            assertThat(refused.body()).contains("These search results do not exist or have expired")
                    .doesNotContain("\"entry\"");
        }
        assertThat(searchesAudited()).isEqualTo(audited);

        JsonNode second = fhirOk(other.baseUrl(), page, token);
        List<String> read = new ArrayList<>(resourceIds(first));
        read.addAll(resourceIds(second));
        assertThat(resourceIds(second)).hasSize(1);
        assertThat(searchesAudited()).as("the other node audited the page it served").isEqualTo(audited + 1);
        JsonNode third = fhirOk(base(), next(second), token);
        read.addAll(resourceIds(third));
        assertThat(next(third)).isNull();
        assertThat(read).hasSize(3).doesNotHaveDuplicates();
        assertThat(log.getAll()).doesNotContain(CLIENT);
    }

    @Test
    void aRepresentativeWhoseGrantsChangedMustSearchAgain() {
        String token = PortalTokens.token(REPRESENTATIVE, "01");
        String page = next(fhirOk(base(), "/fhir/Account?patient=" + clientId + "&_count=1", token));
        assertThat(fhir(other.baseUrl(), page, token).statusCode()).isEqualTo(200);

        grant("budget", "spends", "declarations");

        HttpResponse<String> changed = fhir(other.baseUrl(), page, token);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(404);
        String again = next(fhirOk(other.baseUrl(), "/fhir/Account?patient=" + clientId + "&_count=1", token));
        assertThat(resourceIds(fhirOk(base(), again, token))).hasSize(1);
    }

    @Test
    void anAlteredOrInventedLinkIsGoneOnEitherNode() {
        String token = PortalTokens.token(CLIENT, "01");
        String page = next(fhirOk(base(), "/fhir/Account?patient=" + clientId + "&_count=1", token));
        int at = page.indexOf("_getpages=") + "_getpages=".length() + 20;
        String altered = page.substring(0, at) + (page.charAt(at) == 'A' ? 'B' : 'A') + page.substring(at + 1);

        for (String node : List.of(base(), other.baseUrl())) {
            assertThat(fhir(node, altered, token).statusCode()).isEqualTo(404);
            HttpResponse<String> invented = fhir(node, "/fhir?_getpages=" + CLIENT, token);
            assertThat(invented.statusCode()).isEqualTo(404);
            assertThat(invented.body()).doesNotContain(CLIENT);
        }
    }

    void grant(String... grants) {
        HttpResponse<String> granted = postJson("/api/v1/clients/" + clientId + "/representatives", """
                {"identityCode": "%s", "name": "Maija Meikäläinen", "relationship": "POWATT", "grants": [%s]}"""
                .formatted(REPRESENTATIVE, String.join(", ", List.of(grants).stream().map(g -> "\"" + g + "\"")
                        .toList())));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }

    long searchesAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'search'").query(Long.class).single();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static String next(JsonNode bundle) {
        return PortalIT.next(bundle);
    }

    static List<String> resourceIds(JsonNode bundle) {
        return PortalIT.resourceIds(bundle);
    }

    static JsonNode created(HttpResponse<String> response) {
        return PortalIT.created(response);
    }

    JsonNode fhirOk(String node, String path, String token) {
        HttpResponse<String> response = fhir(node, path, token);
        assertThat(response.statusCode()).as(node + path + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> fhir(String node, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + INTEGRATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
