package fi.avain.connectors.ptv;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpCallParameters;
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

/** {@code avain.connectors.ptv.*}: where PTV Open API v11 is and how patiently to call it. */
@Validated
@ConfigurationProperties("avain.connectors.ptv")
public record PtvSettings(
        /** The URL up to and including {@code /api/v11}. */
        @NotNull URI baseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("1s") @NotNull Duration retryBackoff,
        @DefaultValue("16777216") @Min(1024) long maxResponseBytes,
        @DefaultValue @Valid @NotNull CircuitBreakerSettings circuitBreaker) {

    @AssertTrue(message = "must be an absolute http or https URL")
    public boolean isBaseUrlHttp() {
        return HttpCallParameters.isHttpUrl(baseUrl);
    }

    public HttpCallParameters httpCall() {
        return new HttpCallParameters("ptv", baseUrl, connectTimeout, readTimeout, maxRetries, retryBackoff,
                maxResponseBytes, circuitBreaker, null);
    }
}
