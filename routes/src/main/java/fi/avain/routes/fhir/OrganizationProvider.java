package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fi.avain.mappings.fhir.FhirResources;
import fi.avain.mappings.fhir.PortalProvider;
import fi.avain.mappings.model.BusinessId;
import fi.avain.mappings.model.InvalidValueException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** Service providers by business id (Y-tunnus): public facts, so any portal caller may read them. */
@Component
class OrganizationProvider implements IResourceProvider {
    private final ProviderNames names;

    OrganizationProvider(ProviderNames names) {
        this.names = names;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        String businessId = id.getIdPart();
        try {
            BusinessId.parse(businessId);
        } catch (InvalidValueException e) {
            throw new ResourceNotFoundException(id);
        }
        if (!names.known(businessId)) {
            throw new ResourceNotFoundException(id);
        }
        return FhirResources.organization(new PortalProvider(businessId, names.of(businessId).orElse(null)));
    }
}
