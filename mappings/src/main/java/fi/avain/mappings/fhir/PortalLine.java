package fi.avain.mappings.fhir;

import fi.avain.mappings.model.ServiceClassUri;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One budget line and its balance.
 *
 * @param code           the line's id within the plan
 * @param category       the plan's name for the line
 * @param channels       {@code card}, {@code voucher}, {@code declaration}, {@code invoice}
 * @param serviceClasses PTV service class URIs
 * @param open           false once a re-plan has closed the line
 */
public record PortalLine(UUID id, UUID budgetId, String code, String category, long allocatedCents, long heldCents,
                         long spentCents, LocalDate start, LocalDate end, List<String> channels,
                         List<String> serviceClasses, boolean open) {
    public static final List<String> CHANNELS = List.of("card", "voucher", "declaration", "invoice");

    public PortalLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(budgetId, "budgetId");
        PortalValues.requireText(code, "code");
        PortalValues.requireText(category, "category");
        PortalValues.requireNotNegative(allocatedCents, "allocatedCents");
        PortalValues.requireNotNegative(heldCents, "heldCents");
        PortalValues.requireNotNegative(spentCents, "spentCents");
        PortalValues.requirePeriod(start, end, false);
        channels = List.copyOf(channels);
        channels.forEach(c -> PortalValues.requireOneOf(c, "channels", CHANNELS));
        serviceClasses = List.copyOf(serviceClasses);
        serviceClasses.forEach(ServiceClassUri::parse);
    }

    /** What can still be held or spent: allocated less held and spent. */
    public long availableCents() {
        return allocatedCents - heldCents - spentCents;
    }
}
