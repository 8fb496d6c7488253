package fi.avain.budget;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes movements: one effect, its double entries and the line balances they change, all in the
 * caller's transaction. Every public method here expects to run inside one; nothing commits on its own.
 * See {@link LedgerInvariants} for what the writes keep true.
 */
public final class Ledger {
    private final JdbcClient db;
    private final Clock clock;
    private final ChangeListener changes;

    public Ledger(JdbcClient db, Clock clock) {
        this(db, clock, ChangeListener.NONE);
    }

    public Ledger(JdbcClient db, Clock clock, ChangeListener changes) {
        this.db = db;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Told of every movement booked on a budget, inside the booking transaction; the movement is also
     * in {@code ledger_change}, so a listener only wakes whoever reads that outbox.
     */
    @FunctionalInterface
    public interface ChangeListener {
        ChangeListener NONE = budgetId -> {
        };

        void booked(UUID budgetId);
    }

    public Instant now() {
        return clock.instant();
    }

    /** One leg: debit {@code debit}, credit {@code credit}, by a positive number of cents. */
    public record Leg(UUID lineId, String debit, String credit, long cents) {
        public Leg {
            if (cents <= 0) {
                throw new IllegalArgumentException("a ledger entry moves a positive amount");
            }
        }
    }

    /** A line's change in balances that the legs of a movement make. */
    public record LineDelta(UUID lineId, long allocated, long held, long spent) {
    }

    /**
     * Books a movement, or does nothing and answers empty when its idempotency key was booked before
     * (by this transaction's predecessors, or by a concurrent one that committed first).
     */
    public Optional<UUID> book(UUID budgetId, MovementKind kind, String idempotencyKey, UUID sourceMessageId,
                               String channel, String reference, List<Leg> legs) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = db.sql("""
                        insert into ledger_movement (id, budget_id, kind, idempotency_key, source_message_id, channel,
                                                     reference, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, budgetId, kind.name(), idempotencyKey, sourceMessageId, channel, reference, now)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        for (Leg leg : legs) {
            db.sql("""
                            insert into ledger_entry (movement_id, budget_id, line_id, debit_account, credit_account,
                                                      amount_cents, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, budgetId, leg.lineId(), leg.debit(), leg.credit(), leg.cents(), now)
                    .update();
        }
        if (budgetId != null) {
            db.sql("""
                            insert into ledger_change (budget_id, movement_id, kind, channel, reference, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(budgetId, id, kind.name(), channel, reference, now)
                    .update();
        }
        for (LineDelta delta : deltas(legs)) {
            db.sql("""
                            update budget_line set allocated_cents = allocated_cents + ?, held_cents = held_cents + ?,
                                   spent_cents = spent_cents + ?, updated_at = ? where id = ?""")
                    .params(delta.allocated(), delta.held(), delta.spent(), now, delta.lineId())
                    .update();
        }
        if (budgetId != null) {
            changes.booked(budgetId);
        }
        return Optional.of(id);
    }

    /** Whether a movement with this idempotency key has been booked. */
    public boolean booked(String idempotencyKey) {
        return db.sql("select count(*) from ledger_movement where idempotency_key = ?")
                .param(idempotencyKey).query(Long.class).single() > 0;
    }

    /** How the line balances change: derived from the legs, so balances cannot drift from the entries. */
    static List<LineDelta> deltas(List<Leg> legs) {
        List<LineDelta> out = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.lineId() == null) {
                continue;
            }
            long[] change = new long[3];
            apply(leg.lineId(), leg.debit(), leg.cents(), change);
            apply(leg.lineId(), leg.credit(), -leg.cents(), change);
            // allocated = available + held + spent, so it moves only when money enters or leaves the line
            long allocated = change[0] + change[1] + change[2];
            out.add(merge(out, new LineDelta(leg.lineId(), allocated, change[1], change[2])));
        }
        return out.stream().filter(d -> d.allocated() != 0 || d.held() != 0 || d.spent() != 0).distinct().toList();
    }

    private static LineDelta merge(List<LineDelta> out, LineDelta delta) {
        for (int i = 0; i < out.size(); i++) {
            LineDelta d = out.get(i);
            if (d.lineId().equals(delta.lineId())) {
                out.remove(i);
                return new LineDelta(d.lineId(), d.allocated() + delta.allocated(), d.held() + delta.held(),
                        d.spent() + delta.spent());
            }
        }
        return delta;
    }

    private static void apply(UUID line, String account, long cents, long[] change) {
        if (account.equals(Accounts.available(line))) {
            change[0] += cents;
        } else if (account.equals(Accounts.held(line))) {
            change[1] += cents;
        } else if (account.equals(Accounts.spent(line))) {
            change[2] += cents;
        }
    }
}
