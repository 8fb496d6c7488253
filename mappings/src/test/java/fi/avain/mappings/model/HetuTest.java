package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HetuTest {

    // Individual numbers 900-999 are temporary codes: no real person has them.
    @ParameterizedTest
    @CsvSource({
            "010190+987H, 1890-01-01",
            "131052-987P, 1952-10-13",
            "010199Y987U, 1999-01-01",
            "150501X987T, 1901-05-15",
            "150550W987E, 1950-05-15",
            "311299V9872, 1999-12-31",
            "010100U9879, 1900-01-01",
            "010100A9879, 2000-01-01",
            "290204B9876, 2004-02-29",
            "311223C987E, 2023-12-31",
            "010101D987J, 2001-01-01",
            "150505E987U, 2005-05-15",
            "010110F987V, 2010-01-01",
            "290200A9875, 2000-02-29"})
    void acceptsEveryCenturySign(String code, LocalDate birthDate) {
        Hetu hetu = Hetu.parse(code);

        assertThat(hetu.unmasked()).isEqualTo(code);
        assertThat(hetu.birthDate()).isEqualTo(birthDate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"131052-987p", "  131052-987P ", "010110f987v"})
    void normalisesLowercaseAndSurroundingSpace(String code) {
        assertThat(Hetu.isValid(code)).isTrue();
        assertThat(Hetu.parse(code).unmasked()).isEqualTo(code.strip().toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "131052-987A",   // wrong check character
            "010190+9870",   // wrong check character
            "290200W9875",   // 29 Feb 1900 did not exist
            "290201-987D",   // 2001 is not a leap year
            "310499-987L",   // April has 30 days
            "000199-9876",   // day zero
            "011399-987H",   // month 13
            "131052G987P",   // not a century sign
            "131052-98P",
            "",
            "1310529987P"})
    void rejectsAnInvalidCodeWithoutRepeatingIt(String code) {
        assertThatThrownBy(() -> Hetu.parse(code))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("hetu: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(code.isEmpty() ? "\u0000" : code)
                        .doesNotContainPattern("\\d{4}"));
        assertThat(Hetu.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"131052-987P", "010110F987V"})
    void masksTheCodeWhenPrinted(String code) {
        Hetu hetu = Hetu.parse(code);

        assertThat(hetu.toString()).doesNotContainPattern("\\d").isEqualTo("******-****");
        assertThat(String.valueOf(hetu)).doesNotContain(code.substring(0, 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"131052-987P"})
    void equalsByValue(String code) {
        assertThat(Hetu.parse(code)).isEqualTo(Hetu.parse(code.toLowerCase()))
                .hasSameHashCodeAs(Hetu.parse(code))
                .isNotEqualTo(Hetu.parse("010110F987V"));
    }

    @org.junit.jupiter.api.Test
    void rejectsAMissingCode() {
        assertThatThrownBy(() -> Hetu.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
