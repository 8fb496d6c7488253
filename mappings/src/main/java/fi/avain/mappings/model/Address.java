package fi.avain.mappings.model;

import java.util.Objects;
import java.util.Optional;

/** A street address of a location. */
public record Address(
        LocalizedText street,
        String streetNumber,
        String postalCode,
        LocalizedText postOffice,
        Optional<MunicipalityCode> municipality,
        String country) {
    public Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(postOffice, "postOffice");
        Objects.requireNonNull(municipality, "municipality");
    }
}
