package fi.avain.routes.messages;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored message's metadata, as operators search it; never the body. */
public record MessageSummary(UUID id, String flow, String sourceId, String tenant, MessageStatus status,
                             int attempts, String reason, Instant receivedAt, Instant updatedAt,
                             Map<String, String> keys) {

    /** As an operator's search shows it: a source id or key chosen by a sender can be an identity code. */
    MessageSummary masked() {
        return new MessageSummary(id, flow, PersonalDataMasker.maskOutsideIds(sourceId), tenant, status, attempts,
                PersonalDataMasker.mask(reason), receivedAt, updatedAt, PersonalDataMasker.maskValues(keys));
    }

    MessageSummary withKeys(Map<String, String> keys) {
        return new MessageSummary(id, flow, sourceId, tenant, status, attempts, reason, receivedAt, updatedAt,
                Map.copyOf(keys));
    }
}
