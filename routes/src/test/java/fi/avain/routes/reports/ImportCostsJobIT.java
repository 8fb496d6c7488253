package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.model.Hetu;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import fi.avain.routes.messages.MessageReplay;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code job import-costs}: costs files into report_cost and report_member, bad lines into the error store. */
@FollowUpIntegrationTest
class ImportCostsJobIT {
    static final String HEADER = "client,client_group,cohort,service_class,period,cost,source,staff_hours,assistant_hours";
    static final String ANNA = "150385-9013";
    static final String BERTIL = "020794-9029";

    @Autowired
    ImportCostsJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingPseudonyms pseudonyms;
    @Autowired
    MessageReplay replay;
    @Autowired
    MessageStore store;
    @Autowired
    CostImport costs;
    @TempDir
    Path dir;
    FollowUpTables tables;

    @BeforeEach
    void startEmpty() {
        tables = new FollowUpTables(jdbc);
        tables.empty();
    }

    @Test
    void importsTheGoodLinesAndKeepsEachBadOneInTheErrorStoreWithItsLineAndReason() throws IOException {
        JobSummary summary = run(file(
                "150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40",
                "150385-9013,disability,control,http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10.1,2026-02,"
                        + "1100.00,talous,10,38",
                "020794-9029,family,,kotihoito,2026-02,50.00,talous,,",
                "020794-9029,family,,P4.6,2026-02,-5.00,talous,,",
                "020794-9029,family,,P4.6,2026-04,50.00,talous,,",
                "020794-9029,family,,P4.6,2026-02,5\"0.00,talous,,",
                "020794-9028,family,,P4.6,2026-02,50.00,talous,,",
                "020794-9029,pensioners,,P4.6,2026-02,50.00,talous,,",
                "020794-9029,family,,P4.6,2026-02,50.00,talous,3,"));

        assertThat(summary.status()).isEqualTo(JobSummary.Status.DONE_WITH_ERRORS);
        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(summary.counts()).containsEntry("tenant", "sandbox-county").containsEntry("lines", 9L)
                .containsEntry("imported", 3L).containsEntry("unchanged", 0L).containsEntry("errors", 6L);
        assertThat(tables.errors(CostImport.FLOW)).containsExactly(
                "line 4: service_class: must be a PTV service class code such as P10.1, or its URI",
                "line 5: cost: must not be negative",
                "line 6: period: must not be in the future",
                "line 7: line: a quote inside an unquoted field",
                "line 8: client: must be an identity code or a 64-character hex pseudonym (as an identity code: check "
                        + "character does not match)",
                "line 9: client_group: is not one of the tenant's client groups (disability, family, elderly, carers, "
                        + "mental-health)");
        assertThat(tables.messages(CostImport.FLOW, "PROCESSED")).isEqualTo(3);
        assertThat(jdbc.sql("""
                        select service_class, period_month, cost_cents, staff_hours, assistant_hours, line_no
                        from report_cost where pseudonym = ? order by period_month""")
                .param(pseudonym(ANNA)).query().listOfRows())
                .extracting(r -> r.get("service_class") + " " + r.get("period_month") + " " + r.get("cost_cents") + " "
                        + r.get("staff_hours") + " " + r.get("assistant_hours") + " " + r.get("line_no"))
                .containsExactly("P10.1 2026-01-01 123450 12.50 40.00 2", "P10.1 2026-02-01 110000 10.00 38.00 3");
        assertThat(member(ANNA)).isEqualTo("disability CONTROL 2026-01-01 talous");
        assertThat(member(BERTIL)).isEqualTo("family CONTROL 2026-02-01 talous");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "unknown service class | 150385-9013,disability,,T10.1,2026-01,10.00,talous,, | service_class: must be a PTV service class code such as P10.1, or its URI",
            "negative cost         | 150385-9013,disability,,P10.1,2026-01,-0.01,talous,, | cost: must not be negative",
            "future period         | 150385-9013,disability,,P10.1,2026-04,10.00,talous,, | period: must not be in the future",
            "broken CSV line       | 150385-9013,disability,,P10.1,2026-01,\"10.00,talous,, | line: a quoted field is not closed",
            "bad identity code     | 150385-9014,disability,,P10.1,2026-01,10.00,talous,, | client: must be an identity code or a 64-character hex pseudonym (as an identity code: check character does not match)",
            "unknown client group  | 150385-9013,vammaiset,,P10.1,2026-01,10.00,talous,, | client_group: is not one of the tenant's client groups (disability, family, elderly, carers, mental-health)",
            "too few fields        | 150385-9013,disability,,P10.1,2026-01,10.00         | line: has 6 fields, the header 9"})
    void refusesABadLineWithItsReasonAndChangesNothing(String title, String line, String reason) throws IOException {
        JobSummary summary = run(file(line));

        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(summary.counts()).containsEntry("lines", 1L).containsEntry("imported", 0L).containsEntry("errors", 1L);
        assertThat(tables.errors(CostImport.FLOW)).containsExactly("line 2: " + reason);
        assertThat(tables.count("report_cost") + tables.count("report_member")).isZero();
        assertThat(tables.identityCodes()).isEmpty();
    }

    @Test
    void aFileImportedAgainChangesNothing() throws IOException {
        Path file = file("150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40",
                "150385-9013,disability,control,P3.5,2026-01,145.00,talous,,",
                "020794-9029,family,control,P4.6,2026-02,340.00,talous,5,");
        assertThat(run(file).status().exitCode()).isZero();

        JobSummary again = run(file);

        assertThat(again.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(again.counts()).containsEntry("lines", 3L).containsEntry("imported", 0L)
                .containsEntry("unchanged", 3L).containsEntry("errors", 0L);
        assertThat(tables.count("report_cost")).isEqualTo(3);
        assertThat(tables.count("report_member")).isEqualTo(2);
        assertThat(tables.messages(CostImport.FLOW, "DUPLICATE")).isEqualTo(3);
    }

    @Test
    void aCorrectedLineReplacesTheCostItWasImportedAs() throws IOException {
        run(file("150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40"));

        JobSummary corrected = run(file("150385-9013,disability,control,P10.1,2026-01,1200.00,talous,12,"));

        assertThat(corrected.counts()).containsEntry("imported", 1L).containsEntry("unchanged", 0L);
        assertThat(jdbc.sql("select cost_cents, staff_hours, assistant_hours from report_cost").query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("cost_cents")).isEqualTo(120000L);
                    assertThat(row.get("staff_hours").toString()).isEqualTo("12.00");
                    assertThat(row.get("assistant_hours")).isNull();
                });
    }

    @Test
    void aMemberStartsInTheEarliestMonthAndStaysInOneCohortAndGroup() throws IOException {
        run(file("150385-9013,disability,hb,P4.2,2026-02,124.00,talous,2,"));
        JobSummary summary = run(file("150385-9013,disability,hb,P4.2,2026-01,62.00,talous,1,",
                "150385-9013,disability,control,P4.2,2025-12,62.00,talous,1,",
                "150385-9013,family,hb,P4.6,2025-12,62.00,talous,1,"));

        assertThat(member(ANNA)).isEqualTo("disability HB 2026-01-01 talous");
        assertThat(summary.counts()).containsEntry("imported", 1L).containsEntry("errors", 2L);
        assertThat(tables.errors(CostImport.FLOW)).containsExactly("line 3: cohort: the client is in the hb cohort already",
                "line 4: client_group: the client is in the group disability already");
    }

    @Test
    void aPseudonymNamesTheSameClientAsTheIdentityCodeItWasMadeOf() throws IOException {
        run(file("150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40"));
        String pseudonym = pseudonym(ANNA);

        JobSummary summary = run(file(pseudonym.toUpperCase() + ",disability,control,P10.1,2026-01,1234.50,talous,12.5,40"));

        assertThat(summary.counts()).containsEntry("unchanged", 1L);
        assertThat(tables.count("report_member")).isEqualTo(1);
        assertThat(pseudonym).matches(pseudonyms::looksLikePseudonym);
    }

    @Test
    void keepsNoIdentityCodeOutsideTheEncryptedLines() throws IOException {
        run(file("150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40",
                "020794-9029,family,,P4.6,2026-04,50.00,talous,,",
                "020794-9028,family,,P4.6,2026-02,50.00,talous,,",
                "020794-9029,family,,P4.6,2026-02,\"50.00,talous,,"));

        assertThat(tables.count("message")).isEqualTo(4);
        assertThat(tables.identityCodes()).isEmpty();
        assertThat(jdbc.sql("select key_value from message_key where key_name = 'pseudonym'").query(String.class).list())
                .containsOnly(pseudonym(ANNA), pseudonym(BERTIL));
    }

    @Test
    void aStoredLineReplayedIsNotCountedTwiceAndARefusedOneStaysRefused() throws IOException {
        run(file("150385-9013,disability,control,P10.1,2026-01,1234.50,talous,12.5,40",
                "020794-9029,family,,P4.6,2026-04,50.00,talous,,"));
        UUID processed = jdbc.sql("select id from message where status = 'PROCESSED'").query(UUID.class).single();
        UUID refused = jdbc.sql("select id from message where status = 'ERROR'").query(UUID.class).single();

        assertThat(costs.replay(store.find(processed).orElseThrow())).isEqualTo(ReplayOutcome.duplicate());
        assertThat(replay.replay(refused, "operator-1").status()).isEqualTo(MessageStatus.ERROR);

        assertThat(tables.count("report_cost")).isEqualTo(1);
        assertThat(tables.errors(CostImport.FLOW)).containsExactly("line 3: period: must not be in the future");
    }

    @Test
    void aTenantWithoutAFileTakesAnyClientGroup() throws IOException {
        JobSummary summary = job.run(Map.of("file", file("150385-9013,vammaiset,,P10.1,2026-01,10.00,talous,,").toString(),
                "tenant", "keyed-county"), JobProgress.NONE);

        assertThat(summary.counts()).containsEntry("tenant", "keyed-county").containsEntry("imported", 1L);
        assertThat(jdbc.sql("select client_group from report_member where tenant = 'keyed-county'").query(String.class)
                .single()).isEqualTo("vammaiset");
    }

    @Test
    void aTenantWithoutAFileTakesNoIdentityCodeAsAClientGroup() throws IOException {
        JobSummary summary = job.run(Map.of("file", file("150385-9013,010190-123M,,P10.1,2026-01,10.00,talous,,",
                "150385-9013,=cmd 010190-123M,,P10.1,2026-01,10.00,talous,,").toString(),
                "tenant", "keyed-county"), JobProgress.NONE);

        assertThat(summary.counts()).containsEntry("imported", 0L).containsEntry("errors", 2L);
        assertThat(jdbc.sql("select reason from message where flow = 'cost-import' order by source_id")
                .query(String.class).list()).containsExactly(
                        "line 2: client_group: must not hold an identity code: a client group is a label in the reports",
                        "line 3: client_group: must not hold an identity code: a client group is a label in the reports");
        assertThat(tables.count("report_member") + tables.count("report_cost")).isZero();
    }

    @Test
    void cannotRunWithoutAReadableFileWithItsHeaderOrWithoutTheTenantsKey() throws IOException {
        Path noSource = dir.resolve("no-source.csv");
        Files.writeString(noSource, "client,client_group,service_class,period,cost\n150385-9013,disability,P10.1,2026-01,1\n");

        assertFailed(Map.of(), "give the file: --file=<path>");
        assertFailed(Map.of("file", dir.resolve("missing.csv").toString()), "no readable file ");
        assertFailed(Map.of("file", noSource.toString()), "cannot read no-source.csv: header: is missing the column source");
        assertFailed(Map.of("file", file("150385-9013,disability,,P10.1,2026-01,1,talous,,").toString(),
                "tenant", "other-county"), "no reporting key for tenant other-county: set avain.reports.keys.other-county");
        // a mistyped tenant is another tenant, without sandbox-county's key
        for (String typo : new String[] {"sandboxcounty", "sandbox-county-", "Sandbox-County"}) {
            assertFailed(Map.of("file", file("150385-9013,disability,,P10.1,2026-01,1,talous,,").toString(),
                    "tenant", typo), "no reporting key for tenant " + typo + ": set avain.reports.keys." + typo);
        }
        assertThat(tables.count("message") + tables.count("report_cost")).isZero();
    }

    private void assertFailed(Map<String, String> options, String error) {
        JobSummary summary = job.run(options, JobProgress.NONE);
        assertThat(summary.status()).isEqualTo(JobSummary.Status.FAILED);
        assertThat(summary.status().exitCode()).isEqualTo(2);
        assertThat(summary.error()).startsWith(error);
    }

    private JobSummary run(Path file) {
        return job.run(Map.of("file", file.toString()), JobProgress.NONE);
    }

    private Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "costs-", ".csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private String pseudonym(String code) {
        return pseudonyms.of("sandbox-county", Hetu.parse(code));
    }

    private String member(String code) {
        return jdbc.sql("select client_group, cohort, start_date, source from report_member where pseudonym = ?")
                .param(pseudonym(code)).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getObject(3, LocalDate.class) + " " + rs.getString(4)).single();
    }

}
