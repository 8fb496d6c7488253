package fi.avain.routes.messages;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Builds inbound messages for tests. */
final class TestMessages {
    private TestMessages() {
    }

    static InboundMessage message(String flow, String body) {
        return message(flow, body, Map.of());
    }

    static InboundMessage message(String flow, String body, Map<String, String> keys) {
        return new InboundMessage(flow, "src-" + UUID.randomUUID(), "tenant-01", keys, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A flow name no other test uses, so searches see only this test's messages. */
    static String uniqueFlow(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
