package fi.avain.connectors.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator as any SOAP client sees it: raw envelopes over HTTP. */
class VoucherSystemSimulatorTest {
    private static final String AVAIN = """
            <xrd:client id:objectType="SUBSYSTEM">
                <id:xRoadInstance>FI-TEST</id:xRoadInstance><id:memberClass>GOV</id:memberClass>
                <id:memberCode>1234567-1</id:memberCode><id:subsystemCode>avain</id:subsystemCode>
            </xrd:client>""";
    private static final String STRANGER = AVAIN.replace("1234567-1", "7777777-7");
    private static final String ID = "<xrd:id>raw-1</xrd:id>";
    private static final String VERSION_4 = "<xrd:protocolVersion>4.0</xrd:protocolVersion>";

    private final VoucherSystemSimulator simulator = VoucherSystemSimulator.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void answersAWellFormedRequestAndEchoesItsHeaders() throws Exception {
        HttpResponse<String> response = post(envelope(AVAIN, "issueVoucher", ID, VERSION_4));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SoapEnvelopes.headerNames(response.body()))
                .containsExactly("client", "service", "id", "userId", "protocolVersion");
        assertThat(SoapEnvelopes.text(response.body(), "voucherNumber")).matches("PS-\\d{4}-000001");
        assertThat(simulator.calls("issueVoucher")).isEqualTo(1);
        assertThat(simulator.callsWithXRoadId("raw-1")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong protocol version, Client.InvalidProtocolVersion",
            "unknown client,         Client.AccessDenied",
            "other operation named,  Client.InvalidService",
            "no message id,          Client.MissingHeader"})
    void refusesBadXRoadHeadersWithAClientFaultAndIssuesNothing(String problem, String faultCode) throws Exception {
        String request = switch (problem) {
            case "wrong protocol version" -> envelope(AVAIN, "issueVoucher", ID, VERSION_4.replace("4.0", "3.1"));
            case "unknown client" -> envelope(STRANGER, "issueVoucher", ID, VERSION_4);
            case "other operation named" -> envelope(AVAIN, "getVoucher", ID, VERSION_4);
            default -> envelope(AVAIN, "issueVoucher", "", VERSION_4);
        };

        HttpResponse<String> response = post(request);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(SoapEnvelopes.text(response.body(), "faultcode")).endsWith(":" + faultCode);
        assertThat(simulator.voucherCount()).isZero();
    }

    @Test
    void canBeToldToAnswer503WithAnHtmlPage() throws Exception {
        simulator.failNext("issueVoucher", 1, VoucherSystemFault.HTTP_503);

        HttpResponse<String> first = post(envelope(AVAIN, "issueVoucher", ID, VERSION_4));
        HttpResponse<String> second = post(envelope(AVAIN, "issueVoucher", ID, VERSION_4));

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(simulator.callsWithXRoadId("raw-1")).isEqualTo(2);
        assertThat(simulator.voucherCount()).isEqualTo(1);
    }

    private HttpResponse<String> post(String envelope) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An issueVoucher request whose service header names {@code serviceCode}. */
    private static String envelope(String client, String serviceCode, String id, String protocolVersion) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                        xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers"
                        xmlns:vs="http://avain.fi/voucher-system/v1">
                    <soapenv:Header>
                        %s
                        <xrd:service id:objectType="SERVICE">
                            <id:xRoadInstance>FI-TEST</id:xRoadInstance><id:memberClass>COM</id:memberClass>
                            <id:memberCode>7654321-2</id:memberCode><id:subsystemCode>palveluseteli</id:subsystemCode>
                            <id:serviceCode>%s</id:serviceCode><id:serviceVersion>v1</id:serviceVersion>
                        </xrd:service>
                        %s
                        <xrd:userId>case-worker-17</xrd:userId>
                        %s
                    </soapenv:Header>
                    <soapenv:Body>
                        <vs:issueVoucher>
                            <voucherId>v-1</voucherId><tenant>pirkanmaa</tenant>
                            <clientIdentityCode>131052-308T</clientIdentityCode>
                            <budgetId>budget-1</budgetId><lineCode>HOME_CARE</lineCode>
                            <serviceClass>http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.1</serviceClass>
                            <kind>SINGLE</kind><unitValue>35.50</unitValue><quantity>1</quantity>
                            <validFrom>2026-02-01</validFrom><validUntil>2026-12-31</validUntil>
                        </vs:issueVoucher>
                    </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(client, serviceCode, id, protocolVersion);
    }
}
