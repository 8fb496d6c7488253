package fi.avain.connectors.comparison;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpSettings;
import fi.avain.connectors.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code avain.connectors.comparison.*}: the comparison catalogue (format in
 * docs/formats/comparison-catalogue.md).
 *
 * @param format {@code json} reads the paged API, {@code csv} the export
 * @param apiKey sent as a bearer token when present
 */
@Validated
@ConfigurationProperties("avain.connectors.comparison")
public record ComparisonSettings(
        @NotNull URI baseUrl,
        @DefaultValue("json") @Pattern(regexp = "json|csv") String format,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("100") @Min(1) @Max(500) int perPage,
        @DefaultValue("32MB") DataSize maxResponseBytes,
        Secret apiKey,
        CircuitBreakerSettings circuitBreaker) implements HttpSettings {

    public ComparisonSettings {
        apiKey = apiKey == null ? Secret.NONE : apiKey;
        circuitBreaker = CircuitBreakerSettings.orDefault(circuitBreaker);
    }
}
