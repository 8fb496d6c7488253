package fi.avain.mappings.model;

/** A municipality code of Statistics Finland's classification: exactly three digits (091 Helsinki). */
public record MunicipalityCode(String value) {
    public MunicipalityCode {
        if (value == null || !value.matches("\\d{3}")) {
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
