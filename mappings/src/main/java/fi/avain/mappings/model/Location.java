package fi.avain.mappings.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical place where a service is given. Coordinates are kept as PTV sends them
 * (ETRS-TM35FIN, EPSG:3067, northing and easting) and converted to WGS84 only where a format needs it.
 */
public record Location(List<Address> addresses, Optional<String> northing, Optional<String> easting) {
    public Location {
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        Objects.requireNonNull(northing, "northing");
        Objects.requireNonNull(easting, "easting");
    }
}
