package fi.avain.routes.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The portal's subscriptions. Checks what a subscriber asks for ({@link #request}) and keeps it;
 * deciding whose data the criteria name, and whether the caller may see it, is the caller's part.
 */
public final class SubscriptionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            id, tenant, client_id, owner, criteria_resource, criteria_id, endpoint, headers, reason, status, error,
            consecutive_failures, end_at, created_at, updated_at""";
    private static final int MAX_REASON = 1000;

    private final JdbcClient db;
    private final TransactionOperations tx;
    private final Clock clock;
    private final boolean requireHttps;

    /** @param requireHttps production: endpoints must use https unless on loopback */
    public SubscriptionStore(JdbcClient db, TransactionOperations tx, Clock clock, boolean requireHttps) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.requireHttps = requireHttps;
    }

    /** What a subscriber asked for, checked. */
    public record Request(SubscriptionCriteria criteria, SubscriptionChannel channel, String reason, Instant end) {
    }

    /** Checks a subscriber's wishes; throws {@link InvalidSubscriptionException} naming the element at fault. */
    public Request request(String criteria, String endpoint, List<String> headers, String reason, Instant end) {
        SubscriptionCriteria parsed = SubscriptionCriteria.parse(criteria);
        SubscriptionChannel channel = SubscriptionChannel.of(endpoint, headers, requireHttps);
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidSubscriptionException("Subscription.reason", "longer than " + MAX_REASON + " characters");
        }
        if (end != null && !end.isAfter(clock.instant())) {
            throw new InvalidSubscriptionException("Subscription.end", "must be in the future");
        }
        return new Request(parsed, channel, reason, end);
    }

    /** Keeps a subscription for {@code clientId}'s data, active at once (R4 lets the server decide). */
    public StoredSubscription create(Request request, String tenant, UUID clientId, String owner) {
        return create(request, tenant, clientId, owner, null);
    }

    /** As {@link #create(Request, String, UUID, String)}, by a representative under the given grant. */
    public StoredSubscription create(Request request, String tenant, UUID clientId, String owner,
                                     UUID representativeId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                        insert into fhir_subscription (id, tenant, client_id, owner, representative_id, criteria,
                               criteria_resource, criteria_id, endpoint, headers, reason, status,
                               consecutive_failures, end_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, ?)""")
                .params(id, tenant, clientId, owner, representativeId, request.criteria().text(), request.criteria().resource(),
                        request.criteria().id(), request.channel().endpoint().toString(),
                        json(request.channel().headers()), request.reason(),
                        request.end() == null ? null : Timestamp.from(request.end()), now, now)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<StoredSubscription> find(UUID id) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where id = ?").param(id)
                .query(SubscriptionStore::row).optional();
    }

    /** A client's subscriptions, newest first. */
    public List<StoredSubscription> listByClient(UUID clientId) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where client_id = ? order by created_at desc, id")
                .param(clientId).query(SubscriptionStore::row).list();
    }

    /** The subscriptions someone created, newest first. */
    public List<StoredSubscription> listByOwner(String owner) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where owner = ? order by created_at desc, id")
                .param(owner).query(SubscriptionStore::row).list();
    }

    /** Sets the status and its error (null clears it); a subscription turned off stays off. */
    public boolean setStatus(UUID id, SubscriptionStatus status, String error) {
        if (status == SubscriptionStatus.OFF) {
            return delete(id);
        }
        return db.sql("""
                        update fhir_subscription set status = ?, error = ?,
                               consecutive_failures = case when ? then 0 else consecutive_failures end, updated_at = ?
                        where id = ? and status <> 'off'""")
                .params(status.code(), error, status == SubscriptionStatus.ACTIVE, Timestamp.from(clock.instant()), id)
                .update() == 1;
    }

    /**
     * Turns off what a representative subscribed to under a grant that no longer covers it: Account
     * criteria need {@code budget}, ChargeItem criteria need {@code spends}. Answers how many.
     */
    public int turnOffBeyond(UUID representativeId, boolean budget, boolean spends) {
        List<UUID> ids = db.sql("""
                        select id from fhir_subscription where representative_id = ? and status <> 'off'
                        and ((criteria_resource = 'Account' and not ?) or (criteria_resource = 'ChargeItem' and not ?))""")
                .params(representativeId, budget, spends).query(UUID.class).list();
        ids.forEach(this::delete);
        return ids.size();
    }

    /** Turns a subscription off for good, dropping what it was still owed; false when it was off already. */
    public boolean delete(UUID id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int changed = db.sql("update fhir_subscription set status = 'off', updated_at = ? where id = ? and status <> 'off'")
                    .params(Timestamp.from(clock.instant()), id).update();
            db.sql("delete from fhir_notification where subscription_id = ? and status = 'PENDING'").param(id).update();
            return changed == 1;
        }));
    }

    private static StoredSubscription row(ResultSet rs, int n) throws SQLException {
        Timestamp end = rs.getTimestamp("end_at");
        return new StoredSubscription(rs.getObject("id", UUID.class), rs.getString("tenant"),
                rs.getObject("client_id", UUID.class), rs.getString("owner"),
                new SubscriptionCriteria(rs.getString("criteria_resource"), rs.getObject("criteria_id", UUID.class)),
                new SubscriptionChannel(URI.create(rs.getString("endpoint")), headers(rs.getString("headers"))),
                rs.getString("reason"), SubscriptionStatus.of(rs.getString("status")), rs.getString("error"),
                rs.getInt("consecutive_failures"), end == null ? null : end.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String json(List<String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header lines could not be written as JSON", e);
        }
    }

    private static List<String> headers(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            // Never the exception's message: it quotes the stored text, which holds credentials.
            throw new IllegalStateException("a subscription's stored headers are not a JSON list");
        }
    }
}
