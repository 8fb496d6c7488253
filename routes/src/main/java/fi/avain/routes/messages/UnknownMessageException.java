package fi.avain.routes.messages;

import java.util.UUID;

/** No stored message has the id. */
public class UnknownMessageException extends RuntimeException {
    private final UUID id;

    public UnknownMessageException(UUID id) {
        super("no stored message has id " + id);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
