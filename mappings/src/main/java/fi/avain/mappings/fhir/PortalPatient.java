package fi.avain.mappings.fhir;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.MunicipalityCode;
import java.util.Objects;
import java.util.UUID;

/** A client as the portal shows them: the ledger's id, the tenant, the identity code. */
public record PortalPatient(UUID id, String tenant, Hetu identityCode, MunicipalityCode homeMunicipality) {
    public PortalPatient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identityCode, "identityCode");
    }
}
