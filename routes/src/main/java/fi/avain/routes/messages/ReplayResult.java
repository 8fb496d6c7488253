package fi.avain.routes.messages;

import java.util.UUID;

/** One message's replay: its status before and after, and why it failed or was skipped. */
public record ReplayResult(UUID id, MessageStatus previousStatus, MessageStatus status, String reason) {

    boolean skipped() {
        return previousStatus.isDone();
    }
}
