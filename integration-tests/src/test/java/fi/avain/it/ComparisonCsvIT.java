package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.connectors.comparison.ComparisonCatalogue;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.routes.jobs.JobSummary;
import java.math.BigDecimal;
import java.util.List;
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
}
