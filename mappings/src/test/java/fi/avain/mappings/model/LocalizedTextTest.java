package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n\t"})
    void dropsBlankValues(String blank) {
        LocalizedText text = new LocalizedText(Map.of("fi", blank, "sv", "Hemvård"));

        assertThat(text.values()).containsOnlyKeys("sv");
        assertThat(LocalizedText.of("fi", blank).isEmpty()).isTrue();
        assertThat(LocalizedText.of("fi", null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "FI", "fi-FI", "sme", ""})
    void refusesAnUnknownLanguage(String language) {
        assertThatThrownBy(() -> LocalizedText.of(language, "x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("language: ");
    }

    @ParameterizedTest
    @CsvSource({"se, Ruoktodikšu", "smn, Päikkipalvâlus", "sms, Domm-servis"})
    void keepsTheSamiLanguages(String language, String value) {
        assertThat(LocalizedText.of(language, value).get(language)).contains(value);
        assertThat(LocalizedText.of(language, value).preferred()).contains(value);
    }

    @ParameterizedTest
    @CsvSource({
            "fi=Kotihoito|sv=Hemvård|en=Home care, Kotihoito",
            "en=Home care|sv=Hemvård, Hemvård",
            "sms=Domm|en=Home care, Home care",
            "smn=Päikki|se=Ruoktu, Ruoktu"})
    void prefersFinnishThenSwedishThenEnglishThenSami(String pairs, String preferred) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs.split("\\|")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }

        assertThat(new LocalizedText(values).preferred()).contains(preferred);
    }

    @Test
    void stripsValuesAndFillsMissingLanguagesFromAnother() {
        LocalizedText own = new LocalizedText(Map.of("sv", " Hemvård "));
        LocalizedText merged = own.orElse(new LocalizedText(Map.of("fi", "Kotihoito", "sv", "Annat")));

        assertThat(own.get("sv")).contains("Hemvård");
        assertThat(merged.values()).containsExactly(Map.entry("fi", "Kotihoito"), Map.entry("sv", "Hemvård"));
        assertThat(LocalizedText.EMPTY.preferred()).isEmpty();
    }
}
