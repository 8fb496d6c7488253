package fi.avain.budget;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What needs a person: written by clearing and reconciliation, listed for operators. */
public final class ReconciliationExceptions {
    private final JdbcClient db;
    private final Ledger ledger;

    public ReconciliationExceptions(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public record Item(UUID id, String tenant, String kind, String reference, long amountCents, String detail,
                       String status, Instant createdAt, Instant resolvedAt, String resolvedBy) {
    }

    public UUID open(String tenant, String kind, String reference, long amountCents, String detail) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into reconciliation_exception (id, tenant, kind, reference, amount_cents, detail, status,
                                                              created_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, tenant, kind, reference, amountCents, detail, Timestamp.from(ledger.now())).update();
        return id;
    }

    /** Newest first; {@code status} null for every status. */
    public List<Item> list(String status, String kind, int offset, int limit) {
        return db.sql("""
                        select id, tenant, kind, reference, amount_cents, detail, status, created_at, resolved_at,
                               resolved_by
                        from reconciliation_exception
                        where (cast(? as text) is null or status = ?) and (cast(? as text) is null or kind = ?)
                        order by created_at desc, id limit ? offset ?""")
                .params(status, status, kind, kind, limit, offset)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .list();
    }

    public long count(String status, String kind) {
        return db.sql("""
                        select count(*) from reconciliation_exception
                        where (cast(? as text) is null or status = ?) and (cast(? as text) is null or kind = ?)""")
                .params(status, status, kind, kind).query(Long.class).single();
    }

    /** Marks an open exception resolved; false when there is none open with that id. */
    public boolean resolve(UUID id, String by) {
        return db.sql("""
                        update reconciliation_exception set status = 'RESOLVED', resolved_at = ?, resolved_by = ?
                        where id = ? and status = 'OPEN'""")
                .params(Timestamp.from(ledger.now()), by, id).update() == 1;
    }
}
