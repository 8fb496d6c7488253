package fi.avain.budget;

import fi.avain.budget.Vouchers.EventStatus;
import fi.avain.budget.Vouchers.EventView;
import fi.avain.budget.Vouchers.ServiceEvent;
import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of vouchers, their providers and their events. */
final class VoucherQueries {
    private static final String EVENT_COLUMNS = """
            voucher_id, event_id, provider_business_id, service_date, service_class, quantity, price_cents,
            charged_cents, client_share_cents, client_share_booked_cents, remaining_after_cents, status,
            declaration_id, description, created_at""";

    private final JdbcClient db;
    private final Ledger ledger;

    VoucherQueries(JdbcClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    record NewVoucher(String id, String tenant, UUID budgetId, UUID lineId, VoucherKind kind, long unitValueCents,
                      int quantity, long valueCents, Set<String> serviceClasses, String providerBusinessId,
                      LocalDate validFrom, LocalDate validUntil, String requestKey, UUID sourceMessageId) {
    }

    Optional<LockedVoucher> lock(String id) {
        return db.sql("""
                        select id, tenant, budget_id, line_id, hold_id, kind, status, value_cents, remaining_cents,
                               service_classes, provider_business_id, valid_from, valid_until, voucher_number,
                               reopenings, released_at
                        from voucher where id = ? for update""")
                .param(id)
                .query((rs, n) -> new LockedVoucher(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), VoucherKind.valueOf(rs.getString(6)),
                        VoucherStatus.valueOf(rs.getString(7)), rs.getLong(8), rs.getLong(9),
                        LineState.words(rs.getString(10)), rs.getString(11), rs.getDate(12).toLocalDate(),
                        rs.getDate(13).toLocalDate(), rs.getString(14), rs.getInt(15), rs.getTimestamp(16) != null))
                .optional();
    }

    /** Inserts the voucher unless its request key is taken; answers whether it did. */
    boolean insert(NewVoucher v) {
        Timestamp now = now();
        return db.sql("""
                        insert into voucher (id, tenant, budget_id, line_id, kind, unit_value_cents, quantity,
                                             value_cents, remaining_cents, spent_cents, service_classes,
                                             provider_business_id, valid_from, valid_until, status, request_key,
                                             reopenings, source_message_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'REQUESTED', ?, 0, ?, ?, ?)
                        on conflict do nothing""")
                .params(v.id(), v.tenant(), v.budgetId(), v.lineId(), v.kind().name(), v.unitValueCents(),
                        v.quantity(), v.valueCents(), v.valueCents(), LineState.joined(v.serviceClasses()),
                        v.providerBusinessId(), Date.valueOf(v.validFrom()), Date.valueOf(v.validUntil()),
                        v.requestKey(), v.sourceMessageId(), now, now)
                .update() == 1;
    }

    void attachHold(String id, UUID holdId) {
        db.sql("update voucher set hold_id = ? where id = ?").params(holdId, id).update();
    }

    void issued(String id, String voucherNumber) {
        db.sql("update voucher set status = 'ISSUED', voucher_number = ?, updated_at = ? where id = ?")
                .params(voucherNumber, now(), id).update();
    }

    void failed(String id, String reason) {
        db.sql("""
                        update voucher set status = 'FAILED', remaining_cents = 0, failure_reason = ?, updated_at = ?
                        where id = ?""")
                .params(reason, now(), id).update();
    }

    void reopened(String id, int reopenings) {
        db.sql("""
                        update voucher set status = 'REQUESTED', remaining_cents = value_cents, reopenings = ?,
                               failure_reason = null, updated_at = ?
                        where id = ?""")
                .params(reopenings, now(), id).update();
    }

    /** An issued voucher becomes accepted; the row is locked, so its status read with the lock still holds. */
    void accepted(LockedVoucher v) {
        if (v.status() == Vouchers.VoucherStatus.ISSUED) {
            db.sql("update voucher set status = 'ACCEPTED', updated_at = ? where id = ? and status = 'ISSUED'")
                    .params(now(), v.id()).update();
        }
    }

    void cancelled(String id, String cancelKey) {
        db.sql("""
                        update voucher set status = 'CANCELLED', remaining_cents = 0, cancel_key = ?, updated_at = ?
                        where id = ?""")
                .params(cancelKey, now(), id).update();
    }

    /**
     * An expiry before the last valid day ends the validity there: events after it are refused, and the
     * grace period and the release count from it.
     */
    void expired(String id, LocalDate expiredOn) {
        Timestamp now = now();
        Date on = Date.valueOf(expiredOn);
        db.sql("""
                        update voucher set status = 'EXPIRED', expired_on = ?, expired_at = ?, updated_at = ?,
                               valid_until = case when ? < valid_until
                                                  then case when ? < valid_from then valid_from else ? end
                                                  else valid_until end
                        where id = ?""")
                .params(on, now, now, on, on, on, id).update();
    }

    void released(String id) {
        Timestamp now = now();
        db.sql("update voucher set remaining_cents = 0, released_at = ?, updated_at = ? where id = ?")
                .params(now, now, id).update();
    }

    /** Changes what remains and what was spent: an event applied, held for approval, or given back. */
    void change(String id, long remainingDelta, long spentDelta) {
        db.sql("""
                        update voucher set remaining_cents = remaining_cents + ?, spent_cents = spent_cents + ?,
                               updated_at = ?
                        where id = ?""")
                .params(remainingDelta, spentDelta, now(), id).update();
    }

    List<String> providers(String id) {
        return db.sql("""
                        select provider_business_id from voucher_provider where voucher_id = ?
                        order by created_at, provider_business_id""")
                .param(id).query(String.class).list();
    }

    void accept(String id, String providerBusinessId, LocalDate acceptedOn) {
        db.sql("""
                        insert into voucher_provider (voucher_id, provider_business_id, accepted_on, created_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(id, providerBusinessId, Date.valueOf(acceptedOn), now()).update();
    }

    Optional<String> idByRequestKey(String requestKey) {
        return db.sql("select id from voucher where request_key = ?").param(requestKey).query(String.class).optional();
    }

    Optional<String> tenantOf(String id) {
        return db.sql("select tenant from voucher where id = ?").param(id).query(String.class).optional();
    }

    Optional<VoucherView> view(String id) {
        return db.sql("""
                        select v.id, v.tenant, v.budget_id, l.code, v.kind, v.status, v.unit_value_cents, v.quantity,
                               v.value_cents, v.remaining_cents, v.spent_cents, v.service_classes,
                               v.provider_business_id, v.valid_from, v.valid_until, v.voucher_number, v.failure_reason,
                               v.created_at, v.updated_at
                        from voucher v join budget_line l on l.id = v.line_id where v.id = ?""")
                .param(id)
                .query((rs, n) -> new VoucherView(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), VoucherKind.valueOf(rs.getString(5)), VoucherStatus.valueOf(rs.getString(6)),
                        rs.getLong(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        Collections.unmodifiableSortedSet(new TreeSet<>(LineState.words(rs.getString(12)))),
                        rs.getString(13), List.of(), rs.getDate(14).toLocalDate(), rs.getDate(15).toLocalDate(),
                        rs.getString(16), rs.getString(17), rs.getTimestamp(18).toInstant(),
                        rs.getTimestamp(19).toInstant()))
                .optional()
                .map(v -> v.withAcceptedBy(providers(id)));
    }

    void insertEvent(String voucherId, ServiceEvent e, String providerBusinessId, String serviceClass,
                     long clientShareBookedCents, long remainingAfterCents, EventStatus status, UUID declarationId,
                     UUID sourceMessageId) {
        Timestamp now = now();
        db.sql("""
                        insert into voucher_event (voucher_id, event_id, provider_business_id, service_date,
                                                   service_class, quantity, price_cents, charged_cents,
                                                   client_share_cents, client_share_booked_cents,
                                                   remaining_after_cents, status, declaration_id, description,
                                                   source_message_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(voucherId, e.eventId(), providerBusinessId, Date.valueOf(e.serviceDate()), serviceClass,
                        e.quantity(), e.priceCents(), e.chargedCents(), e.clientShareCents(), clientShareBookedCents,
                        remainingAfterCents, status.name(), declarationId, e.description(), sourceMessageId, now, now)
                .update();
    }

    void eventDecided(String voucherId, String eventId, EventStatus status) {
        db.sql("update voucher_event set status = ?, updated_at = ? where voucher_id = ? and event_id = ?")
                .params(status.name(), now(), voucherId, eventId).update();
    }

    Optional<EventView> event(String voucherId, String eventId) {
        return db.sql("select " + EVENT_COLUMNS + " from voucher_event where voucher_id = ? and event_id = ?")
                .params(voucherId, eventId).query(VoucherQueries::event).optional();
    }

    List<EventView> events(String voucherId) {
        return db.sql("select " + EVENT_COLUMNS + " from voucher_event where voucher_id = ? order by seq")
                .param(voucherId).query(VoucherQueries::event).list();
    }

    private static EventView event(ResultSet rs, int row) throws SQLException {
        return new EventView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), EventStatus.valueOf(rs.getString(12)), rs.getObject(13, UUID.class), rs.getString(14),
                rs.getTimestamp(15).toInstant());
    }

    /** Issued or accepted vouchers whose last valid day is before {@code today}. */
    List<String> dueToExpire(LocalDate today, int limit) {
        return db.sql("""
                        select id from voucher where status in ('ISSUED', 'ACCEPTED') and valid_until < ?
                        order by valid_until, id limit ?""")
                .params(Date.valueOf(today), limit).query(String.class).list();
    }

    /** Expired vouchers that still hold money and whose last valid day is before {@code cutoff}. */
    List<String> dueForRelease(LocalDate cutoff, int limit) {
        return db.sql("""
                        select id from voucher where status = 'EXPIRED' and remaining_cents > 0 and valid_until < ?
                        order by valid_until, id limit ?""")
                .params(Date.valueOf(cutoff), limit).query(String.class).list();
    }

    private Timestamp now() {
        return Timestamp.from(ledger.now());
    }
}
