package fi.avain.routes.reports;

import fi.avain.mappings.reports.ReportFields;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report's month and the twelve months ending with it, the report's window. Months are counted in
 * Finnish time: a spend at 23:30 UTC on 31 March is an April spend.
 */
public record ReportPeriod(YearMonth month) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    public static final int MONTHS = 12;
    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

    /** A period written YYYY-MM, or an IllegalArgumentException saying so. */
    public static ReportPeriod parse(String text) {
        String value = text == null ? "" : text.strip();
        YearMonth month = null;
        if (FORM.matcher(value).matches()) {
            try {
                month = YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the one message
            }
        }
        // as for the costs and measurements it reports: a year before 2000 is a mistyped one
        if (month != null && month.isBefore(YearMonth.from(ReportFields.EARLIEST))) {
            throw new IllegalArgumentException("period must not be before " + YearMonth.from(ReportFields.EARLIEST));
        }
        if (month != null) {
            return new ReportPeriod(month);
        }
        throw new IllegalArgumentException("period must be a month written YYYY-MM, such as 2026-03");
    }

    public static ReportPeriod current(Clock clock) {
        return new ReportPeriod(YearMonth.now(clock.withZone(ZONE)));
    }

    /** The window's months, oldest first; index i is bucket i. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            out.add(firstMonth().plusMonths(i));
        }
        return out;
    }

    public YearMonth firstMonth() {
        return month.minusMonths(MONTHS - 1);
    }

    /** The window's first day. */
    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    /** The period's last day. */
    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    /** Where bucket i starts, i from 0 to 12 (12: where the window ends). */
    public Instant boundary(int i) {
        return firstMonth().plusMonths(i).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    public Instant end() {
        return boundary(MONTHS);
    }

    /** The bucket of a month: 0 to 11 inside the window, -1 before it, 12 after it. */
    public int bucket(YearMonth m) {
        long i = firstMonth().until(m, java.time.temporal.ChronoUnit.MONTHS);
        return i < 0 ? -1 : (int) Math.min(i, MONTHS);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
