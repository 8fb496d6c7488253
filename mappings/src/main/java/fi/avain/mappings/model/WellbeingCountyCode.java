package fi.avain.mappings.model;

import java.util.regex.Pattern;

/**
 * A wellbeing services county (hyvinvointialue) code of Statistics Finland's classification:
 * two digits, 01–23; Helsinki, which organises these services itself, is coded 90.
 */
public record WellbeingCountyCode(String value) {
    private static final Pattern FORM = Pattern.compile("\\d{2}");

    public WellbeingCountyCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("wellbeingCountyCode", "must be two digits");
        }
        int n = Integer.parseInt(value);
        if ((n < 1 || n > 23) && n != 90) {
            throw new InvalidValueException("wellbeingCountyCode", "must be 01-23 or 90");
        }
    }

    public static WellbeingCountyCode parse(String text) {
        return new WellbeingCountyCode(text == null ? null : text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
