package fi.avain.routes.messages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks Finnish personal identity codes (henkilötunnus) in free text. It matches the code's shape
 * with every century sign of the 2023 amendment, in either case, without checking the check
 * character: a mistyped code is personal data too, and masking a look-alike costs less than showing a
 * real one.
 */
public final class PersonalDataMasker {
    static final String MASK = "******-****";
    private static final Pattern HETU = Pattern.compile("\\d{6}[-+YXWVUABCDEF]\\d{3}[0-9A-Y]", Pattern.CASE_INSENSITIVE);

    private PersonalDataMasker() {
    }

    /** The text with every identity code replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        return text == null ? null : HETU.matcher(text).replaceAll(MASK);
    }

    /** The values masked, in the same order; the names are the code's own. */
    public static Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> masked.put(name, mask(value)));
        return masked;
    }
}
