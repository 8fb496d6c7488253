package fi.avain.routes.messages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
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
    /** A whole UUID, or a whole run of 32 or more hex digits: a digest such as a reporting pseudonym. */
    private static final Pattern ID = Pattern.compile(
            "\\b(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,})\\b");

    private PersonalDataMasker() {
    }

    /** The text with every identity code replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        return text == null ? null : HETU.matcher(text).replaceAll(MASK);
    }

    /**
     * As {@link #mask(String)}, but leaving whole UUIDs and hex digests as they are: for ids, keys and
     * texts about them (a problem's detail, a source id, a hashed client key), where a look-alike in one
     * UUID in seventy, or in about every other 64-digit digest, would make the id unreadable and
     * unsearchable. A UUID cannot carry an identity code's separator in its place; a digest could hold
     * one of this century's codes only if someone built it to.
     */
    public static String maskOutsideIds(String text) {
        if (text == null) {
            return null;
        }
        Matcher id = ID.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (id.find()) {
            out.append(mask(text.substring(from, id.start()))).append(id.group());
            from = id.end();
        }
        return out.append(mask(text.substring(from))).toString();
    }

    /** The values masked outside ids, in the same order; the names are the code's own. */
    public static Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> masked.put(name, maskOutsideIds(value)));
        return masked;
    }
}
