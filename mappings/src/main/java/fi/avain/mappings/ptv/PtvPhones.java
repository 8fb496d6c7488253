package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Phone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PTV phone numbers: {prefixNumber, number, isFinnishServiceNumber, language, additionalInformation}. */
final class PtvPhones {
    private PtvPhones() {
    }

    /**
     * Numbers in international form. Fax numbers are left out (no client calls them), and so is a
     * number that stays unreadable after removing separators: a bad phone must not hide the item.
     */
    static List<Phone> read(JsonNode list) {
        List<Phone> phones = new ArrayList<>();
        for (JsonNode entry : list) {
            if ("Fax".equals(entry.path("type").asText())) {
                continue;
            }
            number(entry).flatMap(number -> phone(number, entry)).ifPresent(phones::add);
        }
        return phones;
    }

    private static Optional<String> number(JsonNode entry) {
        Optional<String> number = PtvFields.text(entry, "number").map(PtvPhones::digits);
        Optional<String> prefix = PtvFields.text(entry, "prefixNumber").map(PtvPhones::digits);
        if (number.isEmpty() || prefix.isEmpty() || entry.path("isFinnishServiceNumber").asBoolean(false)) {
            return number;
        }
        String national = number.get().startsWith("0") ? number.get().substring(1) : number.get();
        return Optional.of(prefix.get() + national);
    }

    private static String digits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || (c == '+' && kept.length() == 0)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static Optional<Phone> phone(String number, JsonNode entry) {
        try {
            return Optional.of(new Phone(number, PtvFields.text(entry, "language").orElse(null),
                    PtvFields.text(entry, "additionalInformation").orElse(null)));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
