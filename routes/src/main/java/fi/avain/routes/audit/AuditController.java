package fi.avain.routes.audit;

import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.routes.web.Problems;
import fi.avain.routes.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the audit: the citizen portal's uses and the REST API's reads of a client's data. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
@Tag(name = "Audit", description = "Who read or changed which client's data through the citizen portal, "
        + "or read it through this API (operators)")
class AuditController {
    private final PortalAudit audit;

    AuditController(PortalAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first, paged (page from 0, size 1 to 500, default 50)")
    AuditPage search(
            @Parameter(description = "the client acted for (Patient id, the ledger's client UUID)")
            @RequestParam(required = false) String patient,
            @Parameter(description = "from this instant on, ISO-8601 (2025-01-31T12:00:00Z)")
            @RequestParam(required = false) String from,
            @Parameter(description = "before this instant, ISO-8601")
            @RequestParam(required = false) String to,
            @Parameter(description = "the actor: a token's subject or an API key's name (operator-key-1)")
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        UUID patientId = QueryParameters.uuid("patient", patient);
        Instant fromTime = QueryParameters.instant("from", from);
        Instant toTime = QueryParameters.instant("to", to);
        QueryParameters.range(fromTime, toTime);
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size);
        PortalAudit.Found found = audit.search(patientId, fromTime, toTime, QueryParameters.text(actor),
                pageNumber * pageSize, pageSize);
        return new AuditPage(found.items(), pageNumber, pageSize, found.totalItems());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One audit event")
    AuditRecord read(@PathVariable String id) {
        UUID eventId = QueryParameters.uuid("id", id);
        return audit.find(eventId).orElseThrow(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Unknown audit event", "no audit event has id " + eventId));
    }
}
