package fi.avain.routes.reports;

import static fi.avain.routes.reports.ReportFixture.HOME_CARE;
import static fi.avain.routes.reports.ReportFixture.KYKYVIISARI;
import static fi.avain.routes.reports.ReportFixture.MEALS;
import static fi.avain.routes.reports.ReportFixture.hetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.reports.ReportFixture.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A year of a realistic county: HB clients in three client groups spending by card and voucher month
 * after month, a control group with imported costs and hours, outcome measurements, and a group too
 * small to show. Nothing the report writes or answers may carry an identity code, nor the ledger's own
 * ids and pseudonyms that would tie a row back to the ledger.
 */
@CostReportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostReportPrivacyIT {
    static final String PERIOD = "2026-03";
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    @Autowired
    ApplicationContext context;
    @Autowired
    JobRunner jobs;
    @Autowired
    MockMvc mvc;
    @Value("${avain.data-dir}")
    Path dataDir;

    final List<String> codes = new ArrayList<>();
    JobSummary summary;
    ReportFixture fixture;

    @BeforeAll
    void bookAYear() {
        fixture = new ReportFixture(context);
        Random random = new Random(20260331);
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("elderly", 12);
        groups.put("disability", 9);
        groups.put("family", 7);
        groups.put("carers", 2);
        int n = 100;
        for (Map.Entry<String, Integer> group : groups.entrySet()) {
            for (int i = 0; i < group.getValue(); i++) {
                hbClient(hetu(n++), group.getKey(), random);
            }
        }
        for (String group : List.of("elderly", "disability")) {
            for (int i = 0; i < 8; i++) {
                controlClient(hetu(n++), group, random);
            }
        }
        fixture.clock.set(Instant.parse("2026-04-01T02:00:00Z"));
        summary = jobs.run("cost-report", Map.of("period", PERIOD), JobProgress.NONE);
    }

    private void hbClient(String code, String group, Random random) {
        codes.add(code);
        LocalDate start = LocalDate.parse("2025-04-01").plusDays(random.nextInt(60));
        Instant planned = start.atTime(9, 0).atZone(ReportPeriod.ZONE).toInstant();
        Budget budget = fixture.budget(code, group, "hb", start, start.plusYears(1).minusDays(1),
                200000 + random.nextInt(300000), 50000 + random.nextInt(50000), planned);
        Instant at = planned.plus(Duration.ofDays(3));
        for (int spend = 0; spend < 4 + random.nextInt(4); spend++) {
            at = at.plus(Duration.ofDays(10 + random.nextInt(30)));
            long cents = 500 + random.nextInt(4000);
            String authorization = fixture.authorize(budget, cents, at);
            if (random.nextInt(5) > 0) {
                fixture.capture(budget, authorization, cents - random.nextInt(300), at.plus(Duration.ofDays(2)));
            }
        }
        LocalDate from = start.plusMonths(2).withDayOfMonth(1);
        String voucher = fixture.voucher(budget, 60000, from, from.plusMonths(6),
                from.atTime(8, 0).atZone(ReportPeriod.ZONE).toInstant());
        for (int visit = 0; visit < 3 + random.nextInt(4); visit++) {
            LocalDate day = from.plusDays(5 + visit * 20L);
            fixture.service(voucher, day, 4000 + random.nextInt(4000), random.nextInt(3) * 500L,
                    day.atTime(16, 0).atZone(ReportPeriod.ZONE).toInstant());
        }
        if (random.nextBoolean()) {
            fixture.cost(code, MEALS, YearMonth.parse("2025-12"), 10000 + random.nextInt(20000), "3.5", "1");
        }
        measure(code, random);
    }

    private void controlClient(String code, String group, Random random) {
        codes.add(code);
        fixture.member(code, group, "CONTROL", LocalDate.parse("2025-04-01"));
        for (YearMonth month = YearMonth.parse("2025-04"); !month.isAfter(YearMonth.parse("2026-03"));
             month = month.plusMonths(1 + random.nextInt(2))) {
            fixture.cost(code, random.nextBoolean() ? HOME_CARE : MEALS, month, 5000 + random.nextInt(60000),
                    String.valueOf(random.nextInt(20)), String.valueOf(random.nextInt(5)));
        }
        measure(code, random);
    }

    private void measure(String code, Random random) {
        double first = 3 + random.nextInt(40) / 10.0;
        fixture.outcome(code, KYKYVIISARI, LocalDate.parse("2025-05-15"), String.valueOf(first));
        fixture.outcome(code, KYKYVIISARI, LocalDate.parse("2026-02-15"),
                String.valueOf(first + (random.nextInt(30) - 10) / 10.0));
    }

    @Test
    void theReportIsMadeWithTheSmallGroupSuppressed() {
        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(summary.toJson()).containsEntry("clients", 46).containsEntry("groups", 6)
                .containsEntry("suppressed", 1);
    }

    @Test
    void noFileCarriesAnIdentityCodeOrALedgerKey() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir.resolve("reports"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder("costs.csv",
                "costs.json", "aggregates.csv", "aggregates.json", "report.html");
        List<String> ledgerKeys = fixture.db.sql("""
                        select cast(id as text) from client union all select pseudonym from client
                        union all select cast(id as text) from budget union all select cast(id as text) from budget_line""")
                .query(String.class).list();
        for (Path file : files) {
            assertNothingPersonal(file.getFileName().toString(), Files.readString(file), ledgerKeys);
        }
    }

    @Test
    void noResponseCarriesAnIdentityCodeOrALedgerKey() throws Exception {
        List<String> ledgerKeys = fixture.db.sql("select cast(id as text) from client union all select pseudonym from client")
                .query(String.class).list();
        String costs = mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD).param("size", "500"))
                .andReturn().getResponse().getContentAsString();
        assertThat(costs).contains("\"totalItems\"");
        assertNothingPersonal("GET /api/v1/reports/costs", costs, ledgerKeys);
        String page = mvc.perform(get("/api/v1/reports/{period}/report.html", PERIOD))
                .andReturn().getResponse().getContentAsString();
        assertNothingPersonal("GET report.html", page, ledgerKeys);
    }

    @Test
    void thePageOfARealisticYearIsSelfContained() throws Exception {
        String html = Files.readString(dataDir.resolve("reports").resolve(PERIOD).resolve("report.html"));
        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("<polyline");
    }

    /**
     * The identity-code pattern the message store masks, over the text with the reporting pseudonyms taken
     * out (64 hex digits can hold a code-shaped run by chance); and every code used, in any case.
     */
    private void assertNothingPersonal(String what, String text, List<String> ledgerKeys) {
        String withoutPseudonyms = PSEUDONYM.matcher(text).replaceAll("");
        assertThat(PersonalDataMasker.mask(withoutPseudonyms)).as(what + " has identity-code shapes")
                .isEqualTo(withoutPseudonyms);
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(codes).as(what).allSatisfy(code -> assertThat(lower).doesNotContain(code.toLowerCase(Locale.ROOT))
                .doesNotContain(code.substring(0, 6) + code.substring(7)));
        assertThat(ledgerKeys).as(what).isNotEmpty().allSatisfy(key -> assertThat(lower).doesNotContain(key));
    }
}
