package fi.avain.connectors.marketplace;

import java.util.Set;

/** Headers of {@code direct:marketplace-put} and {@code direct:marketplace-delete}. */
public final class MarketplaceHeaders {
    /** {@code services}, {@code organizations}, {@code locations} or {@code service_at_locations}. */
    public static final String TYPE = "HsdsType";
    /** The object's id; URL-encoded into the path. */
    public static final String ID = "HsdsId";
    /** The HSDS object types the marketplace accepts. */
    public static final Set<String> TYPES = Set.of("services", "organizations", "locations", "service_at_locations");

    private MarketplaceHeaders() {
    }
}
