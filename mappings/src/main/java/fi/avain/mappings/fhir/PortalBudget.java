package fi.avain.mappings.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A budget with its lines, as the ledger holds it at the moment it was read. */
public record PortalBudget(UUID id, UUID patientId, String tenant, String planId, String clientGroup, String cohort,
                           LocalDate start, LocalDate end, int version, Instant updatedAt, List<PortalLine> lines) {
    public PortalBudget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
    }
}
