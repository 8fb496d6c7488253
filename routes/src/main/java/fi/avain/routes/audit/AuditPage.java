package fi.avain.routes.audit;

import fi.avain.mappings.fhir.AuditRecord;
import java.util.List;

/** A page of audit events, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditRecord> items, int page, int size, long totalItems) {
}
