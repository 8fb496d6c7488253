package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.model.Address;
import fi.avain.mappings.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service location's visiting addresses (type Location, with a streetAddress), and its point, which
 * a place without a street address (an otherAddress) can have too. Postal addresses and PO boxes are
 * not places a client visits, and the model keeps visiting addresses only.
 * Coordinates are PTV's ETRS-TM35FIN strings: latitude is the northing, longitude the easting; the
 * first address whose point lies in Finland gives the location's.
 */
final class PtvLocations {
    private static final String FIELD = "serviceChannel.addresses.municipality";
    /** PTV's states of a geocoded or hand-placed point; the others (Failed, NotReceived, ...) carry no point. */
    private static final Set<String> GOOD_STATES = Set.of("Ok", "EnteredByUser", "EnteredByAR");
    // Finland in ETRS-TM35FIN (EPSG:3067), with a margin: anything outside is not a place in Finland.
    private static final double MIN_NORTHING = 6_500_000;
    private static final double MAX_NORTHING = 7_850_000;
    private static final double MIN_EASTING = 0;
    private static final double MAX_EASTING = 900_000;

    private PtvLocations() {
    }

    static Location read(JsonNode addresses) {
        List<Address> visiting = new ArrayList<>();
        Optional<String> northing = Optional.empty();
        Optional<String> easting = Optional.empty();
        for (JsonNode entry : addresses) {
            if (!"Location".equals(entry.path("type").asText())) {
                continue;
            }
            JsonNode street = entry.path("streetAddress");
            // A place without a street address (subType Other: a harbour, a trail's start) has only its point.
            JsonNode point = street.isObject() ? street : entry.path("otherAddress");
            if (street.isObject()) {
                visiting.add(address(street));
            }
            if (northing.isEmpty() && point.isObject() && placed(point)) {
                northing = PtvFields.text(point, "latitude");
                easting = PtvFields.text(point, "longitude");
            }
        }
        return new Location(visiting, northing, easting);
    }

    /**
     * Whether the address's coordinates place it. PTV geocodes addresses itself and, when that fails,
     * still sends "0" and "0" with a state that says so; a point off West Africa is worse than none.
     */
    private static boolean placed(JsonNode street) {
        String state = street.path("coordinateState").asText("");
        if (!state.isEmpty() && !GOOD_STATES.contains(state)) {
            return false;
        }
        Optional<Double> northing = number(street, "latitude");
        Optional<Double> easting = number(street, "longitude");
        return northing.filter(n -> n >= MIN_NORTHING && n <= MAX_NORTHING).isPresent()
                && easting.filter(e -> e >= MIN_EASTING && e <= MAX_EASTING).isPresent();
    }

    private static Optional<Double> number(JsonNode street, String field) {
        try {
            return PtvFields.text(street, field).map(Double::parseDouble).filter(Double::isFinite);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
