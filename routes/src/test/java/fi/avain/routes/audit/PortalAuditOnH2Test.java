package fi.avain.routes.audit;

import static fi.avain.routes.audit.AuditTestApplication.read;
import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.fhir.AuditRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sandbox's database: the audit's statements must run on H2 in PostgreSQL mode as well. */
@SpringBootTest(classes = AuditTestApplication.class, properties =
        "spring.datasource.url=jdbc:h2:mem:audit-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class PortalAuditOnH2Test {
    @Autowired
    PortalAudit audit;

    @Test
    void recordsSearchesFindsAndPrunes() {
        UUID patient = UUID.randomUUID();
        AuditRecord old = read(patient, "citizen-1", Instant.parse("2020-01-01T00:00:00Z"));
        AuditRecord recent = read(patient, "citizen-1", Instant.parse("2026-03-02T08:00:00Z"));
        audit.record(old);
        audit.record(recent);

        assertThat(audit.search(patient, Instant.parse("2019-01-01T00:00:00Z"), null, "citizen-1", 0, 10).items())
                .containsExactly(recent, old);
        assertThat(audit.find(recent.id())).contains(recent);
        assertThat(audit.pruneBefore(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(1);
        assertThat(audit.find(old.id())).isEmpty();
    }
}
