package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.routes.jobs.JobSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The comparison catalogue read from its CSV export instead of the JSON API. */
@TestPropertySource(properties = "avain.connectors.comparison.format=csv")
class ComparisonCsvIT extends AvainIntegrationTest {

    @Test
    void theCsvExportEnrichesPtvServicesAndAddsTheComparisonOnlyProviders() {
        replace(PTV.catalogue(), PtvCatalogue.generate(30, 7, BASE_TIME));
        ComparisonCatalogue comparison = ComparisonCatalogue.generate(PTV.catalogue(), 5);
        ComparisonCatalogueFixtures.replace(COMPARISON, comparison);

        long exportsBefore = COMPARISON.requests("/export.csv");

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(COMPARISON.requests("/export.csv")).isGreaterThan(exportsBefore);
        List<JsonNode> services = ComparisonMergeIT.providers(comparison).stream()
                .flatMap(provider -> ComparisonMergeIT.elements(provider.path("services")).stream()).toList();
        assertThat(services).allSatisfy(row -> {
            String id = row.has("ptvServiceId") ? row.path("ptvServiceId").asText()
                    : ComparisonMergeIT.serviceId(row.path("id").asText()).toString();
            MARKETPLACE.get("services", id).ifPresent(hsds -> assertThat(hsds.path("cost_options").path(0)
                    .path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal(row.path("price").asText())));
        });
        assertThat(services).filteredOn(row -> !row.has("ptvServiceId"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(MARKETPLACE.get("services",
                        ComparisonMergeIT.serviceId(row.path("id").asText()).toString())).isPresent());
    }

    @Test
    void aLineWithAnInvalidBusinessIdEndsInTheErrorStoreWhileTheRestSyncs() {
        replace(PTV.catalogue(), PtvCatalogue.generate(30, 7, BASE_TIME));
        ComparisonCatalogue comparison = ComparisonCatalogue.generate(PTV.catalogue(), 5);
        ComparisonCatalogueFixtures.replace(COMPARISON, comparison);
        Set<String> ptvBusinessIds = PTV.catalogue().ids(PtvKind.Organization).stream()
                .map(id -> PTV.catalogue().item(PtvKind.Organization, id).orElseThrow().path("businessCode").asText())
                .collect(Collectors.toSet());
        JsonNode good = ComparisonMergeIT.providers(comparison).stream()
                .filter(provider -> !ptvBusinessIds.contains(provider.path("businessId").asText())).findFirst().orElseThrow();
        ObjectNode bad = good.deepCopy();
        bad.put("businessId", "1234567-8");
        COMPARISON.catalogue().put(bad);

        JobSummary summary = sync();

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(count(summary, "failed")).isEqualTo(Math.max(1, bad.path("services").size()));
        List<Map<String, Object>> errors = jdbc.sql("select source_id, status, reason from message where status = 'ERROR'")
                .query().listOfRows();
        assertThat(errors).isNotEmpty().allSatisfy(row -> {
            assertThat((String) row.get("source_id")).startsWith("comparison:csv-line:");
            assertThat((String) row.get("reason")).startsWith("comparison CSV line ").contains("businessId");
        });
        assertThat(jdbc.sql("select count(*) from message where source_id like 'comparison:provider:%' and status <> 'ERROR'")
                .query(Long.class).single()).isEqualTo(comparison.businessIds().size());
        assertThat(MARKETPLACE.get("organizations", ComparisonMergeIT.providerId("1234567-8").toString())).isEmpty();
        assertThat(MARKETPLACE.get("organizations",
                ComparisonMergeIT.providerId(good.path("businessId").asText()).toString())).isPresent();
    }
}
