package fi.avain.connectors.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.ConnectorException;
import fi.avain.connectors.HttpCallParameters;
import fi.avain.connectors.RouteCalls;
import fi.avain.connectors.Secret;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.simulator.Fault;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComparisonRouteTest {
    private static final Secret KEY = new Secret("comparison-key");
    private final ComparisonCatalogue catalogue =
            ComparisonCatalogue.generate(PtvCatalogue.generate(100, 5, Instant.parse("2026-10-01T12:00:00Z")), 5);
    private final ComparisonSimulator simulator = ComparisonSimulator.start(catalogue);
    private final RouteCalls routes = new RouteCalls(new ComparisonRoute(settings(simulator.baseUrl(), 4)));

    @AfterEach
    void stop() {
        routes.close();
        simulator.close();
    }

    @Test
    void readsAPageWithTheConfiguredPageSizeAndApiKey() {
        simulator.requireBearerToken(KEY.value());
        JsonNode page = routes.call("direct:comparison-page", null, Map.of(ComparisonHeaders.PAGE, 2), JsonNode.class);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("per_page").asInt()).isEqualTo(4);
        assertThat(page.get("items")).hasSize(4);
    }

    @Test
    void readsTheCsvExport() {
        String csv = routes.call("direct:comparison-export", null, Map.of(), String.class);
        assertThat(csv).startsWith("business_id;provider_name_fi;");
        assertThat(csv.split("\r\n").length).isGreaterThan(catalogue.size());
    }

    @Test
    void failsPermanentlyWithoutTheRightApiKey() {
        simulator.requireBearerToken("another-key");
        ConnectorException failure = routes.failure("direct:comparison-page", null, Map.of());
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.isTransient()).isFalse();
    }

    @Test
    void retriesAResetExport() {
        simulator.failNext(1, Fault.RESET);
        assertThat(routes.call("direct:comparison-export", null, Map.of(), String.class)).startsWith("business_id");
        assertThat(simulator.requests("/export.csv")).isEqualTo(2);
    }

    private static ComparisonSettings settings(String baseUrl, int perPage) {
        HttpCallParameters quick = RouteCalls.quick("comparison", baseUrl);
        return new ComparisonSettings(quick.baseUrl(), ComparisonSettings.Format.json, quick.connectTimeout(),
                quick.readTimeout(), quick.maxRetries(), quick.retryBackoff(), quick.maxResponseBytes(), perPage, KEY,
                quick.circuitBreaker());
    }
}
