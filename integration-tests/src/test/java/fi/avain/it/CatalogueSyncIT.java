package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.connectors.simulator.Fault;
import fi.avain.routes.jobs.JobSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogueSyncIT extends AvainIntegrationTest {

    private PtvCatalogue catalogue(int services) {
        PtvCatalogue generated = PtvCatalogue.generate(services, 7, BASE_TIME);
        replace(PTV.catalogue(), generated);
        return PTV.catalogue();
    }

    private long published(PtvKind kind) {
        return PTV.catalogue().ids(kind).stream()
                .map(id -> PTV.catalogue().item(kind, id).orElseThrow())
                .filter(item -> "Published".equals(item.path("publishingStatus").asText()))
                .count();
    }

    private long copyCount(String type) {
        return jdbc.sql("select count(*) from catalogue_item where hsds_type = :t").param("t", type).query(Long.class).single();
    }

    private List<Map<String, Object>> errors() {
        return jdbc.sql("select source_id, reason from message where flow = 'catalogue-sync' and status = 'ERROR'")
                .query().listOfRows();
    }

    @Test
    void theFirstSyncCreatesEveryPublishedServiceInTheMarketplaceAndTheCopy() {
        catalogue(40);

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(count(summary, "failed")).isZero();
        assertThat(count(summary, "created")).isPositive();
        assertThat(MARKETPLACE.ids("services")).hasSize((int) published(PtvKind.Service));
        assertThat(copyCount("service")).isEqualTo(published(PtvKind.Service));
        assertThat(MARKETPLACE.ids("organizations")).isNotEmpty();
        assertThat(MARKETPLACE.ids("locations")).isNotEmpty();
        assertThat(MARKETPLACE.ids("service_at_locations")).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from message where flow = 'catalogue-sync' and status = 'RECEIVED'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSecondSyncWithNothingChangedReportsOnlyUnchangedItems() {
        catalogue(30);
        sync();
        long putsAfterFirst = MARKETPLACE.puts("services");

        JobSummary second = sync();

        assertThat(count(second, "created")).isZero();
        assertThat(count(second, "updated")).isZero();
        assertThat(count(second, "deleted")).isZero();
        assertThat(count(second, "failed")).isZero();
        assertThat(MARKETPLACE.puts("services")).isEqualTo(putsAfterFirst);
        assertThat(second.status()).isEqualTo(JobSummary.Status.DONE);
    }

    @Test
    void aChangedServiceIsUpdatedAndAnArchivedOneIsDeletedDownstream() {
        PtvCatalogue ptv = catalogue(30);
        sync();
        List<String> services = ptv.ids(PtvKind.Service).stream()
                .filter(id -> MARKETPLACE.get("services", id).isPresent()).toList();
        String changed = services.get(0);
        String archived = services.get(1);
        ObjectNode item = (ObjectNode) ptv.item(PtvKind.Service, changed).orElseThrow();
        ((ObjectNode) item.withArray("serviceNames").get(0)).put("value", "Uusi nimi");
        item.put("modified", "2026-11-01T10:00:00.123456");
        ptv.put(PtvKind.Service, item);
        ptv.archive(PtvKind.Service, archived, java.time.Instant.parse("2026-11-01T10:00:00Z"));

        JobSummary summary = sync();

        assertThat(count(summary, "updated")).isEqualTo(1);
        assertThat(count(summary, "deleted")).isEqualTo(1);
        assertThat(MARKETPLACE.get("services", changed).orElseThrow().toString()).contains("Uusi nimi");
        assertThat(MARKETPLACE.get("services", archived)).isEmpty();
        assertThat(jdbc.sql("select count(*) from catalogue_item where id = :id")
                .param("id", java.util.UUID.fromString(archived)).query(Long.class).single()).isZero();
    }

    @Test
    void aServiceThatLeavesAPlaceAndAChannelThatStopsBeingOneLoseTheirServiceAtLocations() {
        PtvCatalogue ptv = catalogue(30);
        sync();
        List<Map<String, Object>> links = jdbc.sql("""
                select parent_id, ref_id from catalogue_item where hsds_type = 'service_at_location'
                order by id""").query().listOfRows();
        assertThat(links).hasSizeGreaterThanOrEqualTo(2);
        String service = links.get(0).get("parent_id").toString();
        String leftPlace = links.get(0).get("ref_id").toString();
        String closedPlace = links.stream().map(l -> l.get("ref_id").toString())
                .filter(place -> !place.equals(leftPlace)).findFirst().orElseThrow();
        ObjectNode serviceItem = (ObjectNode) ptv.item(PtvKind.Service, service).orElseThrow();
        com.fasterxml.jackson.databind.node.ArrayNode channels = serviceItem.withArray("serviceChannels");
        for (int i = channels.size() - 1; i >= 0; i--) {
            if (leftPlace.equals(channels.get(i).path("serviceChannel").path("id").asText())) {
                channels.remove(i);
            }
        }
        serviceItem.put("modified", "2026-11-01T10:00:00.123456");
        ptv.put(PtvKind.Service, serviceItem);
        ObjectNode channelItem = (ObjectNode) ptv.item(PtvKind.ServiceChannel, closedPlace).orElseThrow();
        channelItem.put("serviceChannelType", "WebPage");
        channelItem.put("modified", "2026-11-01T10:00:00.123456");
        ptv.put(PtvKind.ServiceChannel, channelItem);

        JobSummary summary = sync();

        assertThat(count(summary, "failed")).isZero();
        assertThat(jdbc.sql("""
                select count(*) from catalogue_item where hsds_type = 'service_at_location'
                and ((parent_id = :service and ref_id = :left) or ref_id = :closed)""")
                .param("service", java.util.UUID.fromString(service))
                .param("left", java.util.UUID.fromString(leftPlace))
                .param("closed", java.util.UUID.fromString(closedPlace))
                .query(Long.class).single()).isZero();
        assertThat(MARKETPLACE.get("locations", closedPlace)).isEmpty();
        assertThat(MARKETPLACE.ids("service_at_locations")).hasSize((int) copyCount("service_at_location"));
        assertThat(MARKETPLACE.get("services", service)).isPresent();
    }

    @Test
    void badItemsEndInTheErrorStoreWithTheirReasonsWhileTheOthersSync() {
        PtvCatalogue ptv = catalogue(30);
        String organization = ptv.ids(PtvKind.Organization).get(0);
        ObjectNode badOrganization = (ObjectNode) ptv.item(PtvKind.Organization, organization).orElseThrow();
        badOrganization.put("businessCode", "1234567-8");
        badOrganization.put("publishingStatus", "Published");
        ptv.put(PtvKind.Organization, badOrganization);
        String channel = ptv.ids(PtvKind.ServiceChannel).stream()
                .filter(id -> "ServiceLocation".equals(ptv.item(PtvKind.ServiceChannel, id).orElseThrow()
                        .path("serviceChannelType").asText()))
                .findFirst().orElseThrow();
        ObjectNode badChannel = (ObjectNode) ptv.item(PtvKind.ServiceChannel, channel).orElseThrow();
        ((ObjectNode) badChannel.withArray("addresses").get(0).path("streetAddress").path("municipality")).put("code", "49X");
        badChannel.put("publishingStatus", "Published");
        ptv.put(PtvKind.ServiceChannel, badChannel);
        String malformed = "6c00d407-d3fd-4c7e-a373-57be9f3b2cf0";
        ptv.putRaw(PtvKind.Service, malformed, "{\"id\":\"" + malformed + "\",\"publishingStatus\":\"Published\","
                + "\"modified\":\"2026-01-01T00:00:00\",\"serviceNames\":\"not a list\"}");

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(count(summary, "failed")).isEqualTo(3);
        assertThat(count(summary, "created")).isPositive();
        assertThat(errors()).extracting(row -> row.get("source_id")).containsExactlyInAnyOrder(
                "ptv:Organization:" + organization, "ptv:ServiceChannel:" + channel, "ptv:Service:" + malformed);
        assertThat(errors()).allSatisfy(row -> assertThat((String) row.get("reason")).isNotBlank());
        assertThat(MARKETPLACE.get("organizations", organization)).isEmpty();
        assertThat(MARKETPLACE.get("locations", channel)).isEmpty();
        assertThat(MARKETPLACE.get("services", malformed)).isEmpty();
    }

    enum PtvFailure { HTTP_500, HTTP_400, NOT_JSON, OVERSIZE, TIMEOUT, RESET }

    @ParameterizedTest
    @EnumSource(PtvFailure.class)
    void aFailingPtvListCallEndsInTheErrorStoreAndTheRestSyncs(PtvFailure failure) {
        catalogue(30);
        PTV.failPath("/api/v11/Service/list", Fault.valueOf(failure.name()));

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(count(summary, "failed")).isPositive();
        assertThat(MARKETPLACE.ids("services")).isEmpty();
        assertThat(MARKETPLACE.ids("organizations")).isNotEmpty();
        assertThat(errors()).anySatisfy(row -> assertThat((String) row.get("source_id")).isEqualTo("ptv:Service:list"));
        assertThat(jdbc.sql("select count(*) from sync_watermark where kind = 'Service'").query(Long.class).single()).isZero();

        PTV.clearFaults();
        JobSummary next = sync();
        assertThat(count(next, "failed")).isZero();
        assertThat(MARKETPLACE.ids("services")).hasSize((int) published(PtvKind.Service));
    }

    @Test
    void aPageThatIsNotJsonFailsTheKindWithoutAdvancingItsWatermark() {
        catalogue(10);
        PTV.failNext("/api/v11/Organization", 10, Fault.NOT_JSON);

        JobSummary summary = sync();

        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(MARKETPLACE.ids("organizations")).isEmpty();
        assertThat(jdbc.sql("select count(*) from sync_watermark where kind = 'Organization'").query(Long.class).single()).isZero();
        assertThat(errors()).anySatisfy(row -> assertThat((String) row.get("reason")).contains("not JSON"));
    }

    @Test
    void anErrorItemReplayedAfterTheMarketplaceRecoversEndsProcessed() {
        PtvCatalogue ptv = catalogue(10);
        String service = ptv.ids(PtvKind.Service).stream()
                .filter(id -> "Published".equals(ptv.item(PtvKind.Service, id).orElseThrow().path("publishingStatus").asText()))
                .findFirst().orElseThrow();
        MARKETPLACE.failPath("/services/" + service, Fault.HTTP_500);
        sync();
        Map<String, Object> error = jdbc.sql("select id, reason from message where source_id = :s and status = 'ERROR'")
                .param("s", "ptv:Service:" + service).query().singleRow();
        assertThat((String) error.get("reason")).contains("500");

        MARKETPLACE.clearFaults();
        var response = post("/api/v1/messages/" + error.get("id") + "/replay", OPERATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("status").asText()).isEqualTo("PROCESSED");
        assertThat(MARKETPLACE.get("services", service)).isPresent();
        assertThat(jdbc.sql("select status from message where id = :id").param("id", error.get("id"))
                .query(String.class).single()).isEqualTo("PROCESSED");
        JsonNode again = json(post("/api/v1/messages/" + error.get("id") + "/replay", OPERATOR_KEY).body());
        assertThat(again.path("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    void aFullSyncRemovesWhatPtvNoLongerLists() {
        PtvCatalogue ptv = catalogue(20);
        sync();
        String gone = ptv.ids(PtvKind.Service).stream()
                .filter(id -> MARKETPLACE.get("services", id).isPresent()).findFirst().orElseThrow();
        ptv.remove(PtvKind.Service, gone);

        JobSummary summary = fullSync();

        assertThat(count(summary, "deleted")).isEqualTo(1);
        assertThat(MARKETPLACE.get("services", gone)).isEmpty();
    }

    @Test
    void aFullSyncKeepsAnItemThatPtvStillListsButNowFailsToMap() {
        PtvCatalogue ptv = catalogue(20);
        sync();
        String organization = ptv.ids(PtvKind.Organization).stream()
                .filter(id -> MARKETPLACE.get("organizations", id).isPresent()).findFirst().orElseThrow();
        ObjectNode broken = (ObjectNode) ptv.item(PtvKind.Organization, organization).orElseThrow();
        broken.put("businessCode", "1234567-8");
        broken.put("modified", "2026-11-01T10:00:00");
        ptv.put(PtvKind.Organization, broken);

        JobSummary summary = fullSync();

        assertThat(count(summary, "failed")).isEqualTo(1);
        assertThat(count(summary, "deleted")).isZero();
        assertThat(MARKETPLACE.get("organizations", organization)).isPresent();
    }
}
