package fi.avain.routes.reports;

import static fi.avain.routes.reports.ReportFixture.KYKYVIISARI;
import static fi.avain.routes.reports.ReportFixture.hetu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobRunner;
import fi.avain.routes.jobs.JobSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The report of March 2026 on the ledger of {@link HandWorkedLedger}, its figures worked out by hand. */
@CostReportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostReportIT {
    static final String PERIOD = "2026-03";
    static final Path GOLDEN = Path.of("src/test/resources/golden/cost-report");

    @Autowired
    ApplicationContext context;
    @Autowired
    JobRunner jobs;
    @Autowired
    MockMvc mvc;
    @Value("${avain.data-dir}")
    Path dataDir;

    ReportFixture fixture;
    JobSummary summary;

    @BeforeAll
    void bookTheLedgerAndMakeTheReport() {
        fixture = new ReportFixture(context);
        HandWorkedLedger.book(fixture);
        summary = jobs.run("cost-report", Map.of("period", PERIOD), JobProgress.NONE);
    }

    @Test
    void theJobSummaryCountsClientsRowsGroupsAndSuppressedGroups() {
        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(summary.toJson()).containsEntry("period", PERIOD).containsEntry("tenants", 1)
                .containsEntry("clients", 7).containsEntry("rows", 16L).containsEntry("groups", 3)
                .containsEntry("suppressed", 1);
    }

    @Test
    void theDatasetsAreTheGoldenOnes() throws IOException {
        Golden.check(GOLDEN.resolve("costs.expected.json"), dir().resolve("costs.json"));
        Golden.check(GOLDEN.resolve("aggregates.expected.json"), dir().resolve("aggregates.json"));
    }

    @Test
    void theGroupsFiguresAreTheHandComputedOnes() throws IOException {
        JsonNode hb = group("elderly", "HB");
        assertThat(hb.path("clients").asInt()).isEqualTo(3);
        assertMoney(hb, "allocated", "3600.00");
        assertMoney(hb, "held", "210.00");
        assertMoney(hb, "spent", "250.00");
        assertMoney(hb, "clientShare", "15.00");
        assertThat(hb.path("events").asLong()).isEqualTo(13);
        assertMoney(hb, "staffHours", "10.50");
        assertMoney(hb, "assistantHours", "2.00");
        assertMoney(hb, "importedCost", "400.00");
        assertMoney(hb, "cost", "650.00");
        assertMoney(hb, "meanCost", "216.67");
        assertMoney(hb, "medianCost", "170.00");
        assertMoney(hb, "meanSpent", "83.33");
        assertMoney(hb, "medianSpent", "80.00");
        assertThat(hb.path("instrument").asText()).isEqualTo(KYKYVIISARI);
        assertThat(hb.path("clientsWithOutcome").asInt()).isEqualTo(3);
        assertMoney(hb, "outcomeBaseline", "5.000");
        assertMoney(hb, "outcomeLatest", "6.000");
        assertMoney(hb, "outcomeChange", "1.000");
        assertMoney(hb, "costPerOutcomeUnit", "216.67");

        JsonNode control = group("elderly", "CONTROL");
        assertThat(control.path("clients").asInt()).isEqualTo(3);
        assertMoney(control, "spent", "0.00");
        assertMoney(control, "importedCost", "1150.00");
        assertMoney(control, "staffHours", "5.00");
        assertMoney(control, "meanCost", "383.33");
        assertMoney(control, "medianCost", "250.00");
        assertMoney(control, "outcomeLatest", "5.100");
        assertMoney(control, "outcomeChange", "0.100");
        assertMoney(control, "costPerOutcomeUnit", "3833.33");
    }

    @Test
    void hbIsComparedWithTheControlGroupOfTheSameClientGroup() throws IOException {
        JsonNode comparisons = aggregates().path("comparisons");
        assertThat(comparisons).hasSize(1);
        JsonNode elderly = comparisons.get(0);
        assertThat(elderly.path("clientGroup").asText()).isEqualTo("elderly");
        assertThat(elderly.path("clientGroupName").asText()).isEqualTo("Ikääntyneet");
        assertMoney(elderly, "hbMeanCost", "216.67");
        assertMoney(elderly, "controlMeanCost", "383.33");
        assertMoney(elderly, "meanCostDifference", "-166.66");
        assertMoney(elderly, "outcomeChangeDifference", "0.900");
        assertMoney(group("elderly", "HB"), "hbMinusControlMeanCost", "-166.66");
        assertMoney(group("elderly", "CONTROL"), "hbMinusControlOutcomeChange", "0.900");
        assertThat(csv(AggregateFiles.CSV)).anySatisfy(line -> assertThat(line)
                .startsWith("t1,elderly,Ikääntyneet,HB,3,3600.00,210.00,250.00,15.00,13,")
                .endsWith(",-166.66,0.900,false"));
    }

    @Test
    void monthsAreFinnishMonthsAndTheWindowIsTheTwelveEndingWithThePeriod() throws IOException {
        JsonNode rows = Golden.read(dir().resolve("costs.json")).path("rows");
        String b = fixture.pseudonym(hetu(2));
        assertThat(rows.findValues("month").stream().map(JsonNode::asText).filter(m -> !m.equals("null")).distinct())
                .allSatisfy(month -> assertThat(month).isBetween("2025-04", "2026-03"));
        JsonNode october = null;
        for (JsonNode row : rows) {
            if (b.equals(row.path("pseudonym").asText()) && "card".equals(row.path("channel").asText())
                    && "2025-10".equals(row.path("month").asText())) {
                october = row;
            }
        }
        assertThat(october).as("B's card spend booked at 22:30 UTC on 30 September").isNotNull();
        assertMoney(october, "spent", "80.00");
    }

    @Test
    void aGroupUnderTheMinimumIsSuppressedInEveryFileAndResponse() throws Exception {
        String g = fixture.pseudonym(hetu(7));
        for (String file : List.of("costs.csv", "costs.json", "aggregates.csv", "aggregates.json", "report.html")) {
            assertThat(Files.readString(dir().resolve(file))).as(file).doesNotContain(g);
        }
        assertThat(csv("costs.csv")).filteredOn(line -> line.contains(",disability,"))
                .containsExactly("t1,,disability,HB,,,,,,,,,,,,,,,,true");
        assertThat(csv(AggregateFiles.CSV)).filteredOn(line -> line.contains(",disability,"))
                .containsExactly("t1,disability,Vammaispalvelut,HB,,,,,,,,,,,,,,,,,,,,,false,,,true");
        JsonNode disability = group("disability", "HB");
        assertThat(disability.path("suppressed").asBoolean()).isTrue();
        assertThat(disability.path("clients").isNull()).isTrue();
        assertThat(disability.path("spent").isNull()).isTrue();
        // G's card spend is in no total: the card channel's figure is A's and B's alone, too few to show
        assertThat(aggregates().path("byServiceClass")).anySatisfy(c -> {
            assertThat(c.path("channel").asText()).isEqualTo("card");
            assertThat(c.path("suppressed").asBoolean()).isTrue();
            assertThat(c.path("spent").isNull()).isTrue();
        });
        assertThat(aggregates().path("budgetUse").findValues("clients")).allSatisfy(n -> assertThat(n.asInt()).isEqualTo(3));

        mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD).param("group", "disability"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].suppressed").value(true))
                .andExpect(jsonPath("$.groups[0].clients").isEmpty())
                .andExpect(jsonPath("$.rows.totalItems").value(1))
                .andExpect(jsonPath("$.rows.items[0].suppressed").value(true))
                .andExpect(jsonPath("$.rows.items[0].pseudonym").isEmpty())
                .andExpect(jsonPath("$.rows.items[0].spent").isEmpty());
        assertThat(Files.readString(dir().resolve("report.html"))).contains("suppressed");
    }

    @Test
    void thePageIsWellFormedWithAChartPerSectionAndNothingFetched() throws Exception {
        String html = Files.readString(dir().resolve("report.html"));
        HtmlChecks.assertSelfContained(html, 5);
        assertThat(html).contains("Ikääntyneet · HB", "Ikääntyneet · control", "P6.10", "Kotihoito",
                "216.67", "-166.66");
    }

    @Test
    void theApiAnswersAmountsWithTwoDecimalsAsTheFilesHaveThem() throws Exception {
        String body = mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("\"spent\":").doesNotContainPattern(":-?\\d+\\.\\d(?!\\d)")
                .doesNotContainPattern("\"(allocated|held|spent|clientShare|importedCost|cost|meanCost|medianCost)\":-?\\d+[,}]");
    }

    @Test
    void theApiAnswersTheAggregatesAndAPageOfRowsByGroupAndCohort() throws Exception {
        mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value(PERIOD))
                .andExpect(jsonPath("$.summary.clients").value(7))
                .andExpect(jsonPath("$.groups.length()").value(3))
                .andExpect(jsonPath("$.comparisons[0].meanCostDifference").value(-166.66))
                .andExpect(jsonPath("$.rows.totalItems").value(16))
                .andExpect(jsonPath("$.rows.size").value(50))
                .andExpect(jsonPath("$.rows.items.length()").value(16));
        mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD).param("group", "elderly")
                        .param("cohort", "control").param("size", "2").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].cohort").value("CONTROL"))
                .andExpect(jsonPath("$.comparisons.length()").value(1))
                .andExpect(jsonPath("$.rows.totalItems").value(4))
                .andExpect(jsonPath("$.rows.items.length()").value(2))
                .andExpect(jsonPath("$.rows.items[*].cohort").value(contains("CONTROL", "CONTROL")));
    }

    @Test
    void theApiServesThePageAsHtmlThatMayFetchNothing() throws Exception {
        mvc.perform(get("/api/v1/reports/{period}/report.html", PERIOD))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("<svg")));
    }

    @Test
    void aPeriodWithoutAReportIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/reports/costs").param("period", "2024-01"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("cost-report --period=2024-01")));
        mvc.perform(get("/api/v1/reports/{period}/report.html", "2024-01"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-3", "march", "2026-03-01", "202603"})
    void aMalformedPeriodIsABadRequest(String period) throws Exception {
        mvc.perform(get("/api/v1/reports/costs").param("period", period))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("period"));
        mvc.perform(get("/api/v1/reports/{period}/report.html", period))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownCohortIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/reports/costs").param("period", PERIOD).param("cohort", "treatment"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("cohort"));
    }

    private Path dir() {
        return dataDir.resolve("reports").resolve(PERIOD);
    }

    private JsonNode aggregates() throws IOException {
        return Golden.read(dir().resolve("aggregates.json"));
    }

    private JsonNode group(String clientGroup, String cohort) throws IOException {
        for (JsonNode group : aggregates().path("groups")) {
            if (group.path("clientGroup").asText().equals(clientGroup) && group.path("cohort").asText().equals(cohort)) {
                return group;
            }
        }
        throw new AssertionError("no group " + clientGroup + " " + cohort);
    }

    private List<String> csv(String file) throws IOException {
        return Files.readAllLines(dir().resolve(file));
    }

    private static void assertMoney(JsonNode node, String field, String expected) {
        assertThat(node.path(field).decimalValue()).as(field).isEqualTo(new BigDecimal(expected));
    }
}
