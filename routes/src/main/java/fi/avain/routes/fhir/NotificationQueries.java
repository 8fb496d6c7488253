package fi.avain.routes.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** The dispatcher's SQL: the ledger's change outbox in, notifications out. */
final class NotificationQueries {
    private final JdbcClient db;
    private final TransactionOperations tx;
    private final boolean postgres;

    /** @param postgres whether the database is PostgreSQL, which lets a statement both update and claim */
    NotificationQueries(JdbcClient db, TransactionOperations tx, boolean postgres) {
        this.db = db;
        this.tx = tx;
        this.postgres = postgres;
    }

    /** A movement booked on a budget, as the ledger's outbox has it. */
    record Change(long id, UUID budgetId, UUID movementId, String channel, String reference, Instant at) {
    }

    /** A subscription that may want to hear of a change. */
    record Watcher(UUID id, String resource, UUID criteriaId) {
    }

    /** The oldest undelivered notification of a subscription, due for an attempt. */
    record Due(long id, UUID subscriptionId, String resourceType, UUID resourceId, Instant changedAt,
               int subscriptionFailures) {
    }

    /** The oldest changes, locked; rows another transaction holds are skipped rather than waited for. */
    List<Change> lockChanges(int limit) {
        return db.sql("""
                        select id, budget_id, movement_id, channel, reference, created_at from ledger_change
                        order by id limit ? for update skip locked""")
                .param(limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    long oldestChange() {
        return db.sql("select min(id) from ledger_change").query((rs, n) -> rs.getObject(1) == null ? Long.MAX_VALUE
                : rs.getLong(1)).single();
    }

    List<UUID> linesOf(UUID movementId) {
        return db.sql("select distinct line_id from ledger_entry where movement_id = ? and line_id is not null")
                .param(movementId).query(UUID.class).list();
    }

    /** The client's subscriptions that are live: an Account or ChargeItem criteria always names one client. */
    List<Watcher> watchers(UUID clientId, Instant now) {
        return db.sql("""
                        select id, criteria_resource, criteria_id from fhir_subscription
                        where client_id = ? and status in ('active', 'error') and (end_at is null or end_at > ?)
                        order by id""")
                .params(clientId, Timestamp.from(now))
                .query((rs, n) -> new Watcher(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }

    void owe(UUID subscriptionId, Change change, String resourceType, UUID resourceId, Instant now) {
        Timestamp at = Timestamp.from(now);
        db.sql("""
                        insert into fhir_notification (subscription_id, change_id, resource_type, resource_id, status,
                               attempts, next_attempt_at, changed_at, created_at)
                        values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) on conflict do nothing""")
                .params(subscriptionId, change.id(), resourceType, resourceId, at, Timestamp.from(change.at()), at)
                .update();
    }

    void consume(List<Long> changeIds) {
        db.sql("delete from ledger_change where id in (:ids)").param("ids", changeIds).update();
    }

    /**
     * Heads of line that are due: a subscription's oldest pending notification, never a later one. A failed
     * head pushes its whole queue back, so the queues of waiting subscriptions are not scanned each time.
     */
    List<Due> dueHeads(Instant now, int limit) {
        return db.sql("""
                        select n.id, n.subscription_id, n.resource_type, n.resource_id, n.changed_at,
                               s.consecutive_failures
                        from fhir_subscription s join fhir_notification n on n.id =
                             (select min(h.id) from fhir_notification h
                              where h.subscription_id = s.id and h.status = 'PENDING')
                        where s.status in ('active', 'error') and n.next_attempt_at <= ?
                        order by n.next_attempt_at, n.id limit ?""")
                .params(Timestamp.from(now), limit)
                .query(NotificationQueries::due)
                .list();
    }

    /** The subscription's oldest pending notification, when it is due (not a later one: order is kept). */
    Optional<Due> dueHead(UUID subscriptionId, Instant now) {
        return db.sql("""
                        select n.id, n.subscription_id, n.resource_type, n.resource_id, n.changed_at,
                               s.consecutive_failures, n.next_attempt_at
                        from fhir_notification n join fhir_subscription s on s.id = n.subscription_id
                        where n.subscription_id = ? and n.status = 'PENDING' and s.status in ('active', 'error')
                        order by n.id limit 1""")
                .param(subscriptionId)
                .query((rs, n) -> rs.getTimestamp(7).toInstant().isAfter(now) ? null : due(rs, n))
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Takes a head for one attempt; false when another node (or an earlier round) has it. */
    boolean claim(long id, Instant now, Instant until) {
        return db.sql("""
                        update fhir_notification set next_attempt_at = ?
                        where id = ? and status = 'PENDING' and next_attempt_at <= ?""")
                .params(Timestamp.from(until), id, Timestamp.from(now)).update() == 1;
    }

    void delivered(Due due, Instant now) {
        Timestamp at = Timestamp.from(now);
        db.sql("""
                        update fhir_notification set status = 'DELIVERED', attempts = attempts + 1, last_error = null,
                               delivered_at = ?
                        where id = ? and status = 'PENDING'""")
                .params(at, due.id()).update();
        if (due.subscriptionFailures() == 0) {
            // nothing to clear: the subscription was active with no failures when its head was read
            return;
        }
        db.sql("""
                        update fhir_subscription set consecutive_failures = 0, error = null, updated_at = ?,
                               status = case when status = 'error' then 'active' else status end
                        where id = ? and status <> 'off' and (consecutive_failures > 0 or status = 'error')""")
                .params(at, due.subscriptionId()).update();
    }

    /**
     * Marks {@code due} delivered (clearing its subscription's failures) and, when {@code claimNext}, claims the
     * subscription's next due notification until {@code until}, as {@link #delivered}, {@link #dueHead} and
     * {@link #claim} would one after another. A sender going through a subscription's queue does this once per
     * notification, so on PostgreSQL it is one statement: one round trip instead of four or five.
     */
    Optional<Due> deliveredAndClaimNext(Due due, Instant now, Instant until, boolean claimNext) {
        if (!postgres) {
            tx.executeWithoutResult(status -> delivered(due, now));
            return claimNext ? dueHead(due.subscriptionId(), now).filter(next -> claim(next.id(), now, until))
                    : Optional.empty();
        }
        Timestamp at = Timestamp.from(now);
        // The statement's parts all see the rows as they were before it, so the next head is the oldest pending
        // one other than the one delivered here. It is found once, as a scalar: joined, PostgreSQL may look for
        // it again for every pending row. After a delivery the subscription has no failures: hence the 0.
        return db.sql("""
                        with done as (
                            update fhir_notification set status = 'DELIVERED', attempts = attempts + 1,
                                   last_error = null, delivered_at = :at
                            where id = :id and status = 'PENDING'),
                        cleared as (
                            update fhir_subscription set consecutive_failures = 0, error = null, updated_at = :at,
                                   status = case when status = 'error' then 'active' else status end
                            where id = :subscription and status <> 'off'
                              and (consecutive_failures > 0 or status = 'error')),
                        head as (
                            select n.id from fhir_notification n join fhir_subscription s on s.id = n.subscription_id
                            where n.subscription_id = :subscription and n.status = 'PENDING' and n.id <> :id
                              and s.status in ('active', 'error') and :claimNext
                            order by n.id limit 1)
                        update fhir_notification set next_attempt_at = :until
                        where id = (select id from head) and status = 'PENDING' and next_attempt_at <= :at
                        returning id, subscription_id, resource_type, resource_id, changed_at, 0""")
                .param("at", at)
                .param("id", due.id())
                .param("subscription", due.subscriptionId())
                .param("claimNext", claimNext)
                .param("until", Timestamp.from(until))
                .query(NotificationQueries::due)
                .optional();
    }

    /** Records a failed attempt; the subscription turns to error once {@code errorAfter} have failed in a row. */
    void failed(Due due, String reason, Instant now, Instant next, int errorAfter) {
        Timestamp at = Timestamp.from(now);
        db.sql("update fhir_notification set attempts = attempts + 1, last_error = ? where id = ? and status = 'PENDING'")
                .params(reason, due.id()).update();
        db.sql("update fhir_notification set next_attempt_at = ? where subscription_id = ? and status = 'PENDING'")
                .params(Timestamp.from(next), due.subscriptionId()).update();
        db.sql("""
                        update fhir_subscription set consecutive_failures = consecutive_failures + 1, updated_at = ?,
                               status = case when consecutive_failures + 1 >= ? then 'error' else status end,
                               error = case when consecutive_failures + 1 >= ? then ? else error end
                        where id = ? and status in ('active', 'error')""")
                .params(at, errorAfter, errorAfter, "delivery failing: " + reason, due.subscriptionId()).update();
    }

    /** When the next pending notification becomes due, if any becomes due after {@code now}. */
    Optional<Instant> nextAttempt(Instant now) {
        return db.sql("select min(next_attempt_at) from fhir_notification where status = 'PENDING' and next_attempt_at > ?")
                .param(Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    long pending() {
        return db.sql("select count(*) from fhir_notification where status = 'PENDING'").query(Long.class).single();
    }

    /** Drops up to {@code limit} notifications delivered before {@code before}. */
    int prune(Instant before, int limit) {
        return db.sql("""
                        delete from fhir_notification where id in (select id from fhir_notification
                               where status = 'DELIVERED' and delivered_at < ? order by id limit ?)""")
                .params(Timestamp.from(before), limit).update();
    }

    /** Turns off subscriptions past their end and drops what off ones were still owed. */
    int endExpired(Instant now) {
        Timestamp at = Timestamp.from(now);
        int ended = db.sql("update fhir_subscription set status = 'off', updated_at = ? where end_at <= ? and status <> 'off'")
                .params(at, at).update();
        db.sql("""
                delete from fhir_notification where status = 'PENDING'
                  and subscription_id in (select id from fhir_subscription where status = 'off')""").update();
        return ended;
    }

    private static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(), rs.getInt(6));
    }
}
