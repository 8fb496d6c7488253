package fi.avain.mappings.fhir;

import fi.avain.mappings.model.BusinessId;

/**
 * A provider charges were paid to.
 *
 * @param businessId the Y-tunnus, check digit verified
 * @param name       the provider's name; the business id when not known
 */
public record PortalProvider(String businessId, String name) {

    public PortalProvider {
        businessId = BusinessId.parse(businessId).value();
        if (name == null || name.isBlank()) {
            name = businessId;
        }
    }
}
