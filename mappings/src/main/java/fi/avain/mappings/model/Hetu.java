package fi.avain.mappings.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Finnish personal identity code (henkilötunnus), validated: date, century sign and check
 * character. {@link #toString()} masks it; the full code leaves the system only through
 * {@link #unmasked()}.
 *
 * <p>Century signs per the Population Information Act amendment of 2023: {@code +} for the 1800s,
 * {@code - Y X W V U} for the 1900s, {@code A B C D E F} for the 2000s.
 */
public final class Hetu {
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String MASK = "******-****";
    private static final Pattern FORM = Pattern.compile("\\d{6}[-+YXWVUABCDEF]\\d{3}[0-9A-Y]");

    private final String value;

    private Hetu(String value) {
        this.value = value;
    }

    /** Parses a code; the error never contains the input. */
    public static Hetu parse(String text) {
        if (text == null) {
            throw new InvalidValueException("hetu", "is missing");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(code).matches()) {
            throw new InvalidValueException("hetu", "must be DDMMYY, a century sign, three digits and a check character");
        }
        int century = centuryOf(code.charAt(6));
        try {
            LocalDate.of(century + Integer.parseInt(code.substring(4, 6)),
                    Integer.parseInt(code.substring(2, 4)), Integer.parseInt(code.substring(0, 2)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("hetu", "date part is not a date");
        }
        long number = Long.parseLong(code.substring(0, 6) + code.substring(7, 10));
        if (CHECK_CHARS.charAt((int) (number % 31)) != code.charAt(10)) {
            throw new InvalidValueException("hetu", "check character does not match");
        }
        return new Hetu(code);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static int centuryOf(char sign) {
        return switch (sign) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            default -> 2000;
        };
    }

    public LocalDate birthDate() {
        return LocalDate.of(centuryOf(value.charAt(6)) + Integer.parseInt(value.substring(4, 6)),
                Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(0, 2)));
    }

    /** The full code, for the few places where it must leave the system (an X-Road or FHIR identifier). */
    public String unmasked() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hetu other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
