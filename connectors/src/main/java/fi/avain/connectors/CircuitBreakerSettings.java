package fi.avain.connectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a connector's circuit breaker opens: after {@code minimumCalls} calls, once
 * {@code failureRateThreshold} percent of them failed; it stays open {@code waitInOpenState}.
 */
public record CircuitBreakerSettings(
        @DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
        @DefaultValue("30s") @NotNull Duration waitInOpenState,
        @DefaultValue("10") @Min(1) int minimumCalls) {

    public static CircuitBreakerSettings defaults() {
        return new CircuitBreakerSettings(50, Duration.ofSeconds(30), 10);
    }
}
