package fi.avain.routes.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeFactory;
import fi.avain.connectors.voucher.events.ServiceEventRecorded;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

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

    @Test
    void aRequestsFieldsMustBeItsOwnEachOnceAndInTheirTypesLexicalForm() throws Exception {
        String fields = "<voucherId>V-1</voucherId><eventId>E-1</eventId><providerBusinessId>2345678-0</providerBusinessId>"
                + "<serviceDate>2026-03-01</serviceDate><serviceClass>P10.4</serviceClass><quantity>2</quantity>"
                + "<price> 75.00 </price><chargedToVoucher>60</chargedToVoucher><clientShare>.5</clientShare>";
        SoapFields.checkShape(request(fields + "<needsApproval>1</needsApproval>"), ServiceEventRecorded.class);
        SoapFields.checkShape(request(fields + "<needsApproval> false </needsApproval>"), ServiceEventRecorded.class);

        assertRefused(fields + "<needsApproval>yes</needsApproval>", "needsApproval must be true or false");
        assertRefused(fields + "<needsApproval/>", "needsApproval must be true or false");
        assertRefused(fields.replace("<price> 75.00 </price>", "<price>7.5E1</price>"), "price must be a decimal number such as 12.50");
        assertRefused(fields.replace("<quantity>2</quantity>", "<quantity>2.0</quantity>"), "quantity must be a whole number");
        assertRefused(fields.replace("2026-03-01<", "2026-03-01T00:00:00<"), "serviceDate must be a date, yyyy-mm-dd");
        assertRefused(fields + "<voucherId>V-2</voucherId>", "voucherId is repeated");
        assertRefused(fields + "<discount>1</discount>", "serviceEventRecorded has no field discount");
        assertRefused(fields + "<t:description xmlns:t=\"urn:x\">a</t:description>", "serviceEventRecorded has no field {urn:x}description");
        assertRefused(fields + "<description><b>bold</b></description>", "description must be a value, not elements");
    }

    private static void assertRefused(String fields, String message) {
        assertThatThrownBy(() -> SoapFields.checkShape(request(fields), ServiceEventRecorded.class))
                .isInstanceOf(SoapFields.InvalidFieldException.class).hasMessage(message);
    }

    private static Element request(String fields) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String xml = "<ns:serviceEventRecorded xmlns:ns=\"http://avain.fi/vouchers/v1\">" + fields
                + "</ns:serviceEventRecorded>";
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
