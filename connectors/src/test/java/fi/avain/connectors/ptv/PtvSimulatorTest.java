package fi.avain.connectors.ptv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.simulator.Fault;
import fi.avain.connectors.simulator.LoopbackClient;
import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.MunicipalityCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PtvSimulatorTest {
    private static final Instant BASE = Instant.parse("2026-10-01T12:00:00Z");
    private final LoopbackClient http = new LoopbackClient();
    private final PtvCatalogue catalogue = PtvCatalogue.generate(200, 42, BASE);
    private final PtvSimulator simulator = PtvSimulator.start(catalogue);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagesThroughEveryPublishedServiceInStableOrder() {
        simulator.pageSize(30);
        List<String> seen = new ArrayList<>();
        JsonNode first = http.json(simulator.baseUrl() + "/Service?page=1");
        int pageCount = first.get("pageCount").asInt();
        for (int page = 1; page <= pageCount; page++) {
            JsonNode body = http.json(simulator.baseUrl() + "/Service?page=" + page);
            assertThat(body.get("pageNumber").asInt()).isEqualTo(page);
            body.get("itemList").forEach(item -> seen.add(item.get("id").asText()));
        }
        long published = catalogue.ids(PtvKind.Service).stream()
                .filter(id -> catalogue.item(PtvKind.Service, id).orElseThrow().get("publishingStatus").asText().equals("Published"))
                .count();
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) published);
        assertThat(published).isLessThan(200);
    }

    @Test
    void filtersByTheDateWatermark() {
        String id = catalogue.ids(PtvKind.Service).stream()
                .filter(candidate -> catalogue.item(PtvKind.Service, candidate).orElseThrow()
                        .get("publishingStatus").asText().equals("Published"))
                .findFirst().orElseThrow();
        catalogue.touch(PtvKind.Service, id, BASE.plusSeconds(60));
        JsonNode body = http.json(simulator.baseUrl() + "/Service?date=" + PtvTime.watermark(BASE.plusSeconds(1)));
        assertThat(body.get("itemList")).extracting(item -> item.get("id").asText()).containsExactly(id);
    }

    @Test
    void anItemRenderedAheadIsServedAsItWasRenderedOnDemandAndStillChanges() {
        PtvCatalogue ahead = PtvCatalogue.generate(200, 42, BASE);
        ahead.renderAhead();
        for (PtvKind kind : PtvKind.values()) {
            for (String id : catalogue.ids(kind)) {
                assertThat(ahead.json(kind, id)).get().isEqualTo(catalogue.json(kind, id).orElseThrow());
            }
        }
        String id = ahead.ids(PtvKind.Service).get(0);
        ahead.archive(PtvKind.Service, id, BASE.plusSeconds(60));
        JsonNode archived = ahead.item(PtvKind.Service, id).orElseThrow();
        assertThat(archived.get("publishingStatus").asText()).isEqualTo("Archived");
        assertThat(archived.get("modified").asText()).isEqualTo(PtvTime.modified(BASE.plusSeconds(60)));
        assertThat(ahead.publishedJson(PtvKind.Service, id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-01", "2026-10-01T12:00:00Z", "2026-10-01T12:00:00.000", "yesterday"})
    void rejectsADateInAnyOtherFormat(String date) {
        var response = http.get(simulator.baseUrl() + "/Service?date=" + date);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void listsArchivedAndWithdrawnItemsByStatus() {
        assertThat(http.json(simulator.baseUrl() + "/Service?status=Archived").get("itemList")).isNotEmpty();
        assertThat(http.json(simulator.baseUrl() + "/Service?status=Withdrawn").get("itemList")).isNotEmpty();
    }

    @Test
    void pagesShowAChangeMadeBetweenTwoReadsOfTheSamePage() {
        simulator.pageSize(1000);
        java.util.function.Supplier<List<String>> archived = () -> {
            List<String> ids = new ArrayList<>();
            http.json(simulator.baseUrl() + "/Service?status=Archived").get("itemList")
                    .forEach(item -> ids.add(item.get("id").asText()));
            return ids;
        };
        List<String> before = archived.get();
        String published = catalogue.ids(PtvKind.Service).stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();

        catalogue.archive(PtvKind.Service, published, BASE.plusSeconds(5));
        assertThat(archived.get()).hasSize(before.size() + 1).contains(published);

        catalogue.remove(PtvKind.Service, published);
        assertThat(archived.get()).containsExactlyElementsOf(before);
    }

    @Test
    void servesTheCapturedOntologyTermsInEveryGeneratedItem() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode captured;
        try (var in = PtvItems.class.getResourceAsStream("otava_service_channel.json")) {
            captured = json.readTree(in).get("ontologyTerms");
        }
        String id = catalogue.ids(PtvKind.ServiceChannel).get(3);

        JsonNode served = http.json(simulator.baseUrl() + "/ServiceChannel/list?guids=" + id).get(0);

        assertThat(captured).isNotEmpty();
        assertThat(served.get("ontologyTerms")).isEqualTo(captured);
        assertThat(served.get("id").asText()).isEqualTo(id);
    }

    @Test
    void returnsFullItemsForGuidsAndLeavesUnknownAndUnpublishedOnesOut() {
        List<String> ids = catalogue.ids(PtvKind.Service).stream().filter(id -> published(PtvKind.Service, id))
                .limit(5).toList();
        String archived = catalogue.ids(PtvKind.Service).stream().filter(id -> !published(PtvKind.Service, id))
                .findFirst().orElseThrow();
        JsonNode list = http.json(simulator.baseUrl() + "/Service/list?guids=" + String.join(",", ids)
                + ",00000000-0000-4000-8000-000000000000," + archived);
        assertThat(list).hasSize(5);
        assertThat(list.get(0).get("serviceNames")).isNotEmpty();
    }

    @Test
    void answers404AsPtvDoesWhenNothingListedIsPublished() {
        String archived = catalogue.ids(PtvKind.ServiceChannel).stream()
                .filter(id -> !published(PtvKind.ServiceChannel, id)).findFirst().orElseThrow();
        var response = http.get(simulator.baseUrl() + "/ServiceChannel/list?guids=" + archived
                + ",00000000-0000-4000-8000-000000000000");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"errorMessage\":\"Service channels not found.\"}");
    }

    private boolean published(PtvKind kind, String id) {
        return catalogue.item(kind, id).orElseThrow().path("publishingStatus").asText().equals("Published");
    }

    @Test
    void refusesMoreThanAHundredGuids() {
        String guids = IntStream.range(0, 101).mapToObj(i -> "g" + i).collect(Collectors.joining(","));
        assertThat(http.get(simulator.baseUrl() + "/Service/list?guids=" + guids).statusCode()).isEqualTo(400);
    }

    @Test
    void servesOneItemOr404() {
        String id = catalogue.ids(PtvKind.Organization).get(0);
        assertThat(http.json(simulator.baseUrl() + "/Organization/" + id).get("id").asText()).isEqualTo(id);
        assertThat(http.get(simulator.baseUrl() + "/Organization/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void servesARawItemVerbatimInsideTheList() {
        catalogue.putRaw(PtvKind.Service, "raw-1", "{\"id\":\"raw-1\",\"serviceNames\":");
        var response = http.get(simulator.baseUrl() + "/Service/list?guids=raw-1");
        assertThat(response.body()).isEqualTo("[{\"id\":\"raw-1\",\"serviceNames\":]");
    }

    @Test
    void generatesValidOrganisationsWithRealMunicipalityCodes() {
        Set<String> types = new HashSet<>();
        for (String id : catalogue.ids(PtvKind.Organization)) {
            JsonNode organization = catalogue.item(PtvKind.Organization, id).orElseThrow();
            BusinessId.parse(organization.get("businessCode").asText());
            MunicipalityCode.parse(organization.get("municipality").get("code").asText());
            types.add(organization.get("organizationType").asText());
        }
        assertThat(types).containsExactlyInAnyOrder("Municipality", "Company", "Organization");
        assertThat(catalogue.size(PtvKind.Organization)).isEqualTo(20);
        assertThat(catalogue.size(PtvKind.ServiceChannel)).isBetween(200, 400);
    }

    @Test
    void generatesTheAwkwardCases() {
        List<JsonNode> services = catalogue.ids(PtvKind.Service).stream()
                .map(id -> catalogue.item(PtvKind.Service, id).orElseThrow()).toList();
        assertThat(services).anyMatch(s -> s.get("languages").toString().contains("\"se\""));
        assertThat(services).anyMatch(s -> s.get("languages").toString().equals("[\"sv\"]"));
        assertThat(services).anyMatch(s -> s.get("serviceDescriptions").get(1).get("value").isNull());
        assertThat(services).anyMatch(s -> s.get("serviceVouchersInUse").asBoolean()
                && s.get("fundingType").asText().equals("PubliclyFunded"));
        assertThat(services).anyMatch(s -> s.get("serviceClasses").get(0).get("newUri").asText()
                .equals("http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P4.1"));
    }

    @Test
    void generatesTheSameCatalogueFromTheSameSeed() {
        PtvCatalogue again = PtvCatalogue.generate(200, 42, BASE);
        String id = catalogue.ids(PtvKind.Service).get(17);
        assertThat(again.item(PtvKind.Service, id)).isEqualTo(catalogue.item(PtvKind.Service, id));
    }

    @Test
    void injectsFaultsAndCountsRequests() {
        simulator.failNext(2, Fault.HTTP_500);
        assertThat(http.get(simulator.baseUrl() + "/Service").statusCode()).isEqualTo(500);
        assertThat(http.get(simulator.baseUrl() + "/Service").statusCode()).isEqualTo(500);
        assertThat(http.get(simulator.baseUrl() + "/Service").statusCode()).isEqualTo(200);
        simulator.failPath("/api/v11/Organization", Fault.NOT_JSON);
        assertThat(http.get(simulator.baseUrl() + "/Organization").body()).startsWith("<html>");
        assertThat(simulator.requests("/api/v11/Service")).isEqualTo(3);
    }
}
