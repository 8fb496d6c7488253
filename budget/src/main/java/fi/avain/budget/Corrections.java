package fi.avain.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator's correction of a line, booked like every other movement (double entry, keyed by the
 * correction's id so a repeat books nothing): of the allocation (funding ↔ available) or of what was
 * spent (available ↔ spent). The same id for another correction is refused. Never takes a line below
 * zero. Runs in the caller's transaction.
 */
public final class Corrections {
    private final JdbcClient db;
    private final Ledger ledger;

    public Corrections(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public enum Kind { ALLOCATION, SPEND }

    /**
     * Answers the movement id, or empty when this correction was booked before under its id; throws
     * {@link IdempotencyConflictException} when the id was booked for another budget, line, kind or amount.
     */
    public Optional<UUID> correct(UUID budgetId, String lineCode, Kind kind, long cents, String correctionId,
                                  UUID sourceMessageId) {
        if (cents == 0) {
            throw new InvalidRequestException("a correction moves a non-zero amount");
        }
        String key = "correction:" + correctionId;
        String tenant = db.sql("select tenant from budget where id = ?").param(budgetId).query(String.class)
                .optional().orElseThrow(() -> new UnknownBudgetException("budget"));
        LineState line = db.sql("select " + LineState.COLUMNS
                        + " from budget_line l where l.budget_id = ? and l.code = ? for update")
                .params(budgetId, lineCode).query(LineState::read).optional()
                .orElseThrow(() -> new UnknownBudgetException("line " + lineCode));
        UUID id = line.id();
        Ledger.Leg leg = switch (kind) {
            case ALLOCATION -> cents > 0 ? new Ledger.Leg(id, Accounts.available(id), Accounts.funding(tenant), cents)
                    : new Ledger.Leg(id, Accounts.funding(tenant), Accounts.available(id), -cents);
            case SPEND -> cents > 0 ? new Ledger.Leg(id, Accounts.spent(id), Accounts.available(id), cents)
                    : new Ledger.Leg(id, Accounts.available(id), Accounts.spent(id), -cents);
        };
        // A repeat is compared with what its id booked before the line's balances are, so that the same
        // correction sent again answers "booked before" even when it could not be booked now.
        if (bookedBefore(key, leg, correctionId)) {
            return Optional.empty();
        }
        if (kind == Kind.ALLOCATION && cents < 0 && line.availableCents() < -cents) {
            throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.availableCents())
                    + " EUR available to take back");
        }
        if (kind == Kind.SPEND && cents > 0 && line.availableCents() < cents) {
            throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.availableCents())
                    + " EUR available to book as spent");
        }
        if (kind == Kind.SPEND && cents < 0 && line.spentCents() < -cents) {
            throw new LedgerException("line " + lineCode + " has only " + Cents.format(line.spentCents())
                    + " EUR spent to credit back");
        }
        Optional<UUID> booked = ledger.book(budgetId, MovementKind.CORRECTION, key, sourceMessageId, null, correctionId,
                List.of(leg));
        if (booked.isEmpty()) {
            // Another correction under the same id committed while this one was checked (on another line, so
            // no lock kept them apart): it is judged as a repeat now that its legs can be read.
            bookedBefore(key, leg, correctionId);
        }
        return booked;
    }

    /**
     * Whether the id booked exactly this leg before; an id that booked another correction is refused, as
     * a correction id names one correction.
     */
    private boolean bookedBefore(String key, Ledger.Leg leg, String correctionId) {
        Optional<List<Ledger.Leg>> before = booked(key);
        if (before.isEmpty()) {
            return false;
        }
        if (before.get().equals(List.of(leg))) {
            return true;
        }
        throw new IdempotencyConflictException("correctionId", correctionId, "correctionId " + correctionId
                + " was booked for another correction (budget, line, kind or amount); a correction id names "
                + "one correction, so send this one under an id of its own");
    }

    /** The entries booked under the key, if it was booked; a line's entries name the line, so the budget too. */
    private Optional<List<Ledger.Leg>> booked(String key) {
        List<Ledger.Leg> legs = db.sql("""
                        select e.line_id, e.debit_account, e.credit_account, e.amount_cents
                        from ledger_movement m join ledger_entry e on e.movement_id = m.id
                        where m.idempotency_key = ? order by e.id""")
                .param(key)
                .query((rs, n) -> new Ledger.Leg(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4)))
                .list();
        return legs.isEmpty() ? Optional.empty() : Optional.of(legs);
    }
}
