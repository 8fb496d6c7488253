package fi.avain.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A budget as the API shows it: per line allocated, held, spent and available. {@code updatedAt} is its
 * last re-plan, {@code lastChangedAt} the later of that and its lines' last movement (every movement
 * updates the lines it books on).
 */
public record BudgetView(UUID id, String tenant, String planId, UUID clientId, String clientGroup, String cohort,
                         LocalDate periodStart, LocalDate periodEnd, int version, Instant createdAt, Instant updatedAt,
                         Instant lastChangedAt, List<Line> lines) {

    public record Line(UUID id, String code, String category, long allocatedCents, long heldCents, long spentCents,
                       long availableCents, LocalDate periodStart, LocalDate periodEnd, List<String> serviceClasses,
                       List<String> merchantCategoryCodes, List<String> channels, Long perTransactionLimitCents,
                       Long perDayLimitCents, boolean clientShareCharged, int version) {
    }

    public long allocatedCents() {
        return lines.stream().mapToLong(Line::allocatedCents).sum();
    }

    public long heldCents() {
        return lines.stream().mapToLong(Line::heldCents).sum();
    }

    public long spentCents() {
        return lines.stream().mapToLong(Line::spentCents).sum();
    }

    public long availableCents() {
        return lines.stream().mapToLong(Line::availableCents).sum();
    }
}
