package fi.avain.mappings.reports;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.budget.Cohort;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import fi.avain.mappings.model.ServiceClassUri;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The cost and outcome formats' fields, read the same way from CSV and JSON. Every refusal names the
 * field and the rule it broke, never the value.
 */
public final class ReportFields {
    static final int MAX_CODE_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 2000;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PTV_CODE = Pattern.compile("P\\d+(\\.\\d+)*");
    /** Hours and scores: a dot or a decimal comma, at most two decimals for hours, no exponent or grouping. */
    private static final Pattern HOURS = Pattern.compile("\\d{1,10}([.,]\\d{1,2})?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,5}([.,]\\d{1,3})?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /**
     * The earliest day a measurement or a cost may be of. Personal budgeting in Finland began with the
     * pilots of 2016; anything before 2000 is a mistyped year (0000, 1000, 1026 for 2026), and would
     * become a client's outcome baseline or start of follow-up.
     */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /**
     * The largest cost of one line: a client's month of one service class from one source. Ten million
     * euros is far beyond any one client's month, yet keeps any report's sums well within exact cents.
     */
    static final Money MAX_COST = Money.ofCents(1_000_000_000L);

    private ReportFields() {
    }

    static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new MappingException(field, "is missing");
        }
        return text.strip();
    }

    /** A code or short name (client group, source, instrument): 1–100 characters, no control characters. */
    static String code(String field, String text) {
        String value = required(field, text);
        if (value.length() > MAX_CODE_LENGTH || CONTROL.matcher(value).find()) {
            throw new MappingException(field, "must be at most " + MAX_CODE_LENGTH + " characters, without control "
                    + "characters");
        }
        return value;
    }

    /** Free text (a goal, a note): null when blank, at most 2000 characters. */
    public static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_TEXT_LENGTH) {
            throw new MappingException(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text.strip();
    }

    /** {@code hb} or {@code control}; blank is control, since finance files list the control group. */
    static Cohort cohort(String field, String text) {
        if (text == null || text.isBlank()) {
            return Cohort.CONTROL;
        }
        try {
            return Cohort.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MappingException(field, "must be hb or control");
        }
    }

    /**
     * A PTV service class as a code ({@code P10.1}) or URI, kept as the catalogue keeps its facets: the code
     * when there is one, else the older URN as given.
     */
    public static String serviceClass(String field, String text) {
        String value = required(field, text);
        try {
            ServiceClassUri uri = PTV_CODE.matcher(value).matches() ? ServiceClassUri.ofCode(value)
                    : ServiceClassUri.parse(value);
            return uri.code().orElse(uri.value());
        } catch (InvalidValueException e) {
            throw new MappingException(field, "must be a PTV service class code such as P10.1, or its URI");
        }
    }

    /** A month as {@code YYYY-MM}, not after {@code today}'s month nor before {@link #EARLIEST}'s. */
    static YearMonth month(String field, String text, LocalDate today) {
        String value = required(field, text);
        YearMonth month;
        try {
            month = MONTH.matcher(value).matches() ? YearMonth.parse(value) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw new MappingException(field, "must be a month as YYYY-MM, like 2026-01");
        }
        if (month.isAfter(YearMonth.from(today))) {
            throw new MappingException(field, "must not be in the future");
        }
        if (month.isBefore(YearMonth.from(EARLIEST))) {
            throw new MappingException(field, "must not be before " + YearMonth.from(EARLIEST));
        }
        return month;
    }

    /** A date as {@code YYYY-MM-DD}, not after {@code today} nor before {@link #EARLIEST}. */
    public static LocalDate date(String field, String text, LocalDate today) {
        String value = required(field, text);
        LocalDate date;
        try {
            date = DATE.matcher(value).matches() ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw new MappingException(field, "must be an ISO-8601 date, like 2026-03-01");
        }
        if (date.isAfter(today)) {
            throw new MappingException(field, "must not be in the future");
        }
        if (date.isBefore(EARLIEST)) {
            throw new MappingException(field, "must not be before " + EARLIEST);
        }
        return date;
    }

    /** Euros, zero to {@link #MAX_COST}, at most two decimals. */
    static Money cost(String field, String text) {
        String value = required(field, text);
        Money money;
        try {
            money = Money.parseSpreadsheet(value);
        } catch (InvalidValueException e) {
            throw new MappingException(field, "must be euros with at most two decimals, like 1234.50");
        }
        if (money.isNegative()) {
            throw new MappingException(field, "must not be negative");
        }
        if (money.compareTo(MAX_COST) > 0) {
            throw new MappingException(field, "must be at most " + MAX_COST.euros().toPlainString() + " euros");
        }
        return money;
    }

    /** Hours, zero or more, at most two decimals; null when blank. */
    static BigDecimal hours(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("-")) {
            throw new MappingException(field, "must not be negative");
        }
        if (!HOURS.matcher(value).matches()) {
            throw new MappingException(field, "must be hours with at most two decimals, like 7.50");
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    /** A score: a decimal number with at most three decimals; its range is the instrument's to check. */
    static BigDecimal score(String field, String text) {
        String value = required(field, text);
        if (!NUMBER.matcher(value).matches()) {
            throw new MappingException(field, "must be a number with at most three decimals, like 6.5");
        }
        return new BigDecimal(value.replace(',', '.'));
    }
}
