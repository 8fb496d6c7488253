package fi.avain.mappings.reports;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a cost or an outcome is about: an identity code, which becomes a reporting pseudonym the moment
 * it is read, or a pseudonym the sender already made with the tenant's reporting key.
 */
public sealed interface ClientRef permits ClientRef.IdentityCode, ClientRef.Pseudonym {
    Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    /** An identity code; the code itself is masked everywhere but {@link Hetu#unmasked()}. */
    record IdentityCode(Hetu hetu) implements ClientRef {
    }

    /** A reporting pseudonym: the hex HMAC-SHA256 of an identity code, 64 lowercase hex characters. */
    record Pseudonym(String value) implements ClientRef {
        public Pseudonym {
            if (value == null || !PSEUDONYM.matcher(value).matches()) {
                throw new InvalidValueException("pseudonym", "must be 64 hex characters");
            }
        }
    }

    /**
     * Text of 64 hex characters is a pseudonym (upper case is lowered); anything else must be an identity
     * code. The refusal names {@code field} and the rule broken, never the text.
     */
    static ClientRef parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new MappingException(field, "is missing");
        }
        String value = text.strip();
        if (value.length() == 64 && PSEUDONYM.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            return new Pseudonym(value.toLowerCase(Locale.ROOT));
        }
        try {
            return new IdentityCode(Hetu.parse(value));
        } catch (InvalidValueException e) {
            throw new MappingException(field, "must be an identity code or a 64-character hex pseudonym (as an "
                    + "identity code: " + e.rule() + ")");
        }
    }
}
