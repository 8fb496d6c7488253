package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {
    @ParameterizedTest
    @ValueSource(strings = {"+358 29 5000", "0295000", "112", "+3581234567890123456789012", "+358 40 123 4567"})
    void takesDigitsOptionallyLedByAPlus(String number) {
        assertThat(new Phone(number, "fi", null).number()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "+", "++358", "358-40-123", "040 123 4567 ext 5", "+358123456789012345678901234567890"})
    void refusesWhatIsNotAPhoneNumber(String number) {
        assertThatThrownBy(() -> new Phone(number, "fi", null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("phone.number: must be digits, optionally led by +");
    }
}
