package fi.avain.budget;

import fi.avain.budget.Declarations.DeclarationStatus;
import fi.avain.budget.Declarations.DeclarationView;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of declarations: a provider's claim on a line, standalone or from a voucher's event. */
final class DeclarationQueries {
    private final JdbcClient db;
    private final Ledger ledger;

    DeclarationQueries(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** A declaration as its decisions need it, read under its row lock. */
    record Row(UUID id, UUID budgetId, UUID lineId, UUID holdId, long amountCents, long clientShareCents,
               String voucherId, String eventId, DeclarationStatus status) {
    }

    record NewDeclaration(UUID id, String tenant, UUID budgetId, UUID lineId, UUID holdId, String providerBusinessId,
                          String serviceClass, LocalDate serviceDate, long amountCents, long clientShareCents,
                          String description, String voucherId, String eventId, String declarationKey,
                          UUID sourceMessageId) {
    }

    /** Inserts the declaration, pending, unless its key is taken; answers whether it did. */
    boolean insert(NewDeclaration d) {
        Timestamp now = now();
        return db.sql("""
                        insert into declaration (id, tenant, budget_id, line_id, hold_id, provider_business_id,
                                                 service_class, service_date, amount_cents, client_share_cents,
                                                 description, voucher_id, event_id, declaration_key, status,
                                                 source_message_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict do nothing""")
                .params(d.id(), d.tenant(), d.budgetId(), d.lineId(), d.holdId(), d.providerBusinessId(),
                        d.serviceClass(), Date.valueOf(d.serviceDate()), d.amountCents(), d.clientShareCents(),
                        d.description(), d.voucherId(), d.eventId(), d.declarationKey(), d.sourceMessageId(), now, now)
                .update() == 1;
    }

    void attachHold(UUID id, UUID holdId) {
        db.sql("update declaration set hold_id = ? where id = ?").params(holdId, id).update();
    }

    Optional<Row> lock(UUID id) {
        return db.sql("""
                        select id, budget_id, line_id, hold_id, amount_cents, client_share_cents, voucher_id, event_id,
                               status
                        from declaration where id = ? for update""")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getLong(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8), DeclarationStatus.valueOf(rs.getString(9))))
                .optional();
    }

    void decide(UUID id, DeclarationStatus status, String actor, String reason) {
        Timestamp now = now();
        db.sql("""
                        update declaration set status = ?, decided_by = ?, decided_at = ?, reason = ?, updated_at = ?
                        where id = ?""")
                .params(status.name(), actor, now, reason, now, id).update();
    }

    Optional<UUID> idByKey(String declarationKey) {
        return db.sql("select id from declaration where declaration_key = ?").param(declarationKey)
                .query(UUID.class).optional();
    }

    Optional<String> tenantOf(UUID id) {
        return db.sql("select tenant from declaration where id = ?").param(id).query(String.class).optional();
    }

    Optional<DeclarationView> view(UUID id) {
        return db.sql("""
                        select d.id, d.tenant, d.budget_id, l.code, d.provider_business_id, d.service_class,
                               d.service_date, d.amount_cents, d.description, d.voucher_id, d.status, d.decided_by,
                               d.decided_at, d.reason, d.created_at
                        from declaration d join budget_line l on l.id = d.line_id where d.id = ?""")
                .param(id)
                .query((rs, n) -> new DeclarationView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getDate(7).toLocalDate(), rs.getLong(8), rs.getString(9), rs.getString(10),
                        DeclarationStatus.valueOf(rs.getString(11)), rs.getString(12),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
                        rs.getTimestamp(15).toInstant()))
                .optional();
    }

    private Timestamp now() {
        return Timestamp.from(ledger.now());
    }
}
