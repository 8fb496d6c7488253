package fi.avain.mappings.fhir;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Someone the client has authorised to act for them (a guardian, a family member, a trustee).
 *
 * @param relationship to the client, e.g. {@code guardian}, {@code parent}, {@code spouse}; free text allowed
 * @param end          the last day of the authorisation, or null when open-ended
 */
public record PortalRepresentative(UUID id, UUID patientId, String tenant, String name, String relationship,
                                   Set<Grant> grants, LocalDate start, LocalDate end, boolean active) {

    public PortalRepresentative {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        PortalValues.requireText(tenant, "tenant");
        PortalValues.requireText(name, "name");
        PortalValues.requireText(relationship, "relationship");
        grants = Set.copyOf(grants);
        PortalValues.requirePeriod(start, end, true);
    }
}
