package fi.avain.connectors.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.connectors.simulator.Fault;
import fi.avain.connectors.simulator.LoopbackClient;
import fi.avain.mappings.model.BusinessId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonSimulatorTest {
    private final LoopbackClient http = new LoopbackClient();
    private final PtvCatalogue ptv = PtvCatalogue.generate(300, 7, Instant.parse("2026-10-01T12:00:00Z"));
    private final ComparisonCatalogue catalogue = ComparisonCatalogue.generate(ptv, 7);
    private final ComparisonSimulator simulator = ComparisonSimulator.start(catalogue);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesThroughEveryProviderOnce() {
        List<JsonNode> providers = new ArrayList<>();
        JsonNode first = http.json(simulator.baseUrl() + "/providers?page=1&per_page=7");
        for (int page = 1; page <= first.get("total_pages").asInt(); page++) {
            http.json(simulator.baseUrl() + "/providers?page=" + page + "&per_page=7").get("items").forEach(providers::add);
        }
        assertThat(first.get("total_items").asInt()).isEqualTo(catalogue.size());
        assertThat(providers).hasSize(catalogue.size());
        providers.forEach(provider -> BusinessId.parse(provider.get("businessId").asText()));
    }

    @Test
    void sharesBusinessIdsAndServicesWithThePtvCatalogue() {
        Set<String> ptvBusinessIds = new HashSet<>();
        ptv.ids(PtvKind.Organization).forEach(id ->
                ptvBusinessIds.add(ptv.item(PtvKind.Organization, id).orElseThrow().get("businessCode").asText()));
        Set<String> ptvServices = new HashSet<>(ptv.ids(PtvKind.Service));
        List<JsonNode> providers = catalogue.businessIds().stream().map(id -> catalogue.provider(id).orElseThrow()).toList();
        assertThat(providers).anyMatch(p -> ptvBusinessIds.contains(p.get("businessId").asText()));
        assertThat(providers).anyMatch(p -> !ptvBusinessIds.contains(p.get("businessId").asText()));
        assertThat(providers).flatExtracting(p -> p.get("services").findValuesAsText("ptvServiceId"))
                .isNotEmpty().allMatch(ptvServices::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "per_page=501", "per_page=x"})
    void rejectsABadPageRequest(String query) {
        assertThat(http.get(simulator.baseUrl() + "/providers?" + query).statusCode()).isEqualTo(400);
    }

    @Test
    void exportsOneCsvLinePerServiceWithQuoting() {
        String csv = http.get(simulator.baseUrl() + "/export.csv").body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(ComparisonCsv.HEADER);
        long serviceLines = catalogue.businessIds().stream()
                .mapToLong(id -> Math.max(1, catalogue.provider(id).orElseThrow().get("services").size())).sum();
        assertThat(lines).hasSize((int) serviceLines + 1);
        assertThat(csv).contains("\"Hoiva \"\"Koti\"\"; ");
    }

    @Test
    void failsOnRequest() {
        simulator.failNext("/export.csv", 1, Fault.HTTP_500);
        assertThat(http.get(simulator.baseUrl() + "/export.csv").statusCode()).isEqualTo(500);
        assertThat(http.get(simulator.baseUrl() + "/export.csv").statusCode()).isEqualTo(200);
        assertThat(simulator.requests("/export.csv")).isEqualTo(2);
    }
}
