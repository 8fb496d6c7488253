package fi.avain.connectors.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.ConnectorException;
import fi.avain.connectors.HttpCallParameters;
import fi.avain.connectors.RouteCalls;
import fi.avain.connectors.simulator.Fault;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarketplaceRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MarketplaceSimulator simulator = MarketplaceSimulator.start();
    private final RouteCalls routes = new RouteCalls(new MarketplaceRoute(settings(simulator.baseUrl())));

    @AfterEach
    void stop() {
        routes.close();
        simulator.close();
    }

    @Test
    void putsAnObjectUnderAnEncodedId() {
        var body = JSON.createObjectNode().put("id", "a b/c").put("name", "Kotihoito");
        int status = routes.call("direct:marketplace-put", body, headers("services", "a b/c"), Integer.class);
        assertThat(status).isEqualTo(201);
        assertThat(simulator.get("services", "a b/c").orElseThrow().get("name").asText()).isEqualTo("Kotihoito");
        assertThat(simulator.ids("services")).containsExactly("a b/c");
    }

    @Test
    void retriesAPutAfterAServerErrorWithTheSameBody() {
        simulator.failNext(1, Fault.HTTP_500);
        routes.call("direct:marketplace-put", "{\"id\":\"s1\"}", headers("services", "s1"), Integer.class);
        assertThat(simulator.get("services", "s1").orElseThrow().get("id").asText()).isEqualTo("s1");
        assertThat(simulator.requests("/services/s1")).isEqualTo(2);
    }

    @Test
    void treatsDeletingAnUnknownObjectAsDone() {
        routes.call("direct:marketplace-put", "{}", headers("locations", "l1"), Integer.class);
        assertThat(routes.call("direct:marketplace-delete", null, headers("locations", "l1"), Integer.class)).isEqualTo(204);
        assertThat(routes.call("direct:marketplace-delete", null, headers("locations", "l1"), Integer.class)).isEqualTo(404);
        assertThat(simulator.deletes("locations")).isEqualTo(2);
    }

    // The delete catches one answer (404) and must hand every other failure back, not hang.
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_400", "HTTP_500", "RESET", "NOT_JSON"})
    @Timeout(60)
    void aDeleteThatFailsOtherwiseFails(Fault fault) {
        simulator.failPath("/locations/l1", fault);
        if (fault == Fault.NOT_JSON) {
            // A 200 whatever its body: a delete reads no answer.
            assertThat(routes.call("direct:marketplace-delete", null, headers("locations", "l1"), Integer.class))
                    .isEqualTo(200);
            return;
        }
        ConnectorException failure = routes.failure("direct:marketplace-delete", null, headers("locations", "l1"));
        assertThat(failure.system()).isEqualTo("marketplace");
    }

    @Test
    void failsPermanentlyOnABodyTooLarge() {
        simulator.maxBodyBytes(5);
        ConnectorException failure = routes.failure("direct:marketplace-put", "{\"id\":\"long\"}", headers("services", "s"));
        assertThat(failure.status()).isEqualTo(413);
        assertThat(failure.isTransient()).isFalse();
    }

    @Test
    void refusesAnUnknownTypeBeforeCalling() {
        assertThatThrownBy(() -> routes.call("direct:marketplace-put", "{}", headers("people", "p1"), Integer.class))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.requests("/")).isZero();
    }

    private static Map<String, Object> headers(String type, String id) {
        return Map.of(MarketplaceHeaders.TYPE, type, MarketplaceHeaders.ID, id);
    }

    private static MarketplaceSettings settings(String baseUrl) {
        HttpCallParameters quick = RouteCalls.quick("marketplace", baseUrl);
        return new MarketplaceSettings(quick.baseUrl(), quick.connectTimeout(), quick.readTimeout(), quick.maxRetries(),
                quick.retryBackoff(), quick.maxResponseBytes(), null, quick.circuitBreaker());
    }
}
