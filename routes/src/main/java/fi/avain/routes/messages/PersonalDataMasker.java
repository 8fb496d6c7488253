package fi.avain.routes.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
     * one of this century's codes only if someone built it to. A code that reaches past an id's end (a
     * digest written right before a code, whose digits run on into the code's date) is masked all the same.
     */
    public static String maskOutsideIds(String text) {
        if (text == null) {
            return null;
        }
        List<int[]> ids = new ArrayList<>();
        Matcher id = ID.matcher(text);
        while (id.find()) {
            ids.add(new int[] {id.start(), id.end()});
        }
        Matcher code = HETU.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (code.find()) {
            if (!insideAnId(code.start(), code.end(), ids)) {
                out.append(text, from, code.start()).append(MASK);
                from = code.end();
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean insideAnId(int start, int end, List<int[]> ids) {
        for (int[] span : ids) {
            if (span[0] <= start && end <= span[1]) {
                return true;
            }
        }
        return false;
    }

    /** The values masked outside ids, in the same order; the names are the code's own. */
    public static Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> masked.put(name, maskOutsideIds(value)));
        return masked;
    }
}
