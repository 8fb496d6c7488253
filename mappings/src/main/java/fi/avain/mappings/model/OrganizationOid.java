package fi.avain.mappings.model;

import java.util.regex.Pattern;

/** An ISO OID identifying an organisation, e.g. in the SOTE organisation register (1.2.246.10…). */
public record OrganizationOid(String value) {
    private static final Pattern FORM = Pattern.compile("[0-2](\\.(0|[1-9]\\d*)){2,40}");

    public OrganizationOid {
        if (value == null || value.length() > 200 || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("oid", "must be dot-separated numbers starting with 0, 1 or 2");
        }
    }

    public static OrganizationOid parse(String text) {
        return new OrganizationOid(text == null ? null : text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
