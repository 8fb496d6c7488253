package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.routes.fhir.NotificationQueries.Change;
import fi.avain.routes.fhir.NotificationQueries.Due;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link NotificationQueries#deliveredAndClaimNext} must do on either database: what {@code delivered},
 * {@code dueHead} and {@code claim} do one after another. The notifications are due a day from now, so a
 * dispatcher running on the same database leaves them alone.
 */
final class DeliveredAndClaimNext {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final AtomicLong CHANGES = new AtomicLong(System.nanoTime());

    private final JdbcClient db;
    private final NotificationQueries queries;
    private final UUID subscriptionId;
    private final Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    DeliveredAndClaimNext(JdbcClient db, NotificationQueries queries, UUID subscriptionId) {
        this.db = db;
        this.queries = queries;
        this.subscriptionId = subscriptionId;
    }

    /** Runs every case on the subscription, which must be live and owed nothing yet. */
    void check() {
        claimsTheNextHeadInOrderAndClearsTheFailures();
        claimsNothingWhenNotAsked();
        claimsNoLaterNotificationWhileTheHeadIsNotDue();
        claimsNothingForASubscriptionTurnedOff();
    }

    private void claimsTheNextHeadInOrderAndClearsTheFailures() {
        List<Long> ids = owe(3, due);
        db.sql("update fhir_subscription set consecutive_failures = 2, status = 'error', error = 'delivery failing'"
                + " where id = ?").param(subscriptionId).update();
        Due first = head(due);
        assertThat(first.id()).isEqualTo(ids.get(0));
        assertThat(first.subscriptionFailures()).isEqualTo(2);
        assertThat(queries.claim(first.id(), due, due.plus(LEASE))).isTrue();

        Instant at = due.plusSeconds(1);
        Due second = queries.deliveredAndClaimNext(first, at, at.plus(LEASE), true).orElseThrow();

        assertThat(second.id()).isEqualTo(ids.get(1));
        assertThat(second.subscriptionId()).isEqualTo(subscriptionId);
        assertThat(second.resourceType()).isEqualTo("ChargeItem");
        assertThat(second.subscriptionFailures()).isZero();
        assertThat(second.changedAt()).isEqualTo(due.minusSeconds(60));
        assertDelivered(first.id(), at);
        assertThat(nextAttempt(second.id())).as("claimed for its lease").isEqualTo(at.plus(LEASE));
        assertThat(nextAttempt(ids.get(2))).isEqualTo(due);
        assertThat(db.sql("select consecutive_failures, status, error from fhir_subscription where id = ?")
                .param(subscriptionId).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .single()).isEqualTo("0 active null");
        // Delivered once: the same notification again changes nothing.
        queries.deliveredAndClaimNext(first, at, at.plus(LEASE), false);
        assertThat(attempts(first.id())).isEqualTo(1);

        Instant later = at.plusSeconds(1);
        Due third = queries.deliveredAndClaimNext(second, later, later.plus(LEASE), true).orElseThrow();
        assertThat(third.id()).isEqualTo(ids.get(2));
        assertDelivered(second.id(), later);

        assertThat(queries.deliveredAndClaimNext(third, later, later.plus(LEASE), true)).isEmpty();
        assertDelivered(third.id(), later);
        assertThat(db.sql("select count(*) from fhir_notification where subscription_id = ? and status = 'PENDING'")
                .param(subscriptionId).query(Long.class).single()).isZero();
    }

    private void claimsNothingWhenNotAsked() {
        List<Long> ids = owe(2, due);
        Due first = head(due);
        queries.claim(first.id(), due, due.plus(LEASE));

        assertThat(queries.deliveredAndClaimNext(first, due, due.plus(LEASE), false)).isEmpty();

        assertDelivered(ids.get(0), due);
        assertThat(nextAttempt(ids.get(1))).as("left for the worker").isEqualTo(due);
        deliverAll();
    }

    private void claimsNoLaterNotificationWhileTheHeadIsNotDue() {
        Due first = head(owe(1, due).get(0));
        Instant retry = due.plusSeconds(30);
        long waiting = owe(1, retry).get(0);
        long dueLater = owe(1, due).get(0);

        assertThat(queries.deliveredAndClaimNext(first, due, due.plus(LEASE), true)).isEmpty();

        assertDelivered(first.id(), due);
        assertThat(nextAttempt(waiting)).isEqualTo(retry);
        assertThat(nextAttempt(dueLater)).as("order is kept: not before the head").isEqualTo(due);
        deliverAll();
    }

    private void claimsNothingForASubscriptionTurnedOff() {
        List<Long> ids = owe(2, due);
        Due first = head(due);
        db.sql("update fhir_subscription set status = 'off' where id = ?").param(subscriptionId).update();

        assertThat(queries.deliveredAndClaimNext(first, due, due.plus(LEASE), true)).isEmpty();

        assertThat(nextAttempt(ids.get(1))).isEqualTo(due);
        db.sql("update fhir_subscription set status = 'active' where id = ?").param(subscriptionId).update();
        deliverAll();
    }

    private List<Long> owe(int count, Instant nextAttempt) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long change = CHANGES.incrementAndGet();
            queries.owe(subscriptionId, new Change(change, UUID.randomUUID(), UUID.randomUUID(), "card", "r-" + change,
                    due.minusSeconds(60)), "ChargeItem", UUID.randomUUID(), nextAttempt);
            ids.add(db.sql("select id from fhir_notification where subscription_id = ? and change_id = ?")
                    .params(subscriptionId, change).query(Long.class).single());
        }
        return ids;
    }

    private Due head(Instant now) {
        return queries.dueHead(subscriptionId, now).orElseThrow();
    }

    private Due head(long id) {
        Due head = head(due);
        assertThat(head.id()).isEqualTo(id);
        return head;
    }

    private void deliverAll() {
        db.sql("update fhir_notification set status = 'DELIVERED', delivered_at = ? where subscription_id = ?")
                .params(Timestamp.from(due), subscriptionId).update();
    }

    private void assertDelivered(long id, Instant at) {
        assertThat(db.sql("select status, attempts, last_error, delivered_at from fhir_notification where id = ?")
                .param(id).query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " "
                        + rs.getTimestamp(4).toInstant()).single())
                .isEqualTo("DELIVERED 1 null " + at);
    }

    private Instant nextAttempt(long id) {
        return db.sql("select next_attempt_at from fhir_notification where id = ?").param(id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    private int attempts(long id) {
        return db.sql("select attempts from fhir_notification where id = ?").param(id).query(Integer.class).single();
    }
}
