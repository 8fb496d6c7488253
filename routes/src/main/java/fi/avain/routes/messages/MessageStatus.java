package fi.avain.routes.messages;

import java.util.Locale;

/** Where a stored message stands; the same names are the database's {@code message_status_known} check. */
public enum MessageStatus {
    RECEIVED,
    PROCESSED,
    DUPLICATE,
    ERROR;

    /** Nothing more to do with the message: it is applied, or it repeats one that was. */
    public boolean isDone() {
        return this == PROCESSED || this == DUPLICATE;
    }

    String metricTag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
