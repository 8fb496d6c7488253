package fi.avain.mappings.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Opening hours on one weekday, from {@code opens} to {@code closes} on that day (a closing time of
 * 00:00 is midnight), for the weeks from {@code validFrom} to {@code validTo} where the hours are
 * seasonal; regular hours have neither.
 */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes, Optional<LocalDate> validFrom,
                           Optional<LocalDate> validTo) {
    /** The last second of a day, as a closing time: open until midnight and on past it. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validFrom.isPresent() && validTo.isPresent() && validTo.get().isBefore(validFrom.get())) {
            throw new InvalidValueException("openingHours", "must not end before they begin");
        }
    }

    /** Regular hours, every week. */
    public OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        this(day, opens, closes, Optional.empty(), Optional.empty());
    }

    /** Whether both hold on the same weeks, so they can share a schedule. */
    public boolean sameWeeksAs(OpeningHours other) {
        return validFrom.equals(other.validFrom) && validTo.equals(other.validTo);
    }
}
