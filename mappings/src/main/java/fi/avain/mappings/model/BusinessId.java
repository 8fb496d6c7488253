package fi.avain.mappings.model;

import java.util.regex.Pattern;

/** A Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit (weights 7 9 10 5 8 4 2, mod 11). */
public record BusinessId(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2};
    private static final Pattern FORM = Pattern.compile("\\d{7}-\\d");

    public BusinessId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("businessId", "must be seven digits, a hyphen and a check digit");
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        if (remainder == 1) {
            throw new InvalidValueException("businessId", "no valid check digit exists for these digits");
        }
        int check = remainder == 0 ? 0 : 11 - remainder;
        if (value.charAt(8) - '0' != check) {
            throw new InvalidValueException("businessId", "check digit does not match");
        }
    }

    public static BusinessId parse(String text) {
        return new BusinessId(text == null ? null : text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
