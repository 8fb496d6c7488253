package fi.avain.connectors;

import java.net.URI;
import java.time.Duration;

/** What one connector's HTTP calls need, taken from its settings and passed explicitly at the call. */
public record HttpCallParameters(
        String system,
        URI baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration retryBackoff,
        long maxResponseBytes,
        CircuitBreakerSettings circuitBreaker,
        Secret apiKey) {

    /** Whether the URL is an absolute http or https URL with a host, as every base URL must be. */
    public static boolean isHttpUrl(URI url) {
        return url == null || url.isAbsolute() && url.getHost() != null
                && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
    }
}
