package fi.avain.mappings.fhir;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.MunicipalityCode;
import java.util.Objects;
import java.util.UUID;

/**
 * A client as the portal shows them: the ledger holds no name, only the identity code.
 *
 * @param id               the ledger's client id, the Patient's id
 * @param homeMunicipality the client's home municipality, or null when not known
 */
public record PortalPatient(UUID id, String tenant, Hetu identityCode, MunicipalityCode homeMunicipality) {

    public PortalPatient {
        Objects.requireNonNull(id, "id");
        PortalValues.requireText(tenant, "tenant");
        Objects.requireNonNull(identityCode, "identityCode");
    }
}
