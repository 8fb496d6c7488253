package fi.avain.connectors.ptv;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpSettings;
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
 * {@code avain.connectors.ptv.*}: Suomi.fi PTV Open API v11.
 *
 * @param baseUrl the URL up to and including {@code /api/v11}
 * @param maxResponseBytes a reply larger than this is refused, not loaded
 */
@Validated
@ConfigurationProperties("avain.connectors.ptv")
public record PtvSettings(
        @NotNull URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("16MB") DataSize maxResponseBytes,
        CircuitBreakerSettings circuitBreaker) implements HttpSettings {

    public PtvSettings {
        circuitBreaker = CircuitBreakerSettings.orDefault(circuitBreaker);
        if (baseUrl != null && !(baseUrl.getScheme() != null && baseUrl.getScheme().matches("https?") && baseUrl.getHost() != null)) {
            throw new IllegalArgumentException("avain.connectors.ptv.base-url must be an http(s) URL with a host");
        }
    }
}
