package fi.avain.routes.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.connectors.voucher.XRoadIdentity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class RequestFingerprintTest {
    private static final XRoadIdentity AVAIN = new XRoadIdentity("FI-TEST", "GOV", "1234567-1", "avain");
    private static final XRoadIdentity SENDER = new XRoadIdentity("FI-TEST", "COM", "7654321-2", "palveluseteli");
    private static final String EVENT = """
            <v:serviceEventRecorded xmlns:v="http://avain.fi/vouchers/v1">
                <voucherId>PS-1</voucherId>
                <price>75.00</price>
                <description>Omaishoidon vapaa</description>
            </v:serviceEventRecorded>""";

    @Test
    void theSameRequestWrittenDifferentlyHasTheSameFingerprint() throws Exception {
        String other = "<ps:serviceEventRecorded xmlns:ps=\"http://avain.fi/vouchers/v1\"><voucherId>PS-1</voucherId>"
                + "<price>75.00</price><description>Omaishoidon vapaa</description></ps:serviceEventRecorded>";
        assertThat(fingerprint(headers("user-a", "issue-1"), EVENT))
                .isEqualTo(fingerprint(headers("user-b", null), other));
    }

    @Test
    void anyDifferenceInTheRequestOrTheServiceIsAnotherRequest() throws Exception {
        String first = fingerprint(headers("u", null), EVENT);
        assertThat(fingerprint(headers("u", null), EVENT.replace("75.00", "75.01"))).isNotEqualTo(first);
        assertThat(fingerprint(headers("u", null), EVENT.replace("<price>75.00</price>", ""))).isNotEqualTo(first);
        assertThat(fingerprint(headers("u", null), EVENT.replace("vouchers/v1", "vouchers/v2"))).isNotEqualTo(first);
        XRoadHeaders otherVersion = new XRoadHeaders(SENDER, AVAIN, "serviceEventRecorded", "v2", "id-1", "u", null,
                "4.0", List.of());
        assertThat(fingerprint(otherVersion, EVENT)).isNotEqualTo(first);
    }

    @Test
    void aValueCannotPassForStructure() throws Exception {
        String nested = "<v:r xmlns:v=\"http://avain.fi/vouchers/v1\"><a><b>x</b></a></v:r>";
        String text = "<v:r xmlns:v=\"http://avain.fi/vouchers/v1\"><a>&lt;null b&gt;x&lt;/&gt;</a></v:r>";
        assertThat(fingerprint(headers("u", null), nested)).isNotEqualTo(fingerprint(headers("u", null), text));
    }

    @Test
    void aHashStoredBeforeFingerprintsIsTheWholeEnvelopes() throws Exception {
        String fingerprint = fingerprint(headers("u", null), EVENT);
        byte[] envelope = "<Envelope/>".getBytes(StandardCharsets.UTF_8);
        assertThat(fingerprint).startsWith(RequestFingerprint.PREFIX);
        assertThat(RequestFingerprint.matches(fingerprint, fingerprint, envelope)).isTrue();
        assertThat(RequestFingerprint.matches(fi.avain.routes.messages.ContentHash.of(envelope), fingerprint, envelope))
                .isTrue();
        assertThat(RequestFingerprint.matches(fi.avain.routes.messages.ContentHash.of(new byte[1]), fingerprint,
                envelope)).isFalse();
        assertThat(RequestFingerprint.matches(RequestFingerprint.PREFIX + fi.avain.routes.messages.ContentHash.of(envelope),
                fingerprint, envelope)).isFalse();
    }

    private static XRoadHeaders headers(String userId, String issue) {
        return new XRoadHeaders(SENDER, AVAIN, "serviceEventRecorded", "v1", "id-1", userId, issue, "4.0", List.of());
    }

    private static String fingerprint(XRoadHeaders headers, String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element element = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        return RequestFingerprint.of("serviceEventRecorded", headers, element);
    }
}
