package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.routes.reports.ReportFigures.BudgetUse;
import fi.avain.routes.reports.ReportFigures.ByServiceClass;
import fi.avain.routes.reports.ReportFigures.Group;
import fi.avain.routes.reports.ReportFigures.Monthly;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page from figures: well-formed whatever the text in them, and the service gaps as far as they can be read. */
class CostReportHtmlTest {
    private static final String CARE = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P6.10";

    @TempDir
    Path reports;

    @Test
    void textFromTheDataIsEscapedAndServiceClassesShowByTheirCode() throws Exception {
        String html = CostReportHtml.render(figures("<b>Perheet & \"muut\"</b>"), Optional.empty());

        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("&lt;b&gt;Perheet &amp; &quot;muut&quot;&lt;/b&gt;").doesNotContain("<b>")
                .contains("P6.10").doesNotContain("uri.suomi.fi").doesNotContain("Service gaps");
    }

    @Test
    void theServiceGapsAreShownWhenTheirFileIsThere() throws Exception {
        gaps("""
                {"generatedAt": "2026-03-31T02:00:00Z", "needs": [
                  {"tenant": "t1", "municipality": "091", "serviceClass": "%s", "clients": 7, "services": 0,
                   "providers": 0, "status": "none"},
                  {"tenant": "t1", "municipality": null, "serviceClass": "P6.11", "clients": "12",
                   "status": "single", "extra": {"ignored": true}},
                  "not a need",
                  {"tenant": "t1", "status": "<script>alert(1)</script>"}
                ]}""".formatted(CARE));

        String html = CostReportHtml.render(figures("elderly"), ServiceGapsFile.read(reports));

        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("Service gaps", "2026-03-31T02:00:00Z", "<td>091</td>", "status-none",
                "status-single", "&lt;script&gt;").doesNotContain("<script");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|the file is not valid JSON",
            "[1, 2]|the file does not hold a JSON object",
            "{\"needs\": {}}|the file has no list of needs"})
    void aServiceGapsFileThatCannotBeReadIsNamedNotFatal(String content, String why) throws Exception {
        gaps(content);

        String html = CostReportHtml.render(figures("elderly"), ServiceGapsFile.read(reports));

        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("The service gaps could not be shown: " + why);
    }

    private void gaps(String json) throws Exception {
        Path dir = Files.createDirectories(reports.resolve(ServiceGapsFile.DIR));
        Files.writeString(dir.resolve(ServiceGapsFile.FILE), json);
    }

    private static ReportFigures figures(String group) {
        ReportPeriod period = ReportPeriod.parse("2026-03");
        BigDecimal ten = new BigDecimal("10.00");
        List<Monthly> monthly = new ArrayList<>();
        period.months().forEach(m -> monthly.add(new Monthly("t1", group, "HB", m.toString(), 5, ten, ten,
                new BigDecimal("20.00"), false)));
        Group hb = new Group("t1", group, group, "HB", 5, ten, ten, ten, ten, 3L, ten, ten, ten, ten, ten, ten, ten,
                ten, "kykyviisari", 5, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("-0.500"), null, false, null,
                null, false);
        return new ReportFigures("2026-03", period.months().stream().map(Object::toString).toList(),
                Instant.parse("2026-04-01T03:00:00Z"), 5, Map.of("t1", "kykyviisari"),
                new ReportFigures.Summary(1, 5, 12, 1, 0), List.of(hb), List.of(), monthly,
                List.of(new ByServiceClass("t1", CARE, "voucher", 5, ten, ten, ten, ten, ten, 4L, false)),
                List.of(new BudgetUse("t1", "Kotihoito", 5, 5, ten, ten, ten, ten, false)));
    }
}
