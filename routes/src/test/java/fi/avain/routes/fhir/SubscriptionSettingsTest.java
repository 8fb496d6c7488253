package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionSettingsTest {

    @Test
    void backoffDoublesFromASecondUpToFiveMinutes() {
        SubscriptionSettings settings = SubscriptionSettings.defaults();

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(settings.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLeaseOutlastsTheAttemptsOwnTimeouts() {
        SubscriptionSettings settings = SubscriptionSettings.defaults();

        assertThat(settings.lease()).isGreaterThan(settings.connectTimeout().plus(settings.requestTimeout()));
    }

    @Test
    void settingsThatCannotWorkStopStartUp() {
        SubscriptionSettings d = SubscriptionSettings.defaults();
        assertThatThrownBy(() -> new SubscriptionSettings(true, Duration.ZERO, d.initialBackoff(), d.maxBackoff(), 5,
                d.keepDelivered(), d.connectTimeout(), d.requestTimeout(), 8, 500, List.of()))
                .hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new SubscriptionSettings(true, d.pollInterval(), Duration.ofMinutes(10),
                d.maxBackoff(), 5, d.keepDelivered(), d.connectTimeout(), d.requestTimeout(), 8, 500, List.of()))
                .hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> new SubscriptionSettings(true, d.pollInterval(), d.initialBackoff(), d.maxBackoff(),
                0, d.keepDelivered(), d.connectTimeout(), d.requestTimeout(), 8, 500, List.of()))
                .hasMessageContaining("failures-before-error");
        assertThatThrownBy(() -> new SubscriptionSettings(true, d.pollInterval(), d.initialBackoff(), d.maxBackoff(),
                5, d.keepDelivered(), d.connectTimeout(), d.requestTimeout(), 8, 500, List.of("portal.internal")))
                .hasMessageContaining("allowed-networks");
    }

    @Test
    void anEmptyEntryInTheAllowedNetworksIsNoNetwork() {
        SubscriptionSettings d = SubscriptionSettings.defaults();
        SubscriptionSettings trailingComma = new SubscriptionSettings(true, d.pollInterval(), d.initialBackoff(),
                d.maxBackoff(), 5, d.keepDelivered(), d.connectTimeout(), d.requestTimeout(), 8, 500,
                List.of("10.20.0.0/16", " "));

        assertThat(trailingComma.allowedNetworks()).containsExactly("10.20.0.0/16");
    }
}
