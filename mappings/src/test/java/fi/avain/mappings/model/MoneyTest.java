package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "12, 1200",
            "12.5, 1250",
            "12.50, 1250",
            "0.01, 1",
            "-3.10, -310",
            "9999999999999.99, 999999999999999"})
    void parsesEurosToExactCents(String text, long cents) {
        assertThat(Money.parse(text).cents()).isEqualTo(cents);
        assertThat(Money.parseSpreadsheet(text).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.505", "0.001", "1e3", "12.", ".5", "abc", "", "+12", "12 EUR", "99999999999999",
            "1,5", " 10.00 ", "12,05"})
    void refusesWhatIsNotEurosWithAtMostTwoDecimals(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("money: must be euros with at most two decimals");
    }

    @ParameterizedTest
    @CsvSource({"'12,05', 1205", "' 45.00 ', 4500", "'1,5', 150"})
    void readsASpreadsheetsDecimalCommaAndSpaces(String text, long cents) {
        assertThat(Money.parseSpreadsheet(text).cents()).isEqualTo(cents);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.505", "1 234,50", "1.234,50", "abc", ""})
    void refusesASpreadsheetCellThatIsNotEuros(String text) {
        assertThatThrownBy(() -> Money.parseSpreadsheet(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesAHugeExponentWithoutExpandingIt() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-999999999"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("10000000000000"))).isInstanceOf(InvalidValueException.class);
        assertThat(Money.of(new BigDecimal("9999999999999.99")).cents()).isEqualTo(999999999999999L);
        assertThat(Money.of(new BigDecimal("1.5E+2")).cents()).isEqualTo(15000);
    }

    @Test
    void refusesADecimalThatWouldNeedRounding() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.125"))).isInstanceOf(InvalidValueException.class);
        assertThat(Money.of(new BigDecimal("0.120")).cents()).isEqualTo(12);
    }

    @Test
    void addsAndSubtractsExactly() {
        Money tenCents = Money.parse("0.10");
        Money twentyCents = Money.parse("0.20");

        assertThat(tenCents.plus(twentyCents)).isEqualTo(Money.parse("0.30"));
        assertThat(tenCents.minus(twentyCents)).isEqualTo(Money.ofCents(-10));
        assertThat(tenCents.minus(twentyCents).isNegative()).isTrue();
        assertThat(Money.parse("45").euros()).isEqualByComparingTo("45.00");
        assertThat(Money.parse("45").toString()).isEqualTo("45.00 EUR");
    }

    @Test
    void failsRatherThanOverflow() {
        Money max = Money.ofCents(Long.MAX_VALUE);
        Money min = Money.ofCents(Long.MIN_VALUE);

        assertThatThrownBy(() -> max.plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void ordersByAmount() {
        assertThat(Money.parse("1.00")).isGreaterThan(Money.parse("0.99")).isLessThan(Money.parse("1.01"));
    }
}
