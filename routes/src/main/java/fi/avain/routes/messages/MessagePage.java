package fi.avain.routes.messages;

import java.util.List;

/** A page of search results; {@code page} counts from 0. */
public record MessagePage(List<MessageSummary> items, int page, int size, long totalItems) {
}
