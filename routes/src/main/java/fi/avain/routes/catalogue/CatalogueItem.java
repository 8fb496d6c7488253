package fi.avain.routes.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One HSDS object as Avain sends it to the marketplace and keeps it in its copy.
 *
 * @param parentId for a service_at_location, its service
 * @param refId for a service_at_location, its location
 * @param facets values the HSDS API filters on
 */
record CatalogueItem(
        HsdsType type,
        UUID id,
        String sourceSystem,
        String sourceId,
        UUID parentId,
        UUID refId,
        String businessId,
        String name,
        String searchText,
        String body,
        String contentHash,
        List<Facet> facets,
        Instant modified) {

    record Facet(String facet, String value) {
    }

    CatalogueItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        facets = List.copyOf(facets);
    }
}
