package fi.avain.mappings.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Text in the languages PTV uses: Finnish, Swedish, English and the three Sámi languages
 * (se Northern, smn Inari, sms Skolt). Blank values are dropped, so "absent" has one meaning.
 */
public record LocalizedText(Map<String, String> values) {
    public static final Set<String> LANGUAGES = Set.of("fi", "sv", "en", "se", "smn", "sms");
    /** The order in which a single display value is picked. */
    public static final List<String> PREFERENCE = List.of("fi", "sv", "en", "se", "smn", "sms");
    public static final LocalizedText EMPTY = new LocalizedText(Map.of());

    public LocalizedText {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String language : PREFERENCE) {
            String text = values.get(language);
            if (text != null && !text.isBlank()) {
                ordered.put(language, text.strip());
            }
        }
        for (String language : values.keySet()) {
            if (!LANGUAGES.contains(language)) {
                throw new InvalidValueException("language", "must be one of fi, sv, en, se, smn, sms");
            }
        }
        values = Collections.unmodifiableMap(ordered);
    }

    public static LocalizedText of(String language, String text) {
        return text == null ? new LocalizedText(Map.of(language, "")) : new LocalizedText(Map.of(language, text));
    }

    public Optional<String> get(String language) {
        return Optional.ofNullable(values.get(language));
    }

    /** Finnish where present, then Swedish, English and the Sámi languages. */
    public Optional<String> preferred() {
        return values.values().stream().findFirst();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A copy with the other's values added for languages this one lacks. */
    public LocalizedText orElse(LocalizedText other) {
        Map<String, String> merged = new LinkedHashMap<>(other.values);
        merged.putAll(values);
        return new LocalizedText(merged);
    }
}
