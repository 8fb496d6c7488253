package fi.avain.mappings.fhir;

import fi.avain.mappings.MappingException;

/**
 * A FHIR resource Avain cannot read. {@link #path()} names the element as FHIRPath does
 * ({@code CarePlan.contained[1].identifier}), {@link #reason()} the rule it broke; neither repeats
 * the value, which may be personal data.
 */
public class FhirMappingException extends MappingException {
    private final String reason;

    public FhirMappingException(String path, String reason) {
        super(path, reason);
        this.reason = reason;
    }

    public String path() {
        return field();
    }

    public String reason() {
        return reason;
    }
}
