package fi.avain.routes.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The application's clock as the follow-up reads it: months and days are Finland's. */
@Component
class ReportClock {
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private final Clock clock;

    ReportClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Microseconds: what PostgreSQL keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
