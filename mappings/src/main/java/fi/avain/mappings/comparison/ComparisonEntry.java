package fi.avain.mappings.comparison;

import fi.avain.mappings.model.Provider;
import java.util.List;
import java.util.Objects;

/** One provider of the comparison catalogue with its services. */
public record ComparisonEntry(Provider provider, List<ComparisonService> services) {
    public ComparisonEntry {
        Objects.requireNonNull(provider, "provider");
        services = List.copyOf(services);
    }
}
