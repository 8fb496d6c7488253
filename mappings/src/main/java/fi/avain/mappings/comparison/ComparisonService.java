package fi.avain.mappings.comparison;

import fi.avain.mappings.model.ServiceOffering;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A service of the comparison catalogue. With a {@code ptvServiceId} it enriches that PTV service
 * (see {@link CatalogueMerger}); without one it is a marketplace service of its own.
 */
public record ComparisonService(Optional<UUID> ptvServiceId, ServiceOffering offering) {
    public ComparisonService {
        Objects.requireNonNull(ptvServiceId, "ptvServiceId");
        Objects.requireNonNull(offering, "offering");
    }
}
