package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionChannelTest {
    static final String SECRET = "s3cret-token-value";

    @ParameterizedTest
    @ValueSource(strings = {"https://portal.example.fi/hooks/avain?x=1", "http://127.0.0.1:8081/hook",
            "http://localhost/hook", "http://[::1]:9000/"})
    void anAbsoluteHttpOrHttpsEndpointIsKept(String endpoint) {
        assertThat(SubscriptionChannel.of(endpoint, List.of(), false).endpoint()).hasToString(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://portal.example.fi/hook", "http://127.0.0.2:8081/hook", "http://localhost:1/h",
            "http://[::1]/h"})
    void productionTakesHttpsOrLoopback(String endpoint) {
        assertThat(SubscriptionChannel.of(endpoint, List.of(), true).endpoint()).hasToString(endpoint);
    }

    @Test
    void productionRefusesPlainHttpToAnotherHost() {
        assertThatThrownBy(() -> SubscriptionChannel.of("http://portal.example.fi/hook", List.of(), true))
                .hasMessage("Subscription.channel.endpoint: must use https (plain http only to loopback)");
        assertThatThrownBy(() -> SubscriptionChannel.of("http://localhost.example.fi/hook", List.of(), true))
                .hasMessageContaining("must use https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/relative/hook", "portal.example.fi/hook", "ftp://portal.example.fi/hook",
            "http:///hook", "https://user:" + SECRET + "@portal.example.fi/hook",
            "https://portal.example.fi/hook#" + SECRET, "https://portal.example.fi/ho ok?" + SECRET,
            "mailto:portal@example.fi"})
    void anEndpointThatIsNoAbsoluteHttpUrlIsRefusedWithoutEchoingIt(String endpoint) {
        assertThatThrownBy(() -> SubscriptionChannel.of(endpoint, List.of(), false))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class,
                        e -> assertThat(e.element()).isEqualTo("Subscription.channel.endpoint"))
                .message().doesNotContain(SECRET).doesNotContain("portal.example.fi");
    }

    @Test
    void anOverlongEndpointIsRefused() {
        assertThatThrownBy(() -> SubscriptionChannel.of("https://p.example.fi/" + "a".repeat(2000), List.of(), false))
                .hasMessageContaining("longer than 2000");
    }

    @Test
    void headersAreKeptAsGivenUpToFive() {
        List<String> five = List.of("Authorization: Bearer " + SECRET, "X-Portal: a", "X-B: b", "X-C: c:d", "X-D:e");

        assertThat(SubscriptionChannel.of("https://p.example.fi/h", five, false).headers()).containsExactlyElementsOf(five);
        assertThatThrownBy(() -> SubscriptionChannel.of("https://p.example.fi/h",
                List.of("A: 1", "B: 2", "C: 3", "D: 4", "E: 5", "F: 6"), false))
                .hasMessage("Subscription.channel.header: at most 5 headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization Bearer " + SECRET, "Bad Name: " + SECRET, ": " + SECRET,
            "Content-Type: " + SECRET, "host: " + SECRET, "Content-Length: " + SECRET, "Authorization:   ",
            "Authorization: Bearer " + SECRET + "\r\nX-Injected: 1", "Authorization: Bearer\u0000" + SECRET,
            "Authorization: Bearer \u20ac" + SECRET, "X-Name: Åsa \uD83D\uDE00" + SECRET})
    void aHeaderThatCannotBeSentIsRefusedWithoutItsValue(String header) {
        assertThatThrownBy(() -> SubscriptionChannel.of("https://p.example.fi/h", List.of("X-Ok: 1", header), false))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class,
                        e -> assertThat(e.element()).isEqualTo("Subscription.channel.header[1]"))
                .message().doesNotContain(SECRET);
    }

    @Test
    void aHeaderValueInIso88591IsKept() {
        assertThat(SubscriptionChannel.of("https://p.example.fi/h", List.of("X-Name: Åsa Ylönen"), false).headers())
                .containsExactly("X-Name: Åsa Ylönen");
    }

    @Test
    void headerValuesNeverShowInToStringOrWhenShownBack() {
        SubscriptionChannel channel = SubscriptionChannel.of("https://p.example.fi/h?token=" + SECRET,
                List.of("Authorization: Bearer " + SECRET), false);

        assertThat(channel.toString()).doesNotContain(SECRET).contains("Authorization: ***");
        assertThat(channel.maskedHeaders()).containsExactly("Authorization: ***");
    }
}
