package fi.avain.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.comparison.ComparisonSimulator;
import fi.avain.connectors.marketplace.MarketplaceSimulator;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.connectors.ptv.PtvSimulator;
import fi.avain.connectors.voucher.VoucherSystemSimulator;
import fi.avain.routes.AvainApplication;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL (a schema of its own) against the simulators on
 * loopback. One application context serves every test class; each test starts from an empty
 * database, an empty marketplace and the catalogue it puts into the PTV simulator.
 */
@AutoConfigureObservability
@SpringBootTest(classes = AvainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.additional-location=file:../config/application.yml")
abstract class AvainIntegrationTest {
    static final String INTEGRATOR_KEY = "it-integrator-key";
    static final String OPERATOR_KEY = "it-operator-key";
    static final String PROCESSOR_KEY = "it-processor-key";
    static final String CARD_SECRET = "whsec_it_generic";
    static final String STRIPE_SECRET = "whsec_it_stripe";
    /** Base64 of 32 bytes: the sandbox tenant's reporting key in these tests. */
    static final String REPORTING_KEY = "cmVwb3J0aW5nLWtleS1mb3ItdGhlLXRlc3RzLW9ubHk=";
    static final java.nio.file.Path CLEARING_DIR = java.nio.file.Path.of("target/it-data/clearing");
    static final Instant BASE_TIME = Instant.parse("2026-03-02T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static final String SCHEMA = TestDatabase.newSchema();
    static final PtvSimulator PTV = PtvSimulator.start(PtvCatalogue.empty());
    static final ComparisonSimulator COMPARISON = ComparisonSimulator.start(ComparisonCatalogueFixtures.empty());
    static final MarketplaceSimulator MARKETPLACE = MarketplaceSimulator.start();
    static final VoucherSystemSimulator VOUCHER_SYSTEM = VoucherSystemSimulator.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.urlFor(SCHEMA));
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("avain.sandbox.enabled", () -> "false");
        registry.add("avain.scheduler.enabled", () -> "false");
        registry.add("avain.data-dir", () -> "target/it-data");
        registry.add("avain.security.api-keys.integrator[0]", () -> INTEGRATOR_KEY);
        registry.add("avain.security.api-keys.operator[0]", () -> OPERATOR_KEY);
        registry.add("avain.security.api-keys.processor[0]", () -> PROCESSOR_KEY);
        registry.add("avain.connectors.card.secrets.generic[0]", () -> CARD_SECRET);
        registry.add("avain.connectors.card.secrets.stripe[0]", () -> "whsec_it_stripe_retired");
        registry.add("avain.connectors.card.secrets.stripe[1]", () -> STRIPE_SECRET);
        registry.add("avain.connectors.card.clearing-dir", CLEARING_DIR::toString);
        registry.add("avain.messages.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("avain.connectors.ptv.base-url", PTV::baseUrl);
        registry.add("avain.connectors.comparison.base-url", COMPARISON::baseUrl);
        registry.add("avain.connectors.marketplace.base-url", MARKETPLACE::baseUrl);
        registry.add("avain.connectors.voucher.base-url", VOUCHER_SYSTEM::baseUrl);
        registry.add("avain.connectors.voucher.retry-backoff", () -> "20ms");
        registry.add("avain.connectors.voucher.read-timeout", () -> "1s");
        for (String connector : new String[] {"ptv", "comparison", "marketplace"}) {
            registry.add("avain.connectors." + connector + ".retry-backoff", () -> "20ms");
            registry.add("avain.connectors." + connector + ".max-retries", () -> "2");
            registry.add("avain.connectors." + connector + ".read-timeout", () -> "1s");
            registry.add("avain.connectors." + connector + ".circuit-breaker.failure-rate-threshold", () -> "100");
            registry.add("avain.connectors." + connector + ".circuit-breaker.minimum-calls", () -> "1000");
            registry.add("avain.connectors." + connector + ".circuit-breaker.wait-in-open-state", () -> "1s");
        }
        registry.add("avain.connectors.ptv.max-response-bytes", () -> "2097152");
        registry.add("avain.portal.issuer", () -> PortalTokens.ISSUER);
        registry.add("avain.portal.public-key", PortalTokens::publicKeyPem);
        registry.add("avain.portal.subscriptions.poll-interval", () -> "200ms");
        registry.add("avain.portal.allowed-origins", () -> PortalTokens.WEB_APP);
        registry.add("avain.tenants-dir", () -> "../config/tenants");
        registry.add("avain.reports.keys.sandbox-county", () -> REPORTING_KEY);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRunner jobs;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startEmpty() {
        for (String table : new String[] {"unmet_need", "outcome_measurement", "report_cost", "report_member",
                "fhir_notification", "fhir_subscription", "audit_event",
                "ledger_change", "representative", "xroad_request", "voucher_event", "voucher_provider", "declaration",
                "voucher", "card_clearing", "card_authorization", "reconciliation_exception",
                "ledger_entry", "ledger_movement", "ledger_hold", "card", "budget_line_version", "budget_line",
                "budget_version", "budget", "client", "catalogue_item_facet", "catalogue_item", "sync_watermark",
                "message_key", "message_audit", "message", "audit_event"}) {
            jdbc.sql("delete from " + table).update();
        }
        PTV.clearFaults();
        COMPARISON.clearFaults();
        MARKETPLACE.clearFaults();
        VOUCHER_SYSTEM.clearFaults();
        MARKETPLACE.reset();
        replace(PTV.catalogue(), PtvCatalogue.empty());
        ComparisonCatalogueFixtures.clear(COMPARISON);
    }

    /** Makes the simulator's catalogue hold exactly what the given one holds. */
    static void replace(PtvCatalogue target, PtvCatalogue source) {
        for (PtvKind kind : PtvKind.values()) {
            for (String id : target.ids(kind)) {
                target.remove(kind, id);
            }
            for (String id : source.ids(kind)) {
                target.put(kind, (ObjectNode) source.item(kind, id).orElseThrow());
            }
        }
    }

    JobSummary sync() {
        return jobs.run("catalogue-sync", Map.of(), JobProgress.NONE);
    }

    JobSummary fullSync() {
        return jobs.run("catalogue-sync", Map.of("full", "true"), JobProgress.NONE);
    }

    static long count(JobSummary summary, String name) {
        return ((Number) summary.counts().get(name)).longValue();
    }

    HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
