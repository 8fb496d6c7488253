package fi.avain.mappings.budget;

import fi.avain.mappings.model.InvalidValueException;
import java.time.LocalDate;
import java.util.Objects;

/** Days from {@code start} to {@code end}, both included. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidValueException("period", "end must not be before start");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean within(Period outer) {
        return !start.isBefore(outer.start) && !end.isAfter(outer.end);
    }
}
