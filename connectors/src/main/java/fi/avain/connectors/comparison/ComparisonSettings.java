package fi.avain.connectors.comparison;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpCallParameters;
import fi.avain.connectors.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code avain.connectors.comparison.*}: the comparison catalogue's API, read as JSON pages or CSV. */
@Validated
@ConfigurationProperties("avain.connectors.comparison")
public record ComparisonSettings(
        @NotNull URI baseUrl,
        @DefaultValue("json") @NotNull Format format,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") @NotNull Duration retryBackoff,
        @DefaultValue("16777216") @Min(1024) long maxResponseBytes,
        @DefaultValue("100") @Min(1) @Max(500) int perPage,
        Secret apiKey,
        @DefaultValue @Valid @NotNull CircuitBreakerSettings circuitBreaker) {

    /** How the catalogue is read. */
    public enum Format { json, csv }

    @AssertTrue(message = "must be an absolute http or https URL")
    public boolean isBaseUrlHttp() {
        return HttpCallParameters.isHttpUrl(baseUrl);
    }

    public HttpCallParameters httpCall() {
        return new HttpCallParameters("comparison", baseUrl, connectTimeout, readTimeout, maxRetries, retryBackoff,
                maxResponseBytes, circuitBreaker, apiKey);
    }
}
