package fi.avain.budget;

import fi.avain.mappings.budget.Channel;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reservations of vouchers and declarations in {@code ledger_hold}, and the lines they are made on.
 * The holds have no expiry time (the card hold expiry skips them), and the voucher's or declaration's
 * row lock, taken first, serialises every change to them. Their writes touch no line balance: the
 * caller books the matching movement.
 */
final class Holds {
    static final String VOUCHER = "voucher";
    static final String DECLARATION = "declaration";

    private final JdbcClient db;
    private final Ledger ledger;

    Holds(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    UUID open(UUID budgetId, UUID lineId, String channel, String reference, long cents) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(ledger.now());
        db.sql("""
                        insert into ledger_hold (id, budget_id, line_id, channel, reference, authorized_cents,
                                                 remaining_cents, captured_cents, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 0, 'ACTIVE', ?, ?)""")
                .params(id, budgetId, lineId, channel, reference, cents, cents, now, now)
                .update();
        return id;
    }

    /** Takes {@code cents} out of the hold, as captured or as moved elsewhere; an emptied hold closes. */
    void take(UUID holdId, long cents, boolean captured) {
        db.sql("""
                        update ledger_hold set remaining_cents = remaining_cents - ?,
                               captured_cents = captured_cents + ?,
                               status = case when remaining_cents - ? = 0 then 'CLOSED' else status end, updated_at = ?
                        where id = ?""")
                .params(cents, captured ? cents : 0, cents, Timestamp.from(ledger.now()), holdId)
                .update();
    }

    /** Puts {@code cents} back into the hold, which is active again whatever emptied it. */
    void restore(UUID holdId, long cents) {
        db.sql("""
                        update ledger_hold set remaining_cents = remaining_cents + ?, status = 'ACTIVE', updated_at = ?
                        where id = ?""")
                .params(cents, Timestamp.from(ledger.now()), holdId)
                .update();
    }

    /** Empties the hold: {@code CLOSED} when released, {@code EXPIRED} when released by expiry. */
    void empty(UUID holdId, String status) {
        db.sql("update ledger_hold set remaining_cents = 0, status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(ledger.now()), holdId)
                .update();
    }

    /** The budget's tenant; {@link UnknownBudgetException} when there is no such budget. */
    String tenant(UUID budgetId) {
        if (budgetId == null) {
            throw new InvalidRequestException("budgetId is required");
        }
        return db.sql("select tenant from budget where id = ?").param(budgetId).query(String.class).optional()
                .orElseThrow(() -> new UnknownBudgetException("budget " + budgetId));
    }

    /** The budget's line of this code, locked, if it takes spends through {@code channel}. */
    LineState lockLine(UUID budgetId, String lineCode, Channel channel) {
        if (lineCode == null || lineCode.isBlank()) {
            throw new InvalidRequestException("lineCode is required");
        }
        LineState line = db.sql("select " + LineState.COLUMNS
                        + " from budget_line l where l.budget_id = ? and l.code = ? for update")
                .params(budgetId, lineCode.strip()).query(LineState::read).optional()
                .orElseThrow(() -> new InvalidRequestException("lineCode: the budget has no line " + lineCode.strip()));
        if (!line.channels().contains(channel)) {
            throw new InvalidRequestException("lineCode: line " + line.code() + " does not take " + channel.code()
                    + "s");
        }
        return line;
    }

    /**
     * Books a movement that must be new: the row lock of its voucher or declaration, taken first, makes a
     * second booking of the same key a fault rather than a repeat, so it fails the transaction.
     */
    void book(UUID budgetId, MovementKind kind, String key, UUID sourceMessageId, String channel, String reference,
              List<Ledger.Leg> legs) {
        if (ledger.book(budgetId, kind, key, sourceMessageId, channel, reference, legs).isEmpty()) {
            throw new IllegalStateException("movement " + key + " was booked before");
        }
    }

    LineState lockLine(UUID lineId) {
        return db.sql("select " + LineState.COLUMNS + " from budget_line l where l.id = ? for update")
                .param(lineId).query(LineState::read).single();
    }

    static Ledger.Leg hold(UUID line, long cents) {
        return new Ledger.Leg(line, Accounts.held(line), Accounts.available(line), cents);
    }

    static Ledger.Leg release(UUID line, long cents) {
        return new Ledger.Leg(line, Accounts.available(line), Accounts.held(line), cents);
    }

    static Ledger.Leg capture(UUID line, long cents) {
        return new Ledger.Leg(line, Accounts.spent(line), Accounts.held(line), cents);
    }

    static Ledger.Leg spend(UUID line, long cents) {
        return new Ledger.Leg(line, Accounts.spent(line), Accounts.available(line), cents);
    }
}
