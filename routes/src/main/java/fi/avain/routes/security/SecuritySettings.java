package fi.avain.routes.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys per role ({@code avain.security.api-keys.<role>}), each a list so keys can be rotated
 * without downtime: add the new key, move the clients, remove the old one.
 */
@ConfigurationProperties("avain.security")
public record SecuritySettings(Map<String, List<String>> apiKeys) {
    public SecuritySettings {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "SecuritySettings[roles=" + apiKeys.keySet() + "]";
    }
}
