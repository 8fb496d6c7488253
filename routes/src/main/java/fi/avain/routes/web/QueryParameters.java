package fi.avain.routes.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Operators' search parameters (ids, time ranges, paging) into values, or a 400 problem naming the
 * parameter in its {@code parameter} property. A blank parameter counts as not given.
 */
public final class QueryParameters {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private QueryParameters() {
    }

    public static ErrorResponseException badParameter(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad query parameter");
        problem.setProperty("parameter", parameter);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The text stripped, or null when blank. */
    public static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A UUID, or null when not given. */
    public static UUID uuid(String name, String text) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw badParameter(name, name + " must be a UUID");
        }
    }

    /** An ISO-8601 instant with its offset, or null when not given. */
    public static Instant instant(String name, String text) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw badParameter(name, name + " must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        }
    }

    /** Refuses a range whose end ({@code to}) is not after its start. */
    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw badParameter("to", "to must be later than from");
        }
    }

    /** The page number, counting from 0. */
    public static int page(String page) {
        int value = integer("page", page, 0);
        if (value < 0) {
            throw badParameter("page", "page must be 0 or more");
        }
        return value;
    }

    public static int size(String size) {
        int value = integer("size", size, DEFAULT_SIZE);
        if (value < 1 || value > MAX_SIZE) {
            throw badParameter("size", "size must be from 1 to " + MAX_SIZE);
        }
        return value;
    }

    private static int integer(String name, String text, int defaultValue) {
        String value = text(text);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw badParameter(name, name + " must be a whole number");
        }
    }
}
