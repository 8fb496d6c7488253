package fi.avain.routes.fhir;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as kept.
 *
 * @param owner  who created it (a token subject or an API key's principal)
 * @param error  why deliveries fail, once the subscription is in error; null otherwise
 * @param end    when it stops by itself; null for never
 */
public record StoredSubscription(UUID id, String tenant, UUID clientId, String owner, SubscriptionCriteria criteria,
                                 SubscriptionChannel channel, String reason, SubscriptionStatus status, String error,
                                 int consecutiveFailures, Instant end, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        // The channel's own toString hides header values; the owner and client are no one's business in a log.
        return "StoredSubscription[id=" + id + ", criteria=" + criteria.text() + ", channel=" + channel
                + ", status=" + status.code() + ", consecutiveFailures=" + consecutiveFailures + "]";
    }
}
