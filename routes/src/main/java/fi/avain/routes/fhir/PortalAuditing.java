package fi.avain.routes.fhir;

import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.mappings.fhir.Grant;
import fi.avain.routes.audit.PortalAudit;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
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

    /**
     * Serves one page of a search on a client's data: the caller must still have {@code need} on the client
     * (else the search is a 404 naming {@code searched}), and the page is audited as a search.
     */
    <T extends IBaseResource> List<T> page(UUID clientId, Grant need, String searched, String tenant, List<T> page) {
        access.require(clientId, need, searched);
        record("search", clientId, tenant, page.stream().map(PortalAuditing::reference).toList());
        return page;
    }

    private static String reference(IBaseResource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
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
