package fi.avain.routes.fhir;

import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.routes.audit.PortalAudit;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the audit record of a read, search or action on a client's data before the data leaves; if the
 * record cannot be written, the request fails.
 */
@Component
class PortalAuditing {
    private final PortalAudit audit;
    private final PortalAccessService access;
    private final Clock clock;

    PortalAuditing(PortalAudit audit, PortalAccessService access, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.access = access;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void record(String action, UUID patientId, String tenant, List<String> resources) {
        String role = access.role();
        audit.record(new AuditRecord(UUID.randomUUID(), clock.instant(), role, access.actor(), patientId, tenant,
                action, List.copyOf(resources), purpose(role, patientId), "0"));
    }

    private String purpose(String role, UUID patientId) {
        if ("citizen".equals(role) && access.self().filter(patientId::equals).isPresent()) {
            return "PATRQT";
        }
        return switch (role) {
            case "citizen", "representative" -> "PWATRNY";
            default -> "HOPERAT";
        };
    }
}
