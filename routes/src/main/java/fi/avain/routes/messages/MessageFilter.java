package fi.avain.routes.messages;

import java.time.Instant;

/**
 * What operators search and replay by; a null field does not filter. {@code from} is inclusive and
 * {@code to} exclusive, both on the received time; {@code key} matches any business key's value exactly.
 */
public record MessageFilter(String flow, MessageStatus status, Instant from, Instant to, String key) {
}
