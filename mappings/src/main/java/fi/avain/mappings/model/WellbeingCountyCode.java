package fi.avain.mappings.model;

/**
 * A wellbeing services county (hyvinvointialue) code of Statistics Finland's classification:
 * two digits, 01–23; Helsinki, which organises these services itself, is coded 90.
 */
public record WellbeingCountyCode(String value) {
    public WellbeingCountyCode {
        if (value == null || !value.matches("\\d{2}")) {
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
