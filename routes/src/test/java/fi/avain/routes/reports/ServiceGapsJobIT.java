package fi.avain.routes.reports;

import static fi.avain.mappings.model.FundingMode.FREE;
import static fi.avain.mappings.model.FundingMode.PERSONAL_BUDGET;
import static fi.avain.mappings.model.FundingMode.PUBLIC;
import static fi.avain.mappings.model.FundingMode.SELF_PAID;
import static fi.avain.mappings.model.FundingMode.VOUCHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fi.avain.budget.Plans;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.routes.catalogue.TestCatalogueCopy;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import fi.avain.routes.messages.PostgresSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service-gap job on the test PostgreSQL: plans put through the ledger's own intake (one re-planned,
 * closing a line; one ended), services put into the catalogue copy as the sync puts them, marks of unmet
 * needs, and the files and the API compared with golden files.
 */
@SpringBootTest(classes = ReportsTestApplication.class, properties = "spring.mvc.problemdetails.enabled=true")
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc(addFilters = false)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceGapsJobIT {
    private static final Path DATA_DIR = temporaryDirectory();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/service-gaps");
    private static final String URI = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/";
    private static final Pattern IDENTITY_CODE = Pattern.compile("\\d{6}[-+YXWVUABCDEF]\\d{3}[0-9A-Y]");
    private static final Map<String, String> TODAY = Map.of("today", "2026-11-23");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("avain.data-dir", DATA_DIR::toString);
    }

    @Autowired
    ServiceGapsJob job;
    @Autowired
    Plans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate batch;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    private final List<String> identityCodes = new ArrayList<>();
    private final List<String> markPseudonyms = new ArrayList<>();
    private int clients;

    private record Line(String code, String serviceClass, String... channels) {
    }

    /**
     * Respite care (P10.4) in Helsinki (091) from two providers by voucher and three services in all by card;
     * home care (P4.1) in Mikkeli (491) and Juva (178) from one provider; rehabilitation (P6.10) in Helsinki
     * only free; a broad P10 line; a line closed by a re-plan (P27) and a plan that ended (P28).
     */
    @BeforeAll
    void fixture() {
        TestCatalogueCopy copy = new TestCatalogueCopy(jdbc, batch, objectMapper);
        UUID aurinko = copy.provider("Aurinko Oy");
        UUID kumpu = copy.provider("Kumpu ry");
        UUID lehto = copy.provider("Lehto Oy");
        UUID metsa = copy.provider("Metsä Oy");
        copy.service(aurinko, "P10.4", List.of("091"), VOUCHER);
        copy.service(kumpu, "P10.4", List.of("091", "049"), PERSONAL_BUDGET);
        copy.service(kumpu, "P10.4", List.of(), SELF_PAID);
        copy.service(lehto, "P10.4", List.of("091"), PUBLIC);
        copy.service(metsa, "P4.1", List.of("491"), VOUCHER);
        copy.service(metsa, "P4.1", List.of("491", "178"), VOUCHER, PUBLIC);
        copy.service(aurinko, "P4", List.of("491"), VOUCHER);
        copy.service(lehto, "P6.10", List.of("091"), FREE);
        copy.service(null, "P10.40", List.of("091"), SELF_PAID);
        copy.service(aurinko, "P27", List.of("091"), VOUCHER);

        String inForce = "2026-01-01/2026-12-31";
        for (int i = 0; i < 6; i++) {
            plan("sandbox-county", "091", inForce, new Line("respite", "P10.4", "voucher", "card"));
        }
        for (int i = 0; i < 2; i++) {
            plan("sandbox-county", "091", inForce, new Line("respite", "P10.4", "voucher"));
        }
        List<UUID> mikkeli = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mikkeli.add(plan("sandbox-county", "491", inForce, new Line("home-care", "P4.1", "voucher")));
        }
        for (int i = 0; i < 3; i++) {
            plan("sandbox-county", "178", inForce, new Line("home-care", "P4.1", "voucher", "invoice"));
        }
        for (int i = 0; i < 5; i++) {
            plan("sandbox-county", "091", inForce, new Line("rehabilitation", "P6.10", "card", "invoice"));
        }
        plan("sandbox-county", "091", inForce, new Line("support", "P10", "invoice"));
        String replanned = "replanned-" + UUID.randomUUID();
        String hetu = nextIdentityCode();
        plan(replanned, hetu, "sandbox-county", "091", inForce, new Line("rehabilitation", "P6.10", "card"),
                new Line("therapy", "P27", "voucher"));
        plan(replanned, hetu, "sandbox-county", "091", inForce, new Line("rehabilitation", "P6.10", "card"));
        UUID ended = plan("sandbox-county", "091", "2025-01-01/2025-12-31", new Line("respite", "P28", "voucher"));
        plan("sandbox-county", null, inForce, new Line("respite", "P10.4", "voucher"));
        for (int i = 0; i < 5; i++) {
            plan("other-county", "491", inForce, new Line("home-care", "P4.1", "voucher"));
        }

        for (UUID budget : mikkeli) {
            mark("sandbox-county", budget, URI + "P4.1", null);
        }
        mark("sandbox-county", mikkeli.get(0), "P4.1", null, markPseudonyms.get(0));
        mark("sandbox-county", mikkeli.get(1), "P5", "178");
        mark("sandbox-county", ended, "P28", null);
    }

    @Test
    void writesTheNeedsOfThePlansInForceAsTheGoldenFilesShow() throws IOException {
        JobSummary summary = job.run(TODAY, JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(summary.toJson()).containsEntry("job", "service-gaps").containsEntry("today", "2026-11-23")
                .containsEntry("needs", 9).containsEntry("none", 1L).containsEntry("single", 3L)
                .containsEntry("ok", 3L).containsEntry("unmet", 2L).containsEntry("suppressed", 4L)
                .containsEntry("withoutMunicipality", 1);
        golden("service-gaps.expected.json", Files.readString(report(ServiceGapFiles.JSON)));
        golden("service-gaps.expected.csv", Files.readString(report(ServiceGapFiles.CSV)));
    }

    @Test
    void linesClosedByAReplanAndPlansThatEndedAreNoNeeds() throws IOException {
        job.run(TODAY, JobProgress.NONE);

        assertThat(needs()).extracting(n -> n.path("serviceClass").asText()).doesNotContain("P27", "P28")
                .contains("P10", "P10.4", "P4.1", "P6.10", "P5");
    }

    @Test
    void groupsUnderFiveClientsShowNoClientCount() throws IOException {
        job.run(TODAY, JobProgress.NONE);

        for (JsonNode need : needs()) {
            if (need.path("suppressed").asBoolean()) {
                assertThat(need.get("clients").isNull()).as(need.toString()).isTrue();
            } else {
                assertThat(need.has("suppressed")).as(need.toString()).isFalse();
                assertThat(need.path("clients").asInt()).as(need.toString()).isGreaterThanOrEqualTo(5);
            }
        }
        assertThat(Files.readAllLines(report(ServiceGapFiles.CSV))).contains(
                "sandbox-county,091,P10.4,,true,2,2,ok", "sandbox-county,091,P10.4,6,false,3,2,ok");
    }

    @Test
    void noIdentityCodeOrPseudonymReachesTheFiles() throws IOException {
        job.run(TODAY, JobProgress.NONE);

        for (String file : List.of(ServiceGapFiles.JSON, ServiceGapFiles.CSV)) {
            String text = Files.readString(report(file));
            assertThat(IDENTITY_CODE.matcher(text).find()).as(file).isFalse();
            assertThat(identityCodes).allSatisfy(code -> assertThat(text).doesNotContain(code));
            assertThat(markPseudonyms).allSatisfy(pseudonym -> assertThat(text).doesNotContain(pseudonym));
            assertThat(text).doesNotContainPattern("[0-9a-f]{64}");
        }
    }

    @Test
    void aRunReplacesBothFilesWholeAndLeavesNothingElse() throws IOException {
        job.run(TODAY, JobProgress.NONE);
        job.run(TODAY, JobProgress.NONE);

        try (Stream<Path> files = Files.list(DATA_DIR.resolve("reports/service-gaps"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(ServiceGapFiles.JSON, ServiceGapFiles.CSV);
        }
    }

    @Test
    void aBadDateFailsTheRunAndWritesNothing() throws IOException {
        deleteReport();

        JobSummary summary = job.run(Map.of("today", "23.11.2026"), JobProgress.NONE);

        assertThat(summary.status()).isEqualTo(JobSummary.Status.FAILED);
        assertThat(summary.error()).isEqualTo("--today must be a date, YYYY-MM-DD");
        assertThat(report(ServiceGapFiles.JSON)).doesNotExist();
    }

    @Test
    void theApiAnswersTheLatestReportAsWritten() throws Exception {
        job.run(TODAY, JobProgress.NONE);
        byte[] written = Files.readAllBytes(report(ServiceGapFiles.JSON));

        mvc.perform(get("/api/v1/reports/service-gaps"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(content().bytes(written));
    }

    @Test
    void theApiAnswers404WhenNoReportWasProduced() throws Exception {
        deleteReport();

        mvc.perform(get("/api/v1/reports/service-gaps"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value("No service-gap report"))
                .andExpect(jsonPath("$.status").value(404));
    }

    private UUID plan(String tenant, String municipality, String period, Line... lines) {
        return plan("plan-" + UUID.randomUUID(), nextIdentityCode(), tenant, municipality, period, lines);
    }

    private UUID plan(String planId, String hetu, String tenant, String municipality, String period, Line... lines) {
        String[] dates = period.split("/");
        String json = """
                {"planId": "%s", "tenant": "%s", "client": {"identityCode": "%s"%s}, "clientGroup": "disability",
                 "cohort": "hb", "period": {"start": "%s", "end": "%s"}, "lines": [%s]}""".formatted(planId, tenant, hetu,
                municipality == null ? "" : ", \"homeMunicipality\": \"" + municipality + "\"", dates[0], dates[1],
                Arrays.stream(lines).map(ServiceGapsJobIT::line).collect(Collectors.joining(", ")));
        return tx.execute(s -> plans.apply(CarePlanMapper.fromJson(json.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID())).budgetId();
    }

    private static String line(Line line) {
        List<String> channels = List.of(line.channels());
        return """
                {"code": "%s", "category": "%s", "allocated": "1000.00", "serviceClasses": ["%s"], "channels": [%s]%s}"""
                .formatted(line.code(), line.code(), URI + line.serviceClass(),
                        channels.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")),
                        channels.contains("card") ? ", \"merchantCategoryCodes\": [\"8099\"]" : "");
    }

    private void mark(String tenant, UUID budget, String serviceClass, String municipality) {
        String pseudonym = UUID.randomUUID().toString().replace("-", "").repeat(2);
        markPseudonyms.add(pseudonym);
        mark(tenant, budget, serviceClass, municipality, pseudonym);
    }

    private void mark(String tenant, UUID budget, String serviceClass, String municipality, String pseudonym) {
        jdbc.sql("""
                        insert into unmet_need (id, tenant, budget_id, pseudonym, service_class, municipality, note,
                                                marked_by, created_at)
                        values (?, ?, ?, ?, ?, ?, 'no provider takes new clients', 'worker-1', ?)""")
                .params(UUID.randomUUID(), tenant, budget, pseudonym, serviceClass, municipality,
                        Timestamp.from(ReportsTestApplication.NOW))
                .update();
    }

    /** A valid identity code, different each time: born 01.01.1990, individual number from 002 on. */
    private String nextIdentityCode() {
        int individual = 2 + clients++;
        String digits = "010190" + "%03d".formatted(individual);
        char check = "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (Long.parseLong(digits) % 31));
        String code = "010190-" + "%03d".formatted(individual) + check;
        identityCodes.add(code);
        return code;
    }

    private static Path report(String file) {
        return DATA_DIR.resolve("reports/service-gaps").resolve(file);
    }

    private static void deleteReport() throws IOException {
        Files.deleteIfExists(report(ServiceGapFiles.JSON));
        Files.deleteIfExists(report(ServiceGapFiles.CSV));
    }

    private static List<JsonNode> needs() throws IOException {
        List<JsonNode> needs = new ArrayList<>();
        JSON.readTree(report(ServiceGapFiles.JSON).toFile()).path("needs").forEach(needs::add);
        return needs;
    }

    /** Compares with the golden file; {@code -Dgolden.update=true} rewrites it from what the job wrote. */
    private static void golden(String name, String actual) throws IOException {
        Path expected = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual);
        }
        if (name.endsWith(".json")) {
            assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected.toFile()));
        } else {
            assertThat(actual).isEqualTo(Files.readString(expected));
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("avain-reports-it");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
