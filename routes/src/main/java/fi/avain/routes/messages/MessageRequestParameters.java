package fi.avain.routes.messages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Turns the message API's query parameters into values, or a 400 problem naming the parameter. */
final class MessageRequestParameters {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private MessageRequestParameters() {
    }

    static MessageFilter filter(String flow, String status, String from, String to, String key) {
        Instant fromTime = instant("from", from);
        Instant toTime = instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw MessageProblems.badParameter("to", "to must be later than from");
        }
        return new MessageFilter(blankToNull(flow), status(status), fromTime, toTime, blankToNull(key));
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw MessageProblems.badParameter("id", "id must be a UUID");
        }
    }

    static int page(String page) {
        int value = integer("page", page, 0);
        if (value < 0) {
            throw MessageProblems.badParameter("page", "page must be 0 or more");
        }
        return value;
    }

    static int size(String size) {
        int value = integer("size", size, DEFAULT_SIZE);
        if (value < 1 || value > MAX_SIZE) {
            throw MessageProblems.badParameter("size", "size must be from 1 to " + MAX_SIZE);
        }
        return value;
    }

    private static MessageStatus status(String status) {
        String value = blankToNull(status);
        if (value == null) {
            return null;
        }
        try {
            return MessageStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MessageProblems.badParameter("status", "status must be one of RECEIVED, PROCESSED, DUPLICATE, ERROR");
        }
    }

    private static Instant instant(String name, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw MessageProblems.badParameter(name, name + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        }
    }

    private static int integer(String name, String text, int defaultValue) {
        String value = blankToNull(text);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw MessageProblems.badParameter(name, name + " must be a whole number");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
