package fi.avain.connectors;

import java.time.Duration;

/**
 * When a connector stops calling an outside system that keeps failing: after
 * {@code failureRateThreshold} percent of the last {@code windowSize} calls (at least
 * {@code minimumCalls}) failed, calls fail at once for {@code waitInOpenState}, then a few are let through.
 */
public record CircuitBreakerSettings(float failureRateThreshold, int windowSize, int minimumCalls, Duration waitInOpenState) {
    public static final CircuitBreakerSettings DEFAULT = new CircuitBreakerSettings(50f, 20, 10, Duration.ofSeconds(30));

    public CircuitBreakerSettings {
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("circuit-breaker.failure-rate-threshold must be in (0, 100]");
        }
        if (windowSize < 1 || minimumCalls < 1 || waitInOpenState == null || waitInOpenState.isNegative()) {
            throw new IllegalArgumentException("circuit-breaker window-size and minimum-calls must be positive");
        }
    }

    public static CircuitBreakerSettings orDefault(CircuitBreakerSettings settings) {
        return settings == null ? DEFAULT : settings;
    }
}
