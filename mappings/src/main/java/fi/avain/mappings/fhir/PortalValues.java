package fi.avain.mappings.fhir;

import fi.avain.mappings.model.InvalidValueException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/** The checks the portal records share. */
final class PortalValues {

    private PortalValues() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must be a non-empty string");
        }
        return value;
    }

    static long requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field, "must not be negative");
        }
        return value;
    }

    static void requirePeriod(LocalDate start, LocalDate end, boolean endOptional) {
        Objects.requireNonNull(start, "start");
        if (end == null && !endOptional) {
            throw new NullPointerException("end");
        }
        if (end != null && end.isBefore(start)) {
            throw new InvalidValueException("end", "must not be before start");
        }
    }

    static String requireOneOf(String value, String field, Collection<String> known) {
        if (value == null || !known.contains(value)) {
            throw new InvalidValueException(field, "must be one of " + String.join(", ", known));
        }
        return value;
    }
}
