package fi.avain.routes.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.routes.messages.MessageCipher;
import fi.avain.routes.messages.SealedBody;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The portal's subscriptions. Checks what a subscriber asks for ({@link #request}) and keeps it;
 * deciding whose data the criteria name, and whether the caller may see it, is the caller's part.
 * The channel's header lines are the subscriber's credentials: they are kept sealed with the message
 * store's key (AES-GCM, bound to the subscription's id), and a list kept plain before that is still read.
 */
public final class SubscriptionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            id, tenant, client_id, owner, criteria_resource, criteria_id, endpoint, headers, reason, status, error,
            consecutive_failures, end_at, created_at, updated_at""";
    private static final int MAX_REASON = 1000;

    private final JdbcClient db;
    private final TransactionOperations tx;
    private final MessageCipher cipher;
    private final Clock clock;
    private final EndpointAddresses addresses;

    /** @param addresses where notifications may go; production's also want https unless to loopback */
    public SubscriptionStore(JdbcClient db, TransactionOperations tx, MessageCipher cipher, Clock clock,
                             EndpointAddresses addresses) {
        this.db = db;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
        this.addresses = addresses;
    }

    /** As a node outside production has it: any endpoint, plain http included. */
    public SubscriptionStore(JdbcClient db, TransactionOperations tx, MessageCipher cipher, Clock clock) {
        this(db, tx, cipher, clock, EndpointAddresses.any());
    }

    EndpointAddresses addresses() {
        return addresses;
    }

    /** What a subscriber asked for, checked. */
    public record Request(SubscriptionCriteria criteria, SubscriptionChannel channel, String reason, Instant end) {
    }

    /** Checks a subscriber's wishes; throws {@link InvalidSubscriptionException} naming the element at fault. */
    public Request request(String criteria, String endpoint, List<String> headers, String reason, Instant end) {
        SubscriptionCriteria parsed = SubscriptionCriteria.parse(criteria);
        SubscriptionChannel channel = SubscriptionChannel.of(endpoint, headers, addresses.publicOnly());
        String refused = addresses.refusal(channel.endpoint().getHost());
        if (refused != null) {
            throw new InvalidSubscriptionException("Subscription.channel.endpoint", "its " + refused);
        }
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
                        sealed(id, request.channel().headers()), request.reason(),
                        request.end() == null ? null : Timestamp.from(request.end()), now, now)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<StoredSubscription> find(UUID id) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where id = ?").param(id)
                .query(this::row).optional();
    }

    /** A client's subscriptions, newest first. */
    public List<StoredSubscription> listByClient(UUID clientId) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where client_id = ? order by created_at desc, id")
                .param(clientId).query(this::row).list();
    }

    /** The subscriptions someone created, newest first. */
    public List<StoredSubscription> listByOwner(String owner) {
        return db.sql("select " + COLUMNS + " from fhir_subscription where owner = ? order by created_at desc, id")
                .param(owner).query(this::row).list();
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

    private StoredSubscription row(ResultSet rs, int n) throws SQLException {
        Timestamp end = rs.getTimestamp("end_at");
        UUID id = rs.getObject("id", UUID.class);
        return new StoredSubscription(id, rs.getString("tenant"),
                rs.getObject("client_id", UUID.class), rs.getString("owner"),
                new SubscriptionCriteria(rs.getString("criteria_resource"), rs.getObject("criteria_id", UUID.class)),
                new SubscriptionChannel(URI.create(rs.getString("endpoint")), headers(id, rs.getString("headers"))),
                rs.getString("reason"), SubscriptionStatus.of(rs.getString("status")), rs.getString("error"),
                rs.getInt("consecutive_failures"), end == null ? null : end.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** No headers as an empty list; any as {@code {"keyId", "nonce", "sealed"}} over their JSON list. */
    private String sealed(UUID id, List<String> headers) {
        String list = json(headers);
        if (headers.isEmpty()) {
            return list;
        }
        SealedBody body = cipher.seal(id, list.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode node = JSON.createObjectNode().put("keyId", body.keyId())
                .put("nonce", Base64.getEncoder().encodeToString(body.nonce()))
                .put("sealed", Base64.getEncoder().encodeToString(body.ciphertext()));
        return node.toString();
    }

    private static String json(List<String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header lines could not be written as JSON", e);
        }
    }

    private List<String> headers(UUID id, String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            if (node.isObject()) {
                byte[] list = cipher.open(id, new SealedBody(node.path("keyId").asText(),
                        Base64.getDecoder().decode(node.path("nonce").asText()),
                        Base64.getDecoder().decode(node.path("sealed").asText())));
                node = JSON.readTree(list);
            }
            if (!node.isArray()) {
                throw new IllegalStateException("subscription " + id + ": its stored headers are not a JSON list");
            }
            return JSON.convertValue(node, new TypeReference<List<String>>() { });
        } catch (MessageCipher.BodyUnreadableException e) {
            throw new IllegalStateException("subscription " + id + ": its stored headers cannot be opened: sealed "
                    + "with a key no longer configured (keep it under avain.messages.previous-keys), or altered");
        } catch (java.io.IOException | IllegalArgumentException e) {
            // Never the exception's message: it quotes the stored text, which holds credentials.
            throw new IllegalStateException("subscription " + id + ": its stored headers cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
