package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.routes.audit.PortalAudit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal's audit in the whole application: operators only, described in the OpenAPI document. */
class PortalAuditApiIT extends AvainIntegrationTest {
    @Autowired
    PortalAudit audit;

    @Test
    void operatorsSearchTheAuditAndNobodyElseMay() {
        UUID patient = UUID.randomUUID();
        AuditRecord record = new AuditRecord(UUID.randomUUID(), BASE_TIME, "citizen", "portal-subject-1", patient,
                "sandbox-county", "read", List.of("Patient/" + patient), "PATRPT", "0");
        audit.record(record);

        JsonNode page = json(get("/api/v1/audit?patient=" + patient, OPERATOR_KEY).body());
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/actor").asText()).isEqualTo("portal-subject-1");
        assertThat(page.at("/items/0/at").asText()).isEqualTo(BASE_TIME.toString());
        assertThat(get("/api/v1/audit/" + record.id(), OPERATOR_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/audit", INTEGRATOR_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", PROCESSOR_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheAudit() {
        JsonNode paths = json(get("/api/openapi.json", null).body()).path("paths");

        assertThat(paths.has("/api/v1/audit")).isTrue();
        assertThat(paths.has("/api/v1/audit/{id}")).isTrue();
    }

    @Test
    void fhirTakesOperatorAndIntegratorKeysAndRefusesTheProcessorsWithAnOperationOutcome() {
        // No FHIR resource answers on this path, but security has let the key through.
        assertThat(get("/fhir/Patient/" + UUID.randomUUID(), OPERATOR_KEY).statusCode()).isNotIn(401, 403);
        assertThat(get("/fhir/Patient/" + UUID.randomUUID(), INTEGRATOR_KEY).statusCode()).isNotIn(401, 403);
        var refused = get("/fhir/Patient/" + UUID.randomUUID(), PROCESSOR_KEY);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        assertThat(json(refused.body()).at("/issue/0/code").asText()).isEqualTo("forbidden");
        var forged = get("/fhir/Patient/" + UUID.randomUUID(), "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(json(forged.body()).at("/issue/0/code").asText()).isEqualTo("login");
    }
}
