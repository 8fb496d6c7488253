package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPeriodTest {

    @Test
    void theWindowIsTheTwelveMonthsEndingWithThePeriodInFinnishTime() {
        ReportPeriod period = ReportPeriod.parse("2026-03");

        assertThat(period.months()).hasSize(12).startsWith(YearMonth.parse("2025-04")).endsWith(YearMonth.parse("2026-03"));
        assertThat(period.boundary(0)).isEqualTo(Instant.parse("2025-03-31T21:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
        assertThat(period.bucket(YearMonth.parse("2025-03"))).isEqualTo(-1);
        assertThat(period.bucket(YearMonth.parse("2025-10"))).isEqualTo(6);
        assertThat(period.bucket(YearMonth.parse("2026-04"))).isEqualTo(12);
    }

    @Test
    void theRunningMonthIsFinlandsEvenWhenUtcIsStillInThePreviousOne() {
        Clock lastEveningOfMarchInUtc = Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), ZoneOffset.UTC);

        assertThat(ReportPeriod.current(lastEveningOfMarchInUtc).toString()).isEqualTo("2026-04");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-3", "march", "2026-03-01", "", " ", "202603"})
    void refusesWhatIsNotAMonth(String text) {
        assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be a month written YYYY-MM, such as 2026-03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01", "1000-01", "1999-12"})
    void refusesAMonthBeforeTheFollowUpCouldHaveOne(String text) {
        assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must not be before 2000-01");
    }
}
