package fi.avain.connectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
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

    /** These settings for a route's Resilience4j circuit breaker, which throws at once while open. */
    public Resilience4jConfigurationDefinition resilience4j() {
        return new Resilience4jConfigurationDefinition()
                .failureRateThreshold(failureRateThreshold)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowSize(Math.max(minimumCalls, 10))
                .waitDurationInOpenState((int) Math.max(1, waitInOpenState.toSeconds()))
                .throwExceptionWhenHalfOpenOrOpenState(true);
    }
}
