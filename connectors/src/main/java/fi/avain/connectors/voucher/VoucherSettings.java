package fi.avain.connectors.voucher;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.HttpCallParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code avain.connectors.voucher.*}: where the voucher system's SOAP service is, how patiently to
 * call it, and who is who on X-Road. {@code xroad} is Avain's own subsystem (the {@code client}
 * header of every call out, the provider a call in must name); {@code service} is the voucher
 * system's (the {@code service} header of every call out, the only client a call in may come from).
 * An identity with a missing or malformed part stops start-up.
 */
@Validated
@ConfigurationProperties("avain.connectors.voucher")
public record VoucherSettings(
        /** The voucher system's SOAP endpoint (Avain's X-Road security server, in production). */
        @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("500ms") @NotNull Duration retryBackoff,
        @DefaultValue("1048576") @Min(1024) @Max(Integer.MAX_VALUE - 8) long maxResponseBytes,
        @DefaultValue @Valid @NotNull CircuitBreakerSettings circuitBreaker,
        @NotNull XRoadIdentity xroad,
        @NotNull XRoadIdentity service,
        @DefaultValue("v1") @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,32}") String serviceVersion) {

    @AssertTrue(message = "must be an absolute http or https URL")
    public boolean isBaseUrlHttp() {
        return HttpCallParameters.isHttpUrl(baseUrl);
    }

    @AssertTrue(message = "must be positive")
    public boolean isTimeoutsPositive() {
        return connectTimeout == null || readTimeout == null || retryBackoff == null
                || !connectTimeout.isNegative() && !connectTimeout.isZero() && !readTimeout.isNegative()
                && !readTimeout.isZero() && !retryBackoff.isNegative();
    }

    /** Avain's own X-Road subsystem. */
    public XRoadIdentity avainIdentity() {
        return xroad;
    }

    /** The voucher system's X-Road subsystem. */
    public XRoadIdentity voucherSystemIdentity() {
        return service;
    }
}
