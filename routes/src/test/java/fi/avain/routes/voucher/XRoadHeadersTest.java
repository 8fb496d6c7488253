package fi.avain.routes.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.connectors.voucher.XRoadIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class XRoadHeadersTest {
    private static final Path REFERENCE = Path.of("../../shared/reference/x-road/example-request.xml");
    private static final Path EXAMPLE = Path.of("../docs/examples/vouchers/02-service-event.xml");
    private static final XRoadIdentity AVAIN = new XRoadIdentity("FI-TEST", "GOV", "1234567-1", "avain");
    private static final XRoadIdentity VOUCHER_SYSTEM = new XRoadIdentity("FI-TEST", "COM", "7654321-2",
            "palveluseteli");

    @Test
    void readsTheReferenceRequestOfTheXRoadProtocol() throws IOException {
        XRoadHeaders headers = XRoadHeaders.read(envelope(Files.readString(REFERENCE)).headers());
        assertThat(headers.client()).isEqualTo(new XRoadIdentity("EE", "GOV", "MEMBER1", "SUBSYSTEM1"));
        assertThat(headers.serviceProvider()).isEqualTo(new XRoadIdentity("EE", "GOV", "MEMBER2", "SUBSYSTEM2"));
        assertThat(headers.serviceCode()).isEqualTo("exampleService");
        assertThat(headers.serviceVersion()).isEqualTo("v1");
        assertThat(headers.id()).isEqualTo("4894e35d-bf0f-44a6-867a-8e51f1daa7e0");
        assertThat(headers.userId()).isEqualTo("EE12345678901");
        assertThat(headers.issue()).isEqualTo("12345");
        assertThat(headers.protocolVersion()).isEqualTo("4.0");
        assertThat(headers.elements()).extracting(Element::getLocalName)
                .containsExactly("client", "service", "id", "userId", "issue", "protocolVersion");
    }

    @Test
    void theDocumentedExampleIsAddressedToAvainFromTheVoucherSystem() throws IOException {
        XRoadHeaders headers = XRoadHeaders.read(envelope(Files.readString(EXAMPLE)).headers());
        headers.requireClient(Set.of(VOUCHER_SYSTEM));
        headers.requireAddressedTo(AVAIN, "serviceEventRecorded", "v1");
        assertThat(headers.replayKey()).isEqualTo("FI-TEST/COM/7654321-2/palveluseteli "
                + "{{voucherId}}-02-service-event");
        assertThatThrownBy(() -> headers.requireAddressedTo(AVAIN, "voucherAccepted", "v1"))
                .hasMessageContaining("service code");
        assertThatThrownBy(() -> headers.requireAddressedTo(AVAIN, "serviceEventRecorded", "v2"))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> headers.requireClient(Set.of(AVAIN))).hasMessageContaining("may not call");
        assertThatThrownBy(() -> headers.requireAddressedTo(VOUCHER_SYSTEM, "serviceEventRecorded", "v1"))
                .hasMessageContaining("this service is");
    }

    @Test
    void theIssueHeaderMayBeLeftOut() throws IOException {
        String request = Files.readString(EXAMPLE).replaceAll("<xrd:issue>[^<]*</xrd:issue>", "");
        XRoadHeaders headers = XRoadHeaders.read(envelope(request).headers());
        assertThat(headers.issue()).isNull();
        assertThat(headers.elements()).hasSize(5);
    }

    @Test
    void theUserIdHeaderMayBeLeftOutAsTheProtocolAllows() throws IOException {
        String request = Files.readString(EXAMPLE).replaceAll("<xrd:userId>[^<]*</xrd:userId>", "");
        XRoadHeaders headers = XRoadHeaders.read(envelope(request).headers());
        assertThat(headers.userId()).isNull();
        assertThat(headers.elements()).extracting(Element::getLocalName)
                .containsExactly("client", "service", "id", "issue", "protocolVersion");
    }

    @Test
    void everyXRoadHeaderIsEchoedInItsPlaceThoseOfOtherNamespacesAreNot() throws IOException {
        String request = Files.readString(EXAMPLE).replaceFirst("<xrd:id>",
                "<xrd:centralService id:objectType=\"CENTRALSERVICE\"><id:xRoadInstance>FI-TEST</id:xRoadInstance>"
                        + "<id:serviceCode>vouchers</id:serviceCode></xrd:centralService>"
                        + "<xrd:futureHeader>x</xrd:futureHeader><other:h xmlns:other=\"urn:other\">y</other:h><xrd:id>");
        XRoadHeaders headers = XRoadHeaders.read(envelope(request).headers());
        assertThat(headers.elements()).extracting(Element::getLocalName).containsExactly("client", "service",
                "centralService", "futureHeader", "id", "userId", "issue", "protocolVersion");
    }

    @Test
    void aValueShownInARefusalIsMaskedBeforeItIsCut() throws IOException {
        String request = Files.readString(EXAMPLE).replaceFirst("<xrd:protocolVersion>4.0<",
                "<xrd:protocolVersion>" + "x".repeat(35) + "010190-123M<");
        assertThatThrownBy(() -> XRoadHeaders.read(envelope(request).headers()))
                .hasMessageContaining("x".repeat(35) + "*****…")
                .hasMessageNotContaining("0101");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(?s)<xrd:client.*?</xrd:client>|                                  |the X-Road header client is missing",
            "(?s)<xrd:service .*?</xrd:service>|                               |the X-Road header service is missing",
            "<xrd:id>[^<]*</xrd:id>|                                           |the X-Road header id is missing",
            "<xrd:id>[^<]*</xrd:id>|<xrd:id> </xrd:id>                         |the X-Road header id is empty",
            "<xrd:userId>|<xrd:userId>a</xrd:userId><xrd:userId>               |the X-Road header userId is repeated",
            "<xrd:protocolVersion>4.0</xrd:protocolVersion>|                   |protocolVersion is missing",
            "<xrd:protocolVersion>4.0<|<xrd:protocolVersion>3.1<               |must be 4.0, not \"3.1\"",
            "<xrd:protocolVersion>4.0<|<xrd:protocolVersion><x/><              |protocolVersion must be text",
            "<xrd:id>|<xrd:id>a</xrd:id><xrd:id>                               |the X-Road header id is repeated",
            "objectType=\"SUBSYSTEM\"|objectType=\"SERVICE\"                   |client must have objectType",
            "objectType=\"SERVICE\"|objectType=\"MEMBER\"                      |service must have objectType SERVICE",
            "<id:serviceCode>[^<]*</id:serviceCode>|                           |service has no serviceCode",
            "<id:memberClass>COM</id:memberClass>|                             |client has no memberClass",
            "<id:subsystemCode>palveluseteli</id:subsystemCode>|               |SUBSYSTEM without a subsystemCode",
            "<id:memberCode>7654321-2<|<id:memberCode>has space<               |client is malformed",
    })
    void missingOrWrongHeadersAreRefusedNamingTheHeader(String pattern, String replacement, String message)
            throws IOException {
        String request = Files.readString(EXAMPLE).replaceFirst(pattern, replacement == null ? "" : replacement);
        assertThatThrownBy(() -> XRoadHeaders.read(envelope(request).headers()))
                .isInstanceOf(XRoadHeaders.InvalidHeaderException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anOverlongValueIsRefused() throws IOException {
        String request = Files.readString(EXAMPLE).replaceFirst("<xrd:userId>[^<]*<",
                "<xrd:userId>" + "u".repeat(300) + "<");
        assertThatThrownBy(() -> XRoadHeaders.read(envelope(request).headers())).hasMessageContaining("longer than");
    }

    @Test
    void envelopesWithADoctypeAreNotRead() {
        String request = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Body><a>&e;</a></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        assertThatThrownBy(() -> envelope(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aWrittenEnvelopeReadsBackTheSame() throws IOException {
        SoapEnvelopes.Envelope first = envelope(Files.readString(EXAMPLE));
        SoapEnvelopes.Envelope again = SoapEnvelopes.read(SoapEnvelopes.write(first.headers(), first.body()));
        assertThat(again.headers()).extracting(Element::getLocalName)
                .containsExactly("client", "service", "id", "userId", "issue", "protocolVersion");
        assertThat(VoucherEvents.xml(again.body())).isEqualTo(VoucherEvents.xml(first.body()));
        assertThat(VoucherEventOperations.voucherIdOf(again.body())).isEqualTo("{{voucherId}}");
    }

    private static SoapEnvelopes.Envelope envelope(String xml) {
        return SoapEnvelopes.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
