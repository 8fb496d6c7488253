package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.avain.mappings.model.Hetu;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/outcomes}: one measurement kept, or a problem naming the field. */
@FollowUpIntegrationTest
class OutcomeApiIT {
    private static final String MEASUREMENT = """
            {"tenant": "sandbox-county", "client": {"identityCode": "150385-9013"}, "instrument": "kykyviisari",
             "date": "2026-03-01", "scores": {"physical": 7, "mental": 6.5, "social": 6, "cognitive": 7, "daily": 7.25},
             "goal": "Asuu omassa kodissa"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingPseudonyms pseudonyms;
    FollowUpTables tables;

    @BeforeEach
    void startEmpty() {
        tables = new FollowUpTables(jdbc);
        tables.empty();
    }

    @Test
    void keepsAMeasurementUnderTheClientsPseudonym() throws Exception {
        String pseudonym = pseudonyms.of("sandbox-county", Hetu.parse("150385-9013"));

        send(MEASUREMENT)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tenant").value("sandbox-county"))
                .andExpect(jsonPath("$.pseudonym").value(pseudonym))
                .andExpect(jsonPath("$.instrument").value("kykyviisari"))
                .andExpect(jsonPath("$.date").value("2026-03-01"))
                .andExpect(jsonPath("$.score").value("6.750"))
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.messageId").isNotEmpty());

        assertThat(jdbc.sql("select pseudonym, scores, goal from outcome_measurement").query().singleRow())
                .containsEntry("pseudonym", pseudonym)
                .containsEntry("scores", "{\"physical\":7,\"mental\":6.5,\"social\":6,\"cognitive\":7,\"daily\":7.25}")
                .containsEntry("goal", "Asuu omassa kodissa");
        assertThat(tables.messages(OutcomeIntake.FLOW, "PROCESSED")).isEqualTo(1);
        assertThat(tables.identityCodes()).isEmpty();
    }

    @Test
    void theSameMeasurementAgainIsKeptOnceAndAPseudonymNamesTheSameClient() throws Exception {
        send(MEASUREMENT).andExpect(status().isCreated());
        String pseudonym = pseudonyms.of("sandbox-county", Hetu.parse("150385-9013"));

        send(MEASUREMENT).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        send(MEASUREMENT.replace("{\"identityCode\": \"150385-9013\"}", "{\"pseudonym\": \"" + pseudonym + "\"}")
                .replace("7.25", "8"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.score").value("6.900"));

        assertThat(tables.count("outcome_measurement")).isEqualTo(1);
        assertThat(tables.messages(OutcomeIntake.FLOW, "DUPLICATE")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not JSON             | {\"tenant\": | body | body: must be well-formed JSON without duplicate keys",
            "no tenant            | `" + "{\"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1}}` | tenant | tenant: is missing",
            "bad identity code    | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9014\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1}}` | client.identityCode | client.identityCode: check character does not match",
            "future date          | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-16\", \"scores\": {\"physical\": 1}}` | date | date: must not be in the future",
            "year zero date       | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"0000-01-01\", \"scores\": {\"physical\": 1}}` | date | date: must not be before 2000-01-01",
            "unknown instrument   | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"gas\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1}}` | instrument | instrument: is not one of the tenant's instruments (kykyviisari)",
            "missing dimension    | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1, \"mental\": 1, \"social\": 1, \"cognitive\": 1}}` | scores.daily | scores.daily: is missing: kykyviisari scores physical, mental, social, cognitive, daily",
            "off the scale        | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1, \"mental\": 10.5, \"social\": 1, \"cognitive\": 1, \"daily\": 1}}` | scores.mental | scores.mental: must be from 0 to 10",
            "score as text        | `{\"tenant\": \"sandbox-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": \"1\"}}` | scores.physical | scores.physical: must be a number",
            "tenant without file  | `{\"tenant\": \"keyed-county\", \"client\": {\"identityCode\": \"150385-9013\"}, \"instrument\": \"kykyviisari\", \"date\": \"2026-03-01\", \"scores\": {\"physical\": 1}}` | instrument | instrument: the tenant keyed-county has no instruments (no tenant file)"})
    void refusesBadInputNamingTheFieldAndKeepsItInTheErrorStore(String title, String body, String field, String detail)
            throws Exception {
        send(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(detail));

        assertThat(tables.count("outcome_measurement")).isZero();
        assertThat(tables.errors(OutcomeIntake.FLOW)).containsExactly(detail);
        assertThat(tables.identityCodes()).isEmpty();
    }

    @Test
    void aTenantWithoutAReportingKeyIsAnOperatorsMatterAndTheMeasurementWaitsInTheErrorStore() throws Exception {
        send(MEASUREMENT.replace("sandbox-county", "other-county"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Reporting not configured"));

        assertThat(tables.errors(OutcomeIntake.FLOW)).singleElement().asString()
                .startsWith("no reporting key for tenant other-county");
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/outcomes").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
