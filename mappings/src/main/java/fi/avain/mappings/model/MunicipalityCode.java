package fi.avain.mappings.model;

import java.util.regex.Pattern;

/** A municipality code of Statistics Finland's classification: exactly three digits (091 Helsinki). */
public record MunicipalityCode(String value) {
    private static final Pattern FORM = Pattern.compile("\\d{3}");

    public MunicipalityCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("municipalityCode", "must be exactly three digits");
        }
    }

    public static MunicipalityCode parse(String text) {
        return new MunicipalityCode(text == null ? null : text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
