package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.model.Address;
import fi.avain.mappings.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service location's visiting addresses (type Location, with a streetAddress). Postal addresses
 * and PO boxes are not places a client visits, and the model keeps visiting addresses only.
 * Coordinates are PTV's ETRS-TM35FIN strings: latitude is the northing, longitude the easting.
 */
final class PtvLocations {
    private static final String FIELD = "serviceChannel.addresses.municipality";

    private PtvLocations() {
    }

    static Location read(JsonNode addresses) {
        List<Address> visiting = new ArrayList<>();
        Optional<String> northing = Optional.empty();
        Optional<String> easting = Optional.empty();
        for (JsonNode entry : addresses) {
            JsonNode street = entry.path("streetAddress");
            if (!"Location".equals(entry.path("type").asText()) || !street.isObject()) {
                continue;
            }
            visiting.add(address(street));
            if (northing.isEmpty()) {
                northing = PtvFields.text(street, "latitude");
                easting = PtvFields.text(street, "longitude");
            }
        }
        if (northing.isEmpty() || easting.isEmpty()) {
            northing = Optional.empty();
            easting = Optional.empty();
        }
        return new Location(visiting, northing, easting);
    }

    private static Address address(JsonNode street) {
        return new Address(
                PtvFields.localized(street.path("street")),
                PtvFields.text(street, "streetNumber").orElse(null),
                PtvFields.text(street, "postalCode").orElse(null),
                PtvFields.localized(street.path("postOffice")),
                PtvFields.municipality(street.path("municipality"), FIELD),
                "FI");
    }
}
