package fi.avain.mappings.fhir;

import fi.avain.mappings.model.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/** One version of the plan behind a budget: the first plan is version 1, each re-plan the next. */
public record PortalPlanVersion(int version, Instant createdAt) {

    public PortalPlanVersion {
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
