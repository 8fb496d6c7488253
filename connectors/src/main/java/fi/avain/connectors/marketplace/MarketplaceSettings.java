package fi.avain.connectors.marketplace;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpSettings;
import fi.avain.connectors.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code avain.connectors.marketplace.*}: the welfare-services marketplace, which takes HSDS 3.0
 * objects by PUT and DELETE on {@code {base-url}/{collection}/{id}}.
 */
@Validated
@ConfigurationProperties("avain.connectors.marketplace")
public record MarketplaceSettings(
        @NotNull URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("1MB") DataSize maxResponseBytes,
        Secret apiKey,
        CircuitBreakerSettings circuitBreaker) implements HttpSettings {

    public MarketplaceSettings {
        apiKey = apiKey == null ? Secret.NONE : apiKey;
        circuitBreaker = CircuitBreakerSettings.orDefault(circuitBreaker);
    }
}
