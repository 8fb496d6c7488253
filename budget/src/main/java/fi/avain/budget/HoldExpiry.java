package fi.avain.budget;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Releases holds past their expiry: authorizations the processor never captured. Each hold is its own
 * movement, keyed by the hold, so a second run releases nothing twice.
 */
public final class HoldExpiry {
    private final JdbcClient db;
    private final Ledger ledger;

    public HoldExpiry(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public record Expired(UUID holdId, UUID budgetId, String reference, long releasedCents) {
    }

    /** The ids of holds due to expire, oldest first, at most {@code limit}. */
    public List<UUID> due(int limit) {
        return db.sql("""
                        select id from ledger_hold where status = 'ACTIVE' and expires_at < ?
                        order by expires_at limit ?""")
                .params(Timestamp.from(ledger.now()), limit).query(UUID.class).list();
    }

    /** Expires one hold in the caller's transaction; null when it was captured, released or expired meanwhile. */
    public Expired expire(UUID holdId) {
        var row = db.sql("""
                        select budget_id, line_id, remaining_cents, reference from ledger_hold
                        where id = ? and status = 'ACTIVE' and expires_at < ? for update""")
                .params(holdId, Timestamp.from(ledger.now())).query().listOfRows();
        if (row.isEmpty()) {
            return null;
        }
        UUID budgetId = (UUID) row.get(0).get("budget_id");
        UUID lineId = (UUID) row.get(0).get("line_id");
        long remaining = ((Number) row.get(0).get("remaining_cents")).longValue();
        String reference = (String) row.get(0).get("reference");
        db.sql("select id from budget_line where id = ? for update").param(lineId).query(UUID.class).single();
        if (remaining > 0) {
            ledger.book(budgetId, MovementKind.EXPIRY, "expiry:" + holdId, null, "card", reference,
                    List.of(new Ledger.Leg(lineId, Accounts.available(lineId), Accounts.held(lineId), remaining)));
        }
        db.sql("update ledger_hold set remaining_cents = 0, status = 'EXPIRED', updated_at = ? where id = ?")
                .params(Timestamp.from(ledger.now()), holdId).update();
        return new Expired(holdId, budgetId, reference, remaining);
    }
}
