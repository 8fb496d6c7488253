package fi.avain.mappings.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One access to a client's data through the citizen portal, as the audit keeps it. */
public record AuditRecord(UUID id, Instant at, String actorRole /* citizen|representative|operator|integrator */,
                          String actor /* token subject or api-key principal, never an identity code */,
                          UUID patientId /* acting for; null */, String tenant, String action /* read|search|create|update|approve|reject */,
                          List<String> resources /* "ChargeItem/…" */, String purposeOfUse /* e.g. PATRPT, PATADMIN */,
                          String outcome /* "0" success, "4" minor failure, "8" serious */) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        Objects.requireNonNull(purposeOfUse, "purposeOfUse");
        Objects.requireNonNull(outcome, "outcome");
    }
}
