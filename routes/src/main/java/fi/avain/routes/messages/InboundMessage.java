package fi.avain.routes.messages;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A message as it arrives, before it is stored.
 *
 * @param flow        the flow's route id, e.g. {@code card-authorization}
 * @param sourceId    the sender's id for the message (authorization id, PTV GUID, SOAP message id)
 * @param tenant      the wellbeing services county, or null when the message belongs to none
 * @param keys        business keys to search by ({@code serviceId}, {@code clientHash}, {@code voucherId}, ...);
 *                    never a personal identity code; keys with a null value are left out
 * @param contentType the body's media type
 * @param body        the raw body, as received
 */
public record InboundMessage(String flow, String sourceId, String tenant, Map<String, String> keys,
                             String contentType, byte[] body) {

    public InboundMessage {
        requireText(flow, "flow");
        requireText(sourceId, "sourceId");
        requireText(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        keys = keys == null ? Map.of() : withoutNullValues(keys);
    }

    private static Map<String, String> withoutNullValues(Map<String, String> keys) {
        return keys.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
