package fi.avain.mappings.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One outcome measurement (docs/formats/outcomes.md): a client's scores on an instrument's dimensions on
 * one day. Whether the instrument exists and the scores fit it is the tenant's configuration to say.
 *
 * @param scores dimension to score, in the order given
 * @param goal   the plan's goal the measurement follows, or null
 */
public record OutcomeRecord(ClientRef client, String instrument, LocalDate date, Map<String, BigDecimal> scores,
                            String goal) {
    public OutcomeRecord {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(date, "date");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
