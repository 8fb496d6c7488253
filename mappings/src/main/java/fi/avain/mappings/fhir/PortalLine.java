package fi.avain.mappings.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One budget line and its balances; what is available is what is neither held nor spent. */
public record PortalLine(UUID id, UUID budgetId, String code, String category, long allocatedCents, long heldCents,
                         long spentCents, LocalDate start, LocalDate end, List<String> channels,
                         List<String> serviceClasses, boolean open) {
    public PortalLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        channels = List.copyOf(channels);
        serviceClasses = List.copyOf(serviceClasses);
    }

    public long availableCents() {
        return allocatedCents - heldCents - spentCents;
    }
}
