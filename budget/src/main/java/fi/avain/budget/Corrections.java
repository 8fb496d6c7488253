package fi.avain.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator's correction of a line, booked like every other movement (double entry, keyed by the
 * correction's id so a repeat books nothing): of the allocation (funding ↔ available) or of what was
 * spent (available ↔ spent). Never takes a line below zero. Runs in the caller's transaction.
 */
public final class Corrections {
    private final JdbcClient db;
    private final Ledger ledger;

    public Corrections(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public enum Kind { ALLOCATION, SPEND }

    /** Answers the movement id, or empty when this correction id was booked before. */
    public Optional<UUID> correct(UUID budgetId, String lineCode, Kind kind, long cents, String correctionId,
                                  UUID sourceMessageId) {
        if (cents == 0) {
            throw new InvalidRequestException("a correction moves a non-zero amount");
        }
        String key = "correction:" + correctionId;
        if (ledger.booked(key)) {
            return Optional.empty();
        }
        String tenant = db.sql("select tenant from budget where id = ?").param(budgetId).query(String.class)
                .optional().orElseThrow(() -> new UnknownBudgetException("budget"));
        LineState line = db.sql("select " + LineState.COLUMNS
                        + " from budget_line l where l.budget_id = ? and l.code = ? for update")
                .params(budgetId, lineCode).query(LineState::read).optional()
                .orElseThrow(() -> new UnknownBudgetException("line " + lineCode));
        UUID id = line.id();
        Ledger.Leg leg;
        if (kind == Kind.ALLOCATION) {
            if (cents < 0 && line.availableCents() < -cents) {
                throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.availableCents())
                        + " EUR available to take back");
            }
            leg = cents > 0 ? new Ledger.Leg(id, Accounts.available(id), Accounts.funding(tenant), cents)
                    : new Ledger.Leg(id, Accounts.funding(tenant), Accounts.available(id), -cents);
        } else {
            if (cents > 0 && line.availableCents() < cents) {
                throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.availableCents())
                        + " EUR available to book as spent");
            }
            if (cents < 0 && line.spentCents() < -cents) {
                throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.spentCents())
                        + " EUR spent to credit back");
            }
            leg = cents > 0 ? new Ledger.Leg(id, Accounts.spent(id), Accounts.available(id), cents)
                    : new Ledger.Leg(id, Accounts.available(id), Accounts.spent(id), -cents);
        }
        return ledger.book(budgetId, MovementKind.CORRECTION, key, sourceMessageId, null, correctionId, List.of(leg));
    }
}
