package fi.avain.mappings.fhir;

import java.util.Objects;

/** A service provider known by its business id (Y-tunnus); the name when the catalogue has it. */
public record PortalProvider(String businessId, String name) {
    public PortalProvider {
        Objects.requireNonNull(businessId, "businessId");
        name = name == null || name.isBlank() ? businessId : name;
    }
}
