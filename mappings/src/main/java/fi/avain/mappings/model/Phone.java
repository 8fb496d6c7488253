package fi.avain.mappings.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** A phone number in international form (+358…), with the language it is answered in. */
public record Phone(String number, String language, String description) {
    // PTV allows a number of 20 digits after a country prefix of up to four (+358), and spaces between.
    private static final Pattern FORM = Pattern.compile("\\+?[0-9 ]{3,32}");

    public Phone {
        Objects.requireNonNull(number, "number");
        if (!FORM.matcher(number).matches()) {
            throw new InvalidValueException("phone.number", "must be digits, optionally led by +");
        }
    }
}
