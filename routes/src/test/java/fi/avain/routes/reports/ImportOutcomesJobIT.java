package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.model.Hetu;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.jobs.JobSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code job import-outcomes}: measurements checked against the tenant's instruments into outcome_measurement. */
@FollowUpIntegrationTest
class ImportOutcomesJobIT {
    static final String HEADER = "client,instrument,date,physical,mental,social,cognitive,daily,goal";

    @Autowired
    ImportOutcomesJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingPseudonyms pseudonyms;
    @TempDir
    Path dir;
    FollowUpTables tables;

    @BeforeEach
    void startEmpty() {
        tables = new FollowUpTables(jdbc);
        tables.empty();
    }

    @Test
    void keepsEachMeasurementWithTheMeanOfItsScoresAndRefusesTheOnesTheInstrumentDoesNotFit() throws IOException {
        String pseudonym = pseudonyms.of("sandbox-county", Hetu.parse("020794-9029"));
        JobSummary summary = run(file(
                "150385-9013,kykyviisari,2025-10-01,5,6,4,7,5,Asuu omassa kodissa",
                "150385-9013,kykyviisari,2026-03-01,7,6.5,6,7,7.25,Asuu omassa kodissa",
                pseudonym + ",kykyviisari,2026-03-01,6,6,5,8,6,",
                "150385-9013,gas,2026-03-01,1,1,1,1,1,",
                "150385-9013,kykyviisari,2026-02-01,6,6,5,8,,",
                "150385-9013,kykyviisari,2026-02-01,6,6,11,8,6,",
                "150385-9013,kykyviisari,2026-03-16,6,6,5,8,6,"));

        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(summary.counts()).containsEntry("lines", 7L).containsEntry("imported", 3L)
                .containsEntry("unchanged", 0L).containsEntry("errors", 4L);
        assertThat(tables.errors(OutcomeImport.FLOW)).containsExactly(
                "line 5: instrument: is not one of the tenant's instruments (kykyviisari)",
                "line 6: daily: is missing: kykyviisari scores physical, mental, social, cognitive, daily",
                "line 7: social: must be from 0 to 10",
                "line 8: date: must not be in the future");
        assertThat(jdbc.sql("""
                        select measured_on, scores, score, goal from outcome_measurement where pseudonym = ?
                        order by measured_on""")
                .param(pseudonyms.of("sandbox-county", Hetu.parse("150385-9013"))).query().listOfRows())
                .extracting(r -> r.get("measured_on") + " " + r.get("scores") + " " + r.get("score") + " " + r.get("goal"))
                .containsExactly(
                        "2025-10-01 {\"physical\":5,\"mental\":6,\"social\":4,\"cognitive\":7,\"daily\":5} 5.400 "
                                + "Asuu omassa kodissa",
                        "2026-03-01 {\"physical\":7,\"mental\":6.5,\"social\":6,\"cognitive\":7,\"daily\":7.25} 6.750 "
                                + "Asuu omassa kodissa");
        assertThat(jdbc.sql("select score from outcome_measurement where pseudonym = ?").param(pseudonym)
                .query(String.class).single()).isEqualTo("6.200");
        assertThat(tables.identityCodes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown instrument   | 150385-9013,mittari,2026-03-01,1,1,1,1,1,  | instrument: is not one of the tenant's instruments (kykyviisari)",
            "score off the scale  | 150385-9013,kykyviisari,2026-03-01,1,1,1,1,-1, | daily: must be from 0 to 10",
            "no scores            | 150385-9013,kykyviisari,2026-03-01,,,,,,   | scores: none given: one column per dimension of the instrument",
            "bad identity code    | 150385-9012,kykyviisari,2026-03-01,1,1,1,1,1, | client: must be an identity code or a 64-character hex pseudonym (as an identity code: check character does not match)",
            "broken CSV line      | 150385-9013,kykyviisari,2026-03-01,1,1,1,1,1,\"goal | line: a quoted field is not closed"})
    void refusesABadLineWithItsReasonAndChangesNothing(String title, String line, String reason) throws IOException {
        JobSummary summary = run(file(line));

        assertThat(summary.status().exitCode()).isEqualTo(1);
        assertThat(tables.errors(OutcomeImport.FLOW)).containsExactly("line 2: " + reason);
        assertThat(tables.count("outcome_measurement")).isZero();
    }

    @Test
    void aFileImportedAgainChangesNothingAndAChangedScoreReplacesTheDaysMeasurement() throws IOException {
        Path file = file("150385-9013,kykyviisari,2025-10-01,5,6,4,7,5,", "150385-9013,kykyviisari,2026-03-01,7,6,6,7,7,");
        run(file);

        JobSummary again = run(file);
        JobSummary changed = run(file("150385-9013,kykyviisari,2026-03-01,7,6,6,7,8.0,Uusi tavoite"));

        assertThat(again.status()).isEqualTo(JobSummary.Status.DONE);
        assertThat(again.counts()).containsEntry("imported", 0L).containsEntry("unchanged", 2L);
        assertThat(changed.counts()).containsEntry("imported", 1L);
        assertThat(tables.count("outcome_measurement")).isEqualTo(2);
        assertThat(jdbc.sql("select scores || ' ' || goal from outcome_measurement where measured_on = date '2026-03-01'")
                .query(String.class).single())
                .isEqualTo("{\"physical\":7,\"mental\":6,\"social\":6,\"cognitive\":7,\"daily\":8} Uusi tavoite");
    }

    @Test
    void aTenantWithoutAFileHasNoInstrumentsAndOneWithoutAKeyCannotRun() throws IOException {
        Path file = file("150385-9013,kykyviisari,2026-03-01,7,6,6,7,7,");

        JobSummary noKey = job.run(Map.of("file", file.toString(), "tenant", "other-county"), JobProgress.NONE);
        assertThat(noKey.status().exitCode()).isEqualTo(2);
        assertThat(noKey.error()).startsWith("no reporting key for tenant other-county");
        assertThat(tables.count("message")).isZero();

        JobSummary noFile = job.run(Map.of("file", file.toString(), "tenant", "keyed-county"), JobProgress.NONE);
        assertThat(noFile.status().exitCode()).isEqualTo(1);
        assertThat(tables.errors(OutcomeImport.FLOW))
                .containsExactly("line 2: instrument: the tenant keyed-county has no instruments (no tenant file)");
    }

    private JobSummary run(Path file) {
        return job.run(Map.of("file", file.toString(), "tenant", "sandbox-county"), JobProgress.NONE);
    }

    private Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "outcomes-", ".csv");
        Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n");
        return file;
    }
}
