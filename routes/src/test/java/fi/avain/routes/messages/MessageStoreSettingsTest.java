package fi.avain.routes.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessageStoreSettingsTest {

    @Test
    void bindsKeysAndRetentionPerFlow() {
        MessageStoreSettings settings = bind(Map.of(
                "avain.messages.encryption-key", "a2V5",
                "avain.messages.key-id", "k2",
                "avain.messages.previous-keys.k1", "b2xk",
                "avain.messages.retention.card-authorization", "P400D",
                "avain.messages.retention.default", "P7D"));

        assertThat(settings.encryptionKey().base64()).isEqualTo("a2V5");
        assertThat(settings.keyId()).isEqualTo("k2");
        assertThat(settings.previousKeys()).containsEntry("k1", new EncryptionKey("b2xk"));
        assertThat(settings.retentionFor("card-authorization")).isEqualTo(Duration.ofDays(400));
        assertThat(settings.retentionFor("catalogue-sync")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void keepsMessagesThirtyDaysUnderKeyIdK1ByDefault() {
        MessageStoreSettings settings = bind(Map.of("avain.messages.encryption-key", "a2V5"));

        assertThat(settings.keyId()).isEqualTo("k1");
        assertThat(settings.retentionFor("voucher-events")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void neverPrintsTheKey() {
        MessageStoreSettings settings = bind(Map.of("avain.messages.encryption-key", "c2VjcmV0LWtleQ==",
                "avain.messages.previous-keys.k0", "b2xkLXNlY3JldA=="));

        assertThat(settings.toString()).doesNotContain("c2VjcmV0LWtleQ==").doesNotContain("b2xkLXNlY3JldA==")
                .contains("redacted");
    }

    private static MessageStoreSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("avain.messages", MessageStoreSettings.class).get();
    }
}
