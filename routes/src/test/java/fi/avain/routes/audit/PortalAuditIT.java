package fi.avain.routes.audit;

import static fi.avain.routes.audit.AuditTestApplication.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.fhir.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit store: written in its own transaction, fail closed, searchable, pruned by age. */
@AuditIntegrationTest
class PortalAuditIT {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    PortalAudit audit;
    @Autowired
    AuditRetention retention;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsEveryFieldAsGiven() {
        UUID patient = UUID.randomUUID();
        AuditRecord record = new AuditRecord(UUID.randomUUID(), AT, "representative", "portal-subject-7", patient,
                "sandbox-county", "search", List.of("ChargeItem/" + UUID.randomUUID(), "Account/" + UUID.randomUUID()),
                "PATRPT", "0");

        audit.record(record);

        assertThat(audit.find(record.id())).contains(record);
    }

    @Test
    void keepsAnEventWithoutAPatientOrResources() {
        AuditRecord record = new AuditRecord(UUID.randomUUID(), AT, "operator", "operator-key-1", null,
                "sandbox-county", "search", List.of(), "PATADMIN", "0");

        audit.record(record);

        assertThat(audit.find(record.id())).contains(record);
    }

    @Test
    void staysWrittenWhenTheCallersTransactionRollsBack() {
        AuditRecord record = read(UUID.randomUUID(), "citizen-1", AT);

        tx.executeWithoutResult(status -> {
            audit.record(record);
            status.setRollbackOnly();
        });

        assertThat(audit.find(record.id())).isPresent();
    }

    @Test
    void failsClosedWhenTheDatabaseDoesNotTakeTheEvent() {
        AuditRecord record = read(UUID.randomUUID(), "citizen-1", AT);
        audit.record(record);

        assertThatThrownBy(() -> audit.record(record)).isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void refusesARecordBreakingTheRulesAndWritesNothing() {
        UUID patient = UUID.randomUUID();
        // the record refuses what it can tell alone; the store refuses the rest
        List<java.util.function.Supplier<AuditRecord>> bad = List.of(
                () -> new AuditRecord(UUID.randomUUID(), AT, "citizen", "131052-308T", patient, "t", "read", List.of(),
                        "PATRQT", "0"),
                () -> new AuditRecord(UUID.randomUUID(), AT, "admin", "a", patient, "t", "read", List.of(), "PATRQT", "0"),
                () -> new AuditRecord(UUID.randomUUID(), AT, "citizen", "a", patient, "t", "delete", List.of(), "PATRQT",
                        "0"),
                () -> new AuditRecord(UUID.randomUUID(), AT, "citizen", "a", patient, "t", "read", List.of(), "PATRQT",
                        "1"),
                () -> new AuditRecord(UUID.randomUUID(), AT, "citizen", "a", patient, "t", "read", List.of("Patient/1 x"),
                        "PATRQT", "0"),
                () -> new AuditRecord(UUID.randomUUID(), AT, "citizen", "a", patient, " ", "read", List.of(), "PATRQT",
                        "0"));

        for (java.util.function.Supplier<AuditRecord> record : bad) {
            assertThatThrownBy(() -> audit.record(record.get())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("131052-308T");
        }
        assertThat(audit.search(patient, null, null, null, 0, 10).totalItems()).isZero();
    }

    @Test
    void searchesByPatientTimeAndActorNewestFirst() {
        UUID patient = UUID.randomUUID();
        AuditRecord first = read(patient, "citizen-1", AT);
        AuditRecord second = read(patient, "citizen-2", AT.plusSeconds(60));
        AuditRecord elsewhere = read(UUID.randomUUID(), "citizen-1", AT.plusSeconds(30));
        List.of(first, second, elsewhere).forEach(audit::record);

        assertThat(audit.search(patient, null, null, null, 0, 10).items()).containsExactly(second, first);
        assertThat(audit.search(patient, AT.plusSeconds(1), null, null, 0, 10).items()).containsExactly(second);
        assertThat(audit.search(patient, null, AT.plusSeconds(60), null, 0, 10).items()).containsExactly(first);
        assertThat(audit.search(null, AT, AT.plusSeconds(61), "citizen-1", 0, 10).items())
                .containsExactly(elsewhere, first);
        PortalAudit.Found page = audit.search(patient, null, null, null, 1, 1);
        assertThat(page.items()).containsExactly(first);
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void theRetentionJobPrunesWhatIsOlderThanTheAuditRetention() {
        Instant now = Instant.parse("2030-06-01T00:00:00Z");
        UUID patient = UUID.randomUUID();
        AuditRecord old = read(patient, "citizen-1", Instant.parse("2028-05-31T23:59:59Z"));
        AuditRecord kept = read(patient, "citizen-1", Instant.parse("2028-06-01T00:00:01Z"));
        audit.record(old);
        audit.record(kept);

        assertThat(retention.prune(now)).isGreaterThanOrEqualTo(1);

        assertThat(audit.find(old.id())).isEmpty();
        assertThat(audit.find(kept.id())).isPresent();
    }
}
