package fi.avain.mappings.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.Money;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.mappings.ptv.PtvMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogueMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ComparisonMapper mapper = new ComparisonMapper();

    private ComparisonEntry entry(String businessId, String ptvServiceId) throws Exception {
        return mapper.provider(JSON.readTree("""
                {"businessId": "%s", "name": {"fi": "Aurinko Oy"}, "providerType": "company",
                 "feedbackScore": 4.3, "updatedAt": "2026-10-01T12:00:00Z",
                 "qualityIndicators": [{"name": "nps", "value": 40, "scale": "-100-100", "date": "2026-09-30"}],
                 "services": [{"id": "cmp-1", "ptvServiceId": "%s", "price": "45", "fundingModes": ["voucher"],
                               "feedbackScore": 3.9, "updatedAt": "2026-10-01T12:00:00Z"}]}
                """.formatted(businessId, ptvServiceId)));
    }

    private static ServiceOffering ptvService() throws Exception {
        return new PtvMapper().service(JSON.readTree("""
                {"id": "3668d250-cd80-45c4-abcc-9b2d3a2b3e42", "fundingType": "PubliclyFunded",
                 "serviceNames": [{"language": "fi", "value": "Kotihoito", "type": "Name"}],
                 "publishingStatus": "Published", "modified": "2020-01-01T00:00:00"}
                """));
    }

    @Test
    void addsPriceFundingAndFeedbackButKeepsWhatPtvSaysTheServiceIs() throws Exception {
        ServiceOffering ptv = ptvService();
        ComparisonService comparison = entry("0112038-9", "3668d250-cd80-45c4-abcc-9b2d3a2b3e42").services().get(0);

        ServiceOffering merged = CatalogueMerger.merge(ptv, comparison);

        assertThat(merged.id()).isEqualTo(ptv.id());
        assertThat(merged.source()).isEqualTo(ptv.source());
        assertThat(merged.name()).isEqualTo(ptv.name());
        assertThat(merged.price()).contains(Money.parse("45.00"));
        assertThat(merged.fundingModes()).containsExactly(FundingMode.PUBLIC, FundingMode.VOUCHER);
        assertThat(merged.feedbackScore()).contains(new BigDecimal("3.9"));
        assertThat(merged.modified()).isEqualTo(comparison.offering().modified());
    }

    @Test
    void refusesToMergeAServiceThatDescribesAnotherPtvService() throws Exception {
        ComparisonService comparison = entry("0112038-9", "961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f").services().get(0);

        assertThatThrownBy(() -> CatalogueMerger.merge(ptvService(), comparison))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergesProvidersOnlyWithTheSameBusinessId() throws Exception {
        Provider aurinko = entry("2345678-0", "3668d250-cd80-45c4-abcc-9b2d3a2b3e42").provider();
        Provider other = entry("0112038-9", "3668d250-cd80-45c4-abcc-9b2d3a2b3e42").provider();

        Provider merged = CatalogueMerger.merge(aurinko, aurinko);

        assertThat(merged.qualityIndicators()).hasSize(1);
        assertThat(merged.feedbackScore()).contains(new BigDecimal("4.3"));
        assertThatThrownBy(() -> CatalogueMerger.merge(aurinko, other)).isInstanceOf(IllegalArgumentException.class);
    }
}
