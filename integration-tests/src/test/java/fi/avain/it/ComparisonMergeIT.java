package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.routes.jobs.JobSummary;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comparison catalogue merged into PTV's items on their way to the marketplace. */
class ComparisonMergeIT extends AvainIntegrationTest {
    private ComparisonCatalogue comparison;

    @BeforeEach
    void loadCatalogues() {
        replace(PTV.catalogue(), PtvCatalogue.generate(30, 7, BASE_TIME));
        comparison = ComparisonCatalogue.generate(PTV.catalogue(), 5);
        ComparisonCatalogueFixtures.replace(COMPARISON, comparison);
    }

    static UUID providerId(String businessId) {
        return UUID.nameUUIDFromBytes(("comparison:provider:" + businessId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID serviceId(String comparisonId) {
        return UUID.nameUUIDFromBytes(("comparison:service:" + comparisonId).getBytes(StandardCharsets.UTF_8));
    }

    static List<JsonNode> providers(ComparisonCatalogue catalogue) {
        return catalogue.businessIds().stream().map(id -> catalogue.provider(id).orElseThrow()).toList();
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private Set<String> ptvBusinessIds() {
        return PTV.catalogue().ids(PtvKind.Organization).stream()
                .map(id -> PTV.catalogue().item(PtvKind.Organization, id).orElseThrow().path("businessCode").asText())
                .collect(Collectors.toSet());
    }

    private List<JsonNode> comparisonOnlyProviders() {
        Set<String> ptv = ptvBusinessIds();
        return providers(comparison).stream().filter(p -> !ptv.contains(p.path("businessId").asText())).toList();
    }

    @Test
    void aLinkedPtvServiceGetsItsPriceFundingModesAndQualityIndicators() {
        sync();

        List<JsonNode> linked = providers(comparison).stream()
                .flatMap(provider -> elements(provider.path("services")).stream())
                .filter(service -> service.has("ptvServiceId"))
                .filter(service -> MARKETPLACE.get("services", service.path("ptvServiceId").asText()).isPresent())
                .toList();
        assertThat(linked).isNotEmpty();
        for (JsonNode row : linked) {
            JsonNode hsds = MARKETPLACE.get("services", row.path("ptvServiceId").asText()).orElseThrow();
            assertThat(hsds.path("cost_options")).singleElement().satisfies(cost -> {
                assertThat(cost.path("currency").asText()).isEqualTo("EUR");
                assertThat(cost.path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal(row.path("price").asText()));
            });
            // PTV's own funding type stays; the catalogue's modes are added to it.
            assertThat(elements(hsds.path("funding"))).extracting(funding -> funding.path("source").asText())
                    .containsAll(elements(row.path("fundingModes")).stream().map(JsonNode::asText).toList());
            assertThat(elements(hsds.path("attributes")))
                    .filteredOn(attribute -> "quality-indicator".equals(attribute.path("taxonomy_term").path("taxonomy").asText()))
                    .extracting(attribute -> attribute.path("taxonomy_term").path("name").asText())
                    .containsExactlyInAnyOrderElementsOf(elements(row.path("qualityIndicators")).stream()
                            .map(indicator -> indicator.path("name").asText()).toList());
        }
    }

    @Test
    void aComparisonOnlyProviderBecomesAnOrganizationWithItsServices() {
        sync();

        List<JsonNode> own = comparisonOnlyProviders();
        assertThat(own).isNotEmpty();
        for (JsonNode provider : own) {
            String organization = providerId(provider.path("businessId").asText()).toString();
            assertThat(MARKETPLACE.get("organizations", organization)).as(provider.path("businessId").asText()).isPresent();
            for (JsonNode row : elements(provider.path("services"))) {
                JsonNode service = MARKETPLACE.get("services", serviceId(row.path("id").asText()).toString()).orElseThrow();
                assertThat(service.path("organization_id").asText()).isEqualTo(organization);
                assertThat(service.path("cost_options")).isNotEmpty();
            }
        }
    }

    @Test
    void aProviderThatIsAPtvOrganisationIsNotDuplicated() {
        sync();

        Set<String> ptv = ptvBusinessIds();
        List<String> shared = providers(comparison).stream().map(p -> p.path("businessId").asText())
                .filter(ptv::contains).toList();
        assertThat(shared).isNotEmpty();
        List<JsonNode> organizations = MARKETPLACE.ids("organizations").stream()
                .map(id -> MARKETPLACE.get("organizations", id).orElseThrow()).toList();
        for (String businessId : shared) {
            assertThat(MARKETPLACE.get("organizations", providerId(businessId).toString())).isEmpty();
            assertThat(organizations).filteredOn(organization -> elements(organization.path("organization_identifiers"))
                    .stream().anyMatch(identifier -> businessId.equals(identifier.path("identifier").asText())))
                    .hasSizeLessThanOrEqualTo(1);
        }
        assertThat(organizations).anySatisfy(organization -> assertThat(shared).anyMatch(businessId ->
                elements(organization.path("organization_identifiers")).stream()
                        .anyMatch(identifier -> businessId.equals(identifier.path("identifier").asText()))));
    }

    @Test
    void aProviderWithAnInvalidBusinessIdEndsInTheErrorStoreWhileTheRestSyncs() {
        ObjectNode bad = (ObjectNode) comparisonOnlyProviders().get(0).deepCopy();
        bad.put("businessId", "1234567-8");
        COMPARISON.catalogue().put(bad);

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(count(summary, "failed")).isEqualTo(1);
        Map<String, Object> error = jdbc.sql("select status, reason from message where source_id = :s")
                .param("s", "comparison:provider:1234567-8").query().singleRow();
        assertThat(error.get("status")).isEqualTo("ERROR");
        assertThat((String) error.get("reason")).contains("businessId");
        assertThat(MARKETPLACE.get("organizations", providerId("1234567-8").toString())).isEmpty();
        assertThat(MARKETPLACE.get("organizations",
                providerId(comparisonOnlyProviders().get(0).path("businessId").asText()).toString())).isPresent();
    }

    @Test
    void aProviderRemovedFromTheComparisonCatalogueIsDeletedDownstream() {
        JsonNode gone = comparisonOnlyProviders().stream()
                .filter(provider -> provider.path("services").size() > 0).findFirst().orElseThrow();
        List<String> services = elements(gone.path("services")).stream()
                .map(row -> serviceId(row.path("id").asText()).toString()).toList();
        String organization = providerId(gone.path("businessId").asText()).toString();
        sync();
        assertThat(MARKETPLACE.ids("services")).containsAll(services);

        COMPARISON.catalogue().remove(gone.path("businessId").asText());
        JobSummary summary = sync();

        assertThat(count(summary, "deleted")).isGreaterThanOrEqualTo(services.size() + 1L);
        assertThat(MARKETPLACE.ids("services")).doesNotContainAnyElementsOf(services);
        assertThat(MARKETPLACE.get("organizations", organization)).isEmpty();
        assertThat(jdbc.sql("select count(*) from catalogue_item where id = :id").param("id", UUID.fromString(organization))
                .query(Long.class).single()).isZero();
    }
}
