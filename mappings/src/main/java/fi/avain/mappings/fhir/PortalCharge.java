package fi.avain.mappings.fhir;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One hold or spend on a budget line, from any channel: what is still held by it and what it has
 * spent (negative for a refund).
 */
public record PortalCharge(UUID id, UUID patientId, UUID budgetId, UUID lineId, String channel, String sourceId,
                           ChargeStatus status, long heldCents, long spentCents, Instant occurred, Instant updated,
                           String providerBusinessId, String providerName, String merchantCategory,
                           String serviceClass) {
    public PortalCharge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurred, "occurred");
        Objects.requireNonNull(updated, "updated");
    }
}
