package fi.avain.routes.messages;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A message as an operator reads it: metadata and the body as text, identity codes masked. */
public record MessageView(UUID id, String flow, String sourceId, String tenant, MessageStatus status, int attempts,
                          String reason, Instant receivedAt, Instant updatedAt, Map<String, String> keys,
                          String contentType, String body) {

    static MessageView masked(StoredMessage m) {
        return new MessageView(m.id(), m.flow(), PersonalDataMasker.maskOutsideIds(m.sourceId()), m.tenant(), m.status(),
                m.attempts(), PersonalDataMasker.mask(m.reason()), m.receivedAt(), m.updatedAt(),
                PersonalDataMasker.maskValues(m.keys()), m.contentType(), PersonalDataMasker.mask(m.bodyText()));
    }
}
