package fi.avain.mappings.fhir;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person the client authorised, and what for. */
public record PortalRepresentative(UUID id, UUID patientId, String tenant, String name, String relationship,
                                   Set<Grant> grants, LocalDate start, LocalDate end, boolean active) {
    public PortalRepresentative {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(start, "start");
        grants = Set.copyOf(grants);
    }
}
