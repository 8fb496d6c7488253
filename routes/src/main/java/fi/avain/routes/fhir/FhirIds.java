package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;

/** Avain's resource ids are UUIDs; an id that is not one names nothing Avain has. */
final class FhirIds {
    private FhirIds() {
    }

    static UUID uuid(IIdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (RuntimeException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** The id a reference parameter names ({@code 123}, {@code Patient/123} or a full URL), as a UUID. */
    static UUID uuid(ReferenceParam reference, String parameter, String resourceType) {
        if (reference == null || reference.getIdPart() == null || reference.getIdPart().isBlank()) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' needs a " + resourceType + " id.");
        }
        if (reference.getResourceType() != null && !resourceType.equals(reference.getResourceType())) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' refers to " + resourceType
                    + ", not " + reference.getResourceType() + ".");
        }
        try {
            return UUID.fromString(reference.getIdPart());
        } catch (RuntimeException e) {
            throw new ResourceNotFoundException(resourceType + "/" + reference.getIdPart());
        }
    }
}
