package fi.avain.routes.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

class SoapFieldsTest {

    @Test
    void amountsAreExactCentsAndNeverNegative() {
        assertThat(SoapFields.cents(new BigDecimal("60.00"), "price")).isEqualTo(6000);
        assertThat(SoapFields.cents(new BigDecimal("0.1"), "price")).isEqualTo(10);
        assertThat(SoapFields.cents(new BigDecimal("12.300"), "price")).isEqualTo(1230);
        assertThatThrownBy(() -> SoapFields.cents(new BigDecimal("-0.01"), "price"))
                .hasMessage("price must not be negative, was -0.01");
        assertThatThrownBy(() -> SoapFields.cents(new BigDecimal("1.005"), "price"))
                .hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> SoapFields.cents(new BigDecimal("1E12"), "price")).hasMessageContaining("too large");
        assertThatThrownBy(() -> SoapFields.cents(null, "clientShare")).hasMessage("clientShare is missing");
        assertThat(SoapFields.euros(7505)).isEqualByComparingTo("75.05");
    }

    @Test
    void quantitiesBusinessIdsAndDates() throws Exception {
        assertThat(SoapFields.quantity(BigInteger.TWO, "quantity")).isEqualTo(2);
        assertThatThrownBy(() -> SoapFields.quantity(BigInteger.ZERO, "quantity")).hasMessageContaining("between");
        assertThat(SoapFields.businessId("2345678-0", "providerBusinessId")).isEqualTo("2345678-0");
        assertThatThrownBy(() -> SoapFields.businessId("2345678-1", "providerBusinessId"))
                .hasMessage("providerBusinessId is not a valid business id (Y-tunnus)");
        DatatypeFactory types = DatatypeFactory.newInstance();
        assertThat(SoapFields.date(types.newXMLGregorianCalendar("2026-03-01"), "serviceDate"))
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> SoapFields.date(types.newXMLGregorianCalendar("2026-03"), "serviceDate"))
                .hasMessageContaining("must be a date");
        assertThat(SoapFields.optionalDate(null, "serviceDate", LocalDate.of(2026, 1, 2)))
                .isEqualTo(LocalDate.of(2026, 1, 2));
        assertThatThrownBy(() -> SoapFields.text(" ", "eventId")).hasMessage("eventId is missing");
    }
}
