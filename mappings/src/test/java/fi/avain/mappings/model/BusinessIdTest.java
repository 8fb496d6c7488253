package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0112038-9",    // remainder 2: check digit 11 - 2
            "2345678-0",    // remainder 0: check digit 0
            "1234562-0",    // remainder 0
            " 1572860-0 "})
    void acceptsAValidBusinessId(String text) {
        assertThat(BusinessId.parse(text).value()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @CsvSource({
            "0112038-8, check digit does not match",
            "2345678-1, check digit does not match",
            "1234568-0, no valid check digit exists",   // remainder 1: never issued
            "1234568-1, no valid check digit exists",
            "112038-9, must be seven digits",
            "01120389, must be seven digits",
            "0112038-X, must be seven digits",
            "'', must be seven digits"})
    void rejectsAnInvalidBusinessId(String text, String rule) {
        assertThatThrownBy(() -> BusinessId.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(rule)
                .hasMessageNotContaining(text.isEmpty() ? "\u0000" : text);
    }

    @org.junit.jupiter.api.Test
    void rejectsAMissingBusinessId() {
        assertThatThrownBy(() -> BusinessId.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
