package fi.avain.routes.audit;

import static fi.avain.routes.audit.AuditTestApplication.read;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.avain.mappings.fhir.AuditRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Operators' search of the portal's audit. */
@AuditIntegrationTest
class AuditApiIT {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    PortalAudit audit;

    @Test
    void searchesAPatientsEventsNewestFirstByTimeAndActorInPages() throws Exception {
        UUID patient = UUID.randomUUID();
        AuditRecord older = read(patient, "citizen-1", AT);
        AuditRecord newer = read(patient, "operator-key-1", AT.plusSeconds(3600));
        audit.record(older);
        audit.record(newer);

        mvc.perform(get("/api/v1/audit").param("patient", patient.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[*].id").value(contains(newer.id().toString(), older.id().toString())))
                .andExpect(jsonPath("$.items[1].at").value("2026-03-02T08:00:00Z"))
                .andExpect(jsonPath("$.items[1].actorRole").value("citizen"))
                .andExpect(jsonPath("$.items[1].actor").value("citizen-1"))
                .andExpect(jsonPath("$.items[1].patientId").value(patient.toString()))
                .andExpect(jsonPath("$.items[1].resources[0]").value("Patient/" + patient))
                .andExpect(jsonPath("$.items[1].purposeOfUse").value("PATRPT"))
                .andExpect(jsonPath("$.items[1].outcome").value("0"));
        mvc.perform(get("/api/v1/audit").param("patient", patient.toString()).param("from", "2026-03-02T08:30:00Z"))
                .andExpect(jsonPath("$.items[*].id").value(contains(newer.id().toString())));
        mvc.perform(get("/api/v1/audit").param("patient", patient.toString()).param("to", "2026-03-02T08:30:00Z"))
                .andExpect(jsonPath("$.items[*].id").value(contains(older.id().toString())));
        mvc.perform(get("/api/v1/audit").param("patient", patient.toString()).param("actor", "operator-key-1"))
                .andExpect(jsonPath("$.items[*].id").value(contains(newer.id().toString())));
        mvc.perform(get("/api/v1/audit").param("patient", patient.toString()).param("size", "1").param("page", "1"))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].id").value(contains(older.id().toString())));
    }

    @Test
    void readsOneEvent() throws Exception {
        AuditRecord record = read(UUID.randomUUID(), "citizen-1", AT);
        audit.record(record);

        mvc.perform(get("/api/v1/audit/{id}", record.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(record.id().toString()))
                .andExpect(jsonPath("$.action").value("read"));
    }

    @Test
    void answersAnUnknownEventWithANotFoundProblem() throws Exception {
        UUID unknown = UUID.randomUUID();

        mvc.perform(get("/api/v1/audit/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/audit?patient=42, patient",
            "/api/v1/audit?from=yesterday, from",
            "/api/v1/audit?to=2025-13-01T00:00:00Z, to",
            "/api/v1/audit?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z, to",
            "/api/v1/audit?size=501, size",
            "/api/v1/audit?size=0, size",
            "/api/v1/audit?page=-1, page",
            "/api/v1/audit?page=first, page",
            "/api/v1/audit/not-a-uuid, id"})
    void answersABadParameterWithAProblemNamingIt(String uri, String parameter) throws Exception {
        mvc.perform(get(uri))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value(parameter));
    }
}
