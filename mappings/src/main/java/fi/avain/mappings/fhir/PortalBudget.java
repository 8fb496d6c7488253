package fi.avain.mappings.fhir;

import fi.avain.mappings.model.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * A budget with its lines, as the ledger has it now.
 *
 * @param planId    case management's id of the plan behind the budget
 * @param cohort    {@code hb} or {@code control}
 * @param version   the plan version the budget is at, from 1
 * @param updatedAt when the budget last changed (a re-plan or a movement on any line)
 */
public record PortalBudget(UUID id, UUID patientId, String tenant, String planId, String clientGroup, String cohort,
                           LocalDate start, LocalDate end, int version, Instant updatedAt, List<PortalLine> lines) {

    public PortalBudget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        PortalValues.requireText(tenant, "tenant");
        PortalValues.requireText(planId, "planId");
        PortalValues.requireText(clientGroup, "clientGroup");
        PortalValues.requireOneOf(cohort, "cohort", List.of("hb", "control"));
        PortalValues.requirePeriod(start, end, false);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
    }

    public long allocatedCents() {
        return sum(PortalLine::allocatedCents);
    }

    public long heldCents() {
        return sum(PortalLine::heldCents);
    }

    public long spentCents() {
        return sum(PortalLine::spentCents);
    }

    public long availableCents() {
        return sum(PortalLine::availableCents);
    }

    private long sum(ToLongFunction<PortalLine> amount) {
        return lines.stream().mapToLong(amount).sum();
    }
}
