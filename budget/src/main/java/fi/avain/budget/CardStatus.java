package fi.avain.budget;

import java.util.Locale;

/**
 * A payment card's state in the registry; only an active card can be authorized. Active and blocked
 * go both ways; lost and closed are final.
 */
public enum CardStatus {
    ACTIVE, BLOCKED, LOST, CLOSED;

    public static CardStatus parse(String text) {
        for (CardStatus s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new InvalidRequestException("status must be one of active, blocked, lost, closed");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
