package fi.avain.mappings.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.Money;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonCsvTest {
    private static final String HEADER = String.join(";", ComparisonCsv.COLUMNS) + "\n";
    private static final String AURINKO = "2345678-0;Hoivapalvelu Aurinko Oy;;company;491;4.3;"
            + "asiakastyytyväisyys=4.2/1-5@2026-09-30;2026-10-01T12:00:00Z;";
    private final ComparisonMapper mapper = new ComparisonMapper();

    @Test
    void groupsTheRowsOfOneBusinessIdIntoOneProvider() {
        List<CsvRecord> records = mapper.csv(new StringReader(HEADER
                + AURINKO + "cmp-1;;Kotihoito;Hemvård;P4.1|P4.2;491|178;45.00;hour;voucher|personal_budget;4.1;"
                + "suositteluhalukkuus=87/0-100@2026-09-30;2026-10-01T12:00:00Z\n"
                + "0112038-9;\"Yhdistys; ry\";;ngo;;;;2026-10-01T12:00:00Z;;;;;;;;;;;;\n"
                + AURINKO + "cmp-2;3668d250-cd80-45c4-abcc-9b2d3a2b3e42;;;;;12.5;;free;;;2026-10-01T12:00:00Z\n"));

        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2, 3);
        ComparisonEntry aurinko = records.get(0).entry().orElseThrow();
        assertThat(aurinko.provider().qualityIndicators()).hasSize(1);
        assertThat(aurinko.services()).hasSize(2);
        assertThat(aurinko.services().get(0).offering().price()).contains(Money.parse("45.00"));
        assertThat(aurinko.services().get(0).offering().fundingModes())
                .containsExactly(FundingMode.VOUCHER, FundingMode.PERSONAL_BUDGET);
        assertThat(aurinko.services().get(1).ptvServiceId()).isPresent();
        ComparisonEntry ngo = records.get(1).entry().orElseThrow();
        assertThat(ngo.provider().name().preferred()).contains("Yhdistys; ry");
        assertThat(ngo.services()).isEmpty();
    }

    @Test
    void reportsEachBrokenLineWithItsNumberAndReadsTheRest() {
        List<CsvRecord> records = mapper.csv(new StringReader(HEADER
                + "2345678-1;Väärä Oy;;company;;;;2026-10-01T12:00:00Z;;;;;;;;;;;;\n"
                + AURINKO + "cmp-1;;Kotihoito;;;;45.001;;;;;2026-10-01T12:00:00Z\n"
                + "too;few;fields\n"
                + "0112038-9;\"unclosed;;ngo;;;;2026-10-01T12:00:00Z;;;;;;;;;;;;\n"));

        assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2, 3, 4, 5);
        assertThat(records).allSatisfy(r -> assertThat(r.entry()).isEmpty());
        assertThat(records).extracting(r -> r.error().orElseThrow()).containsExactly(
                "provider.businessId: check digit does not match",
                "service.price: must be euros with at most two decimals",
                "csv: line has 3 fields, the header 20",
                "csv: a quoted field is not closed");
    }

    @Test
    void refusesAHeaderWithoutTheDocumentedColumns() {
        List<CsvRecord> records = mapper.csv(new StringReader("business_id;name\n2345678-0;x\n"));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(1);
            assertThat(r.error().orElseThrow()).startsWith("header: missing columns provider_name_fi");
        });
    }
}
