package fi.avain.mappings.fhir;

import java.time.Instant;

/** One applied version of a care plan. */
public record PortalPlanVersion(int version, Instant createdAt) {
}
