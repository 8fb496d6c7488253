package fi.avain.connectors.ptv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.ConnectorException;
import fi.avain.connectors.HttpCallParameters;
import fi.avain.connectors.RouteCalls;
import fi.avain.connectors.simulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PtvRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICES = "/api/v11/Service";
    private static final Map<String, Object> FIRST_PAGE = Map.of(PtvHeaders.KIND, "Service", PtvHeaders.PAGE, 1);
    private final PtvCatalogue catalogue = PtvCatalogue.generate(120, 3, Instant.parse("2026-10-01T12:00:00Z"));
    private final PtvSimulator simulator = PtvSimulator.start(catalogue);
    private final RouteCalls routes = new RouteCalls(new PtvRoute(settings(simulator.baseUrl())));

    @AfterEach
    void stop() {
        routes.close();
        simulator.close();
    }

    @Test
    void readsGuidPagesAndListsTheirItems() throws Exception {
        simulator.pageSize(50);
        JsonNode page = routes.call("direct:ptv-guid-page", null,
                Map.of(PtvHeaders.KIND, "Service", PtvHeaders.PAGE, 2, PtvHeaders.DATE, "2020-01-01T00:00:00"),
                JsonNode.class);
        assertThat(page.get("pageNumber").asInt()).isEqualTo(2);
        List<String> ids = page.get("itemList").findValuesAsText("id").subList(0, 3);

        List<PtvItem> items = routes.call("direct:ptv-list", ids, Map.of(PtvHeaders.KIND, "Service"), List.class);

        assertThat(items.get(0).json().get("serviceNames")).isNotEmpty();
        assertThat(items).extracting(item -> item.json().get("id").asText()).containsExactlyElementsOf(ids);
        // Each item's own bytes, as sent: they parse back to the same tree.
        for (PtvItem item : items) {
            assertThat(JSON.readTree(item.raw())).isEqualTo(item.json());
        }
    }

    @Test
    void aListOfItemsNoLongerPublishedIsEmptyNotAFailure() {
        List<String> ids = catalogue.ids(PtvKind.Service).subList(0, 3);
        catalogue.archive(PtvKind.Service, ids.get(0), Instant.parse("2026-10-02T12:00:00Z"));
        catalogue.withdraw(PtvKind.Service, ids.get(1), Instant.parse("2026-10-02T12:00:00Z"));

        List<PtvItem> some = routes.call("direct:ptv-list", ids, Map.of(PtvHeaders.KIND, "Service"), List.class);
        List<PtvItem> none = routes.call("direct:ptv-list", ids.subList(0, 2), Map.of(PtvHeaders.KIND, "Service"),
                List.class);

        assertThat(some).extracting(item -> item.json().get("id").asText()).containsExactly(ids.get(2));
        assertThat(none).isEmpty();
        // PTV's answer for it is a 404, which is not retried.
        assertThat(simulator.requests(SERVICES + "/list")).isEqualTo(2);
    }

    @Test
    void aListAnsweredWithAnotherClientErrorStillFails() {
        simulator.failNext(1, Fault.HTTP_400);
        assertThatThrownBy(() -> routes.call("direct:ptv-list", catalogue.ids(PtvKind.Service).subList(0, 1),
                Map.of(PtvHeaders.KIND, "Service"), List.class))
                .hasCauseInstanceOf(ConnectorException.class);
    }

    @Test
    void refusesMoreThanAHundredGuidsBeforeCalling() {
        List<String> guids = IntStream.range(0, 101).mapToObj(String::valueOf).toList();
        assertThatThrownBy(() -> routes.call("direct:ptv-list", guids, Map.of(PtvHeaders.KIND, "Service"), JsonNode.class))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.requests("/")).isZero();
    }

    @Test
    void retriesAServerErrorAndSucceeds() {
        simulator.failNext(2, Fault.HTTP_500);
        JsonNode page = routes.call("direct:ptv-guid-page", null, FIRST_PAGE, JsonNode.class);
        assertThat(page.get("itemList")).isNotEmpty();
        assertThat(simulator.requests(SERVICES)).isEqualTo(3);
    }

    // A list call catches one answer (404), and must still hand every other failure back, not hang.
    @ParameterizedTest(name = "{0} fails a {4} {1}")
    @CsvSource({
            "HTTP_400, permanent, 1, HTTP 400, page",
            "NOT_JSON, permanent, 1, not JSON, page",
            "OVERSIZE, permanent, 1, larger than the limit of 1048576 bytes, page",
            "HTTP_500, transient, 3, HTTP 500, page",
            "TIMEOUT, transient, 3, timed out, page",
            "RESET, transient, 3, connection failed, page",
            "HTTP_400, permanent, 1, HTTP 400, list",
            "NOT_JSON, permanent, 1, not JSON, list",
            "OVERSIZE, permanent, 1, larger than the limit of 1048576 bytes, list",
            "HTTP_500, transient, 3, HTTP 500, list",
            "TIMEOUT, transient, 3, timed out, list",
            "RESET, transient, 3, connection failed, list"})
    @Timeout(60)
    void classifiesEachFault(Fault fault, String kind, int requests, String reason, String call) {
        boolean list = call.equals("list");
        String path = list ? SERVICES + "/list" : SERVICES;
        simulator.timeoutDelay(Duration.ofSeconds(2));
        simulator.failPath(path, fault);
        ConnectorException failure = list
                ? routes.failure("direct:ptv-list", catalogue.ids(PtvKind.Service).subList(0, 2),
                        Map.of(PtvHeaders.KIND, "Service"))
                : routes.failure("direct:ptv-guid-page", null, FIRST_PAGE);
        assertThat(failure.isTransient()).isEqualTo(kind.equals("transient"));
        assertThat(failure.reason()).contains(reason);
        assertThat(failure.system()).isEqualTo("ptv");
        assertThat(simulator.requests(path)).isEqualTo(requests);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailures() {
        simulator.failPath(SERVICES, Fault.HTTP_500);
        ConnectorException last = null;
        for (int call = 0; call < 10; call++) {
            last = routes.failure("direct:ptv-guid-page", null, FIRST_PAGE);
        }
        assertThat(last.reason()).isEqualTo("circuit breaker open");
        assertThat(last.isTransient()).isTrue();
        assertThat(simulator.requests(SERVICES)).isLessThan(10);
    }

    static PtvSettings settings(String baseUrl) {
        HttpCallParameters quick = RouteCalls.quick("ptv", baseUrl);
        return new PtvSettings(quick.baseUrl(), quick.connectTimeout(), quick.readTimeout(), quick.maxRetries(),
                quick.retryBackoff(), quick.maxResponseBytes(), quick.circuitBreaker());
    }
}
