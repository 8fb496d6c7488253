package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.avain.mappings.model.Hetu;
import fi.avain.routes.budget.PlanIntake;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/plans/{budgetId}/unmet-needs}: a need no service met, under the client's pseudonym. */
@FollowUpIntegrationTest
class UnmetNeedApiIT {
    private static final String PLAN = """
            {"planId": "%s", "tenant": "sandbox-county",
             "client": {"identityCode": "150385-9013", "homeMunicipality": "491"},
             "clientGroup": "disability", "cohort": "hb", "period": {"start": "2026-01-01", "end": "2026-12-31"},
             "lines": [{"code": "daily-living", "category": "Päivittäisen elämän tuki", "allocated": "3000.00",
                        "channels": ["voucher"]}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanIntake plans;
    @Autowired
    ReportingPseudonyms pseudonyms;
    UUID budgetId;

    @BeforeEach
    void aBudget() {
        new FollowUpTables(jdbc).empty();
        budgetId = plans.receive(PLAN.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "application/json")
                .outcome().budgetId();
    }

    @Test
    void keepsTheNeedInTheClientsHomeMunicipalityUnlessAnotherIsNamed() throws Exception {
        mark(budgetId.toString(), "{\"serviceClass\": \"http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.2\", "
                + "\"note\": \"Ei henkilökohtaisen avun tuottajaa Mikkelissä\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.budgetId").value(budgetId.toString()))
                .andExpect(jsonPath("$.tenant").value("sandbox-county"))
                .andExpect(jsonPath("$.serviceClass").value("P4.2"))
                .andExpect(jsonPath("$.municipality").value("491"))
                .andExpect(jsonPath("$.note").value("Ei henkilökohtaisen avun tuottajaa Mikkelissä"));
        mark(budgetId.toString(), "{\"serviceClass\": \"P3.5\", \"municipality\": \"091\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.municipality").value("091"))
                .andExpect(jsonPath("$.note").doesNotExist());

        assertThat(jdbc.sql("select service_class, municipality, pseudonym, budget_id, marked_by from unmet_need "
                        + "order by service_class").query().listOfRows())
                .extracting(r -> r.get("service_class") + " " + r.get("municipality") + " " + r.get("budget_id"))
                .containsExactly("P3.5 091 " + budgetId, "P4.2 491 " + budgetId);
        assertThat(jdbc.sql("select distinct pseudonym from unmet_need").query(String.class).single())
                .isEqualTo(pseudonyms.of("sandbox-county", Hetu.parse("150385-9013")));
        assertThat(new FollowUpTables(jdbc).identityCodes()).isEmpty();
    }

    @Test
    void anUnknownBudgetIsNotFound() throws Exception {
        mark(UUID.randomUUID().toString(), "{\"serviceClass\": \"P4.2\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mark("not-a-uuid", "{\"serviceClass\": \"P4.2\"}").andExpect(status().isBadRequest());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "no service class     | {}                                         | serviceClass | serviceClass: is missing",
            "not a service class  | {\"serviceClass\": \"kotihoito\"}           | serviceClass | serviceClass: must be a PTV service class code such as P10.1, or its URI",
            "bad municipality     | {\"serviceClass\": \"P4.2\", \"municipality\": \"91\"} | municipality | municipality: must be exactly three digits",
            "note as a number     | {\"serviceClass\": \"P4.2\", \"note\": 5}    | note         | note: must be text",
            "not an object        | [\"P4.2\"]                                   | body         | body: must be a JSON object",
            "a key twice          | {\"serviceClass\": \"P4.2\", \"serviceClass\": \"P4.1\"} | body | body: must be well-formed JSON without duplicate keys",
            "text after it        | {\"serviceClass\": \"P4.2\"} {}              | body         | body: must be well-formed JSON without duplicate keys"})
    void refusesBadInputNamingTheField(String title, String body, String field, String detail) throws Exception {
        mark(budgetId.toString(), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(detail));

        assertThat(new FollowUpTables(jdbc).count("unmet_need")).isZero();
    }

    private ResultActions mark(String budget, String body) throws Exception {
        return mvc.perform(post("/api/v1/plans/{budgetId}/unmet-needs", budget).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
