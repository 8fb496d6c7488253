package fi.avain.mappings.model;

import java.util.Objects;

/** A phone number in international form (+358…), with the language it is answered in. */
public record Phone(String number, String language, String description) {
    public Phone {
        Objects.requireNonNull(number, "number");
        if (!number.matches("\\+?[0-9 ]{3,20}")) {
            throw new InvalidValueException("phone.number", "must be digits, optionally led by +");
        }
    }
}
