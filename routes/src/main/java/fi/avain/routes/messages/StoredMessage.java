package fi.avain.routes.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored message with its body decrypted. */
public record StoredMessage(UUID id, String flow, String sourceId, String tenant, Map<String, String> keys,
                            MessageStatus status, int attempts, String reason, String contentType,
                            String contentHash, Instant receivedAt, Instant updatedAt, byte[] body) {

    public StoredMessage {
        keys = Map.copyOf(keys);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
