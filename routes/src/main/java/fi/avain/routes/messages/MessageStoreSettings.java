package fi.avain.routes.messages;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code avain.messages.*}: the body encryption key, keys kept readable after a rotation, and how long
 * each flow's messages are kept ({@code retention.default} for flows not named).
 */
@ConfigurationProperties("avain.messages")
public record MessageStoreSettings(
        EncryptionKey encryptionKey,
        @DefaultValue("k1") String keyId,
        Map<String, EncryptionKey> previousKeys,
        Map<String, Duration> retention) {

    static final String DEFAULT_RETENTION_KEY = "default";
    static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public MessageStoreSettings {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    public Duration retentionFor(String flow) {
        return retention.getOrDefault(flow, retention.getOrDefault(DEFAULT_RETENTION_KEY, DEFAULT_RETENTION));
    }
}
