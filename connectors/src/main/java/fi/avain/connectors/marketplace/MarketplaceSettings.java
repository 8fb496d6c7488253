package fi.avain.connectors.marketplace;

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

/** {@code avain.connectors.marketplace.*}: the marketplace's HSDS catalogue API. */
@Validated
@ConfigurationProperties("avain.connectors.marketplace")
public record MarketplaceSettings(
        @NotNull URI baseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") @NotNull Duration retryBackoff,
        @DefaultValue("1048576") @Min(1024) long maxResponseBytes,
        Secret apiKey,
        @DefaultValue @Valid @NotNull CircuitBreakerSettings circuitBreaker) {

    @AssertTrue(message = "must be an absolute http or https URL")
    public boolean isBaseUrlHttp() {
        return HttpCallParameters.isHttpUrl(baseUrl);
    }

    public HttpCallParameters httpCall() {
        return new HttpCallParameters("marketplace", baseUrl, connectTimeout, readTimeout, maxRetries, retryBackoff,
                maxResponseBytes, circuitBreaker, apiKey);
    }
}
