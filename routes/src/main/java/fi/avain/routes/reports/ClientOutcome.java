package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A client's outcome on the tenant's report instrument: the first measurement (baseline) and the latest
 * up to the period's end. The change is there only once there are two measurements on different days.
 */
record ClientOutcome(String instrument, BigDecimal baseline, LocalDate baselineOn, BigDecimal latest,
                     LocalDate latestOn) {

    BigDecimal change() {
        return latestOn.isAfter(baselineOn) ? latest.subtract(baseline) : null;
    }
}
