package fi.avain.mappings.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One quality measure from the comparison catalogue, e.g. "asiakastyytyväisyys" 4.2 on scale "1-5". */
public record QualityIndicator(String name, BigDecimal value, String scale, LocalDate date) {
    public QualityIndicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(date, "date");
        if (name.isBlank()) {
            throw new InvalidValueException("qualityIndicator.name", "must not be blank");
        }
    }
}
