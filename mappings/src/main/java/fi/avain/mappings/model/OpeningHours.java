package fi.avain.mappings.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** Regular opening hours on one weekday. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }
}
