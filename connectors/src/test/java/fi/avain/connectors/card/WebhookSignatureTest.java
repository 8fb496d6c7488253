package fi.avain.connectors.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import fi.avain.connectors.card.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_test_7f3a9c";
    private static final String OLD_SECRET = "whsec_test_old_1b2c";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;
    private static final String BODY_TEXT = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"issuing_authorization.request\","
            + "\"data\":{\"object\":{\"id\":\"iauth_1\",\"object\":\"issuing.authorization\",\"amount\":0}}}";
    private static final byte[] BODY = BODY_TEXT.getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsItsOwnSignature() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(header).matches("t=" + T + ",v1=[0-9a-f]{64}");
        assertThatCode(() -> WebhookSignature.verify(header, BODY, List.of(SECRET), NOW, TOLERANCE)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyConfiguredSecretAgainstAnyV1WhileASecretIsRotated() {
        String oldSigned = WebhookSignature.sign(OLD_SECRET, T, BODY);
        String newV1 = WebhookSignature.sign(SECRET, T, BODY).split(",")[1];
        String both = oldSigned + "," + newV1;

        assertThatCode(() -> WebhookSignature.verify(both, BODY, List.of(SECRET), NOW, TOLERANCE)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(both, BODY, List.of(OLD_SECRET), NOW, TOLERANCE)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(oldSigned, BODY, List.of(SECRET, OLD_SECRET), NOW, TOLERANCE))
                .doesNotThrowAnyException();
    }

    @Test
    void ignoresOtherSchemesAndSpacesAndUppercaseHex() {
        String v1 = WebhookSignature.sign(SECRET, T, BODY).split("v1=")[1];
        String header = "v0=deadbeef, t=" + T + " , v1=" + v1.toUpperCase() + ",scheme2=x";

        assertThatCode(() -> WebhookSignature.verify(header, BODY, List.of(SECRET), NOW, TOLERANCE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesAMissingHeader(String header) {
        assertRefused(header, Reason.MISSING, "signature header is missing");
        assertRefused(null, Reason.MISSING, "signature header is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1=abc", "t=1795428000", "t=yesterday,v1=abc", "t=-5,v1=abc", "garbage",
            "t=1795428000,t=1795428000,v1=abc", "t=1795428000,=abc", "t=1795428000,v0=abc"})
    void refusesAMalformedHeader(String header) {
        assertThatThrownBy(() -> WebhookSignature.verify(header, BODY, List.of(SECRET), NOW, TOLERANCE))
                .isInstanceOf(SignatureException.class)
                .hasMessageStartingWith("signature header is malformed: ")
                .extracting(e -> ((SignatureException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusesAHeaderLongerThanItWouldEverBe() {
        String header = "t=" + T + ",v1=" + "a".repeat(5000);

        assertRefused(header, Reason.MALFORMED, "signature header is malformed: longer than 4096 characters");
    }

    @Test
    void refusesAnOldOrAFutureTimestampEvenWhenTheSignatureMatches() {
        String old = WebhookSignature.sign(SECRET, T - 301, BODY);
        String future = WebhookSignature.sign(SECRET, T + 301, BODY);
        String justInTime = WebhookSignature.sign(SECRET, T - 300, BODY);

        assertRefused(old, Reason.EXPIRED, "signature timestamp is outside the tolerance of 300 s");
        assertRefused(future, Reason.EXPIRED, "signature timestamp is outside the tolerance of 300 s");
        assertThatCode(() -> WebhookSignature.verify(justInTime, BODY, List.of(SECRET), NOW, TOLERANCE))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherSecretAChangedBodyOrAChangedTimestamp() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        byte[] changed = BODY_TEXT.replace("\"amount\":0", "\"amount\":1").getBytes(StandardCharsets.UTF_8);
        String movedTimestamp = header.replace("t=" + T, "t=" + (T + 1));
        String message = "no v1 signature matches the body under any configured secret";

        assertRefused(header, BODY, List.of(OLD_SECRET), Reason.MISMATCH, message);
        assertRefused(header, changed, List.of(SECRET), Reason.MISMATCH, message);
        assertRefused(movedTimestamp, BODY, List.of(SECRET), Reason.MISMATCH, message);
    }

    @Test
    void neverPutsTheSecretTheBodyOrTheSignatureInItsMessage() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        String v1 = header.split("v1=")[1];

        assertThatThrownBy(() -> WebhookSignature.verify(header, BODY, List.of(OLD_SECRET), NOW, TOLERANCE))
                .message().doesNotContain(SECRET, OLD_SECRET, "iauth_1", v1);
    }

    @Test
    void treatsNoConfiguredSecretAsASetupError() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThatThrownBy(() -> WebhookSignature.verify(header, BODY, List.of(" "), NOW, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no webhook secret is configured");
    }

    @Test
    void signsTheDocumentedExampleAsTheDocumentationSays() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("../mappings/src/test/resources/golden/card/generic/authorization.input.json"));

        // docs/formats/card-authorization.md, "The signature".
        assertThat(WebhookSignature.sign("sandbox-generic-secret", 1795428000L, body))
                .isEqualTo("t=1795428000,v1=eb9d296da72992c3ccc52ccf2a5f71950ce239ed0e431cdcd660836930c40ebc");
    }

    @Test
    void stripesOwnVerifierAcceptsOurSignature() throws SignatureVerificationException {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        Event event = Webhook.constructEvent(BODY_TEXT, header, SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(event.getId()).isEqualTo("evt_1");
        assertThatThrownBy(() -> Webhook.constructEvent(BODY_TEXT, header, OLD_SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC)))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void acceptsASignatureComputedByStripesLibrary() throws Exception {
        String v1 = Webhook.Util.computeHmacSha256(SECRET, T + "." + BODY_TEXT);
        String header = "t=" + T + ",v1=" + v1;

        assertThat(header).isEqualTo(WebhookSignature.sign(SECRET, T, BODY));
        assertThatCode(() -> WebhookSignature.verify(header, BODY, List.of(SECRET), NOW, TOLERANCE)).doesNotThrowAnyException();
    }

    private static void assertRefused(String header, Reason reason, String message) {
        assertRefused(header, BODY, List.of(SECRET), reason, message);
    }

    private static void assertRefused(String header, byte[] body, List<String> secrets, Reason reason, String message) {
        assertThatThrownBy(() -> WebhookSignature.verify(header, body, secrets, NOW, TOLERANCE))
                .isInstanceOf(SignatureException.class)
                .hasMessage(message)
                .extracting(e -> ((SignatureException) e).reason()).isEqualTo(reason);
    }
}
