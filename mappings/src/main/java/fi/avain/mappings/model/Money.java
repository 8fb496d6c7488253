package fi.avain.mappings.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** An amount in euros, exact to the cent, kept as a count of cents: no floating point anywhere. */
public record Money(long cents) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    private static final int MAX_EURO_DIGITS = 13;
    private static final Pattern EUROS = Pattern.compile("-?\\d{1," + MAX_EURO_DIGITS + "}(\\.\\d{1,2})?");
    private static final Pattern SPREADSHEET_EUROS = Pattern.compile("-?\\d{1," + MAX_EURO_DIGITS + "}([.,]\\d{1,2})?");

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /**
     * Parses "12", "12.5" or "12.50", exactly as written: more than two decimals is an error, not a
     * rounding, and so is a decimal comma or a space, which an API's caller did not mean to send.
     */
    public static Money parse(String euros) {
        if (euros == null || !EUROS.matcher(euros).matches()) {
            throw new InvalidValueException("money", "must be euros with at most two decimals");
        }
        return of(new BigDecimal(euros));
    }

    /** As {@link #parse}, from a spreadsheet's cell: surrounding spaces, and a decimal comma, as Finnish settings save it. */
    public static Money parseSpreadsheet(String euros) {
        if (euros == null || !SPREADSHEET_EUROS.matcher(euros.strip()).matches()) {
            throw new InvalidValueException("money", "must be euros with at most two decimals");
        }
        return of(new BigDecimal(euros.strip().replace(',', '.')));
    }

    public static Money of(BigDecimal euros) {
        BigDecimal exact = euros.stripTrailingZeros();
        // Checked before scaling, so that an exponent like 1e999999999 is refused, not expanded digit by digit.
        if (exact.scale() > 2 || (long) exact.precision() - exact.scale() > MAX_EURO_DIGITS) {
            throw new InvalidValueException("money", "must be euros with at most two decimals");
        }
        try {
            return new Money(euros.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("money", "must be euros with at most two decimals");
        }
    }

    public BigDecimal euros() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return euros().toPlainString() + " EUR";
    }
}
