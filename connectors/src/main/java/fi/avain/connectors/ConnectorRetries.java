package fi.avain.connectors;

import java.time.Duration;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * How every connector retries: a retryable {@link ConnectorException} is tried again after
 * {@code backoff}, doubling each time up to 32 times it; anything else fails at once. Exhausted
 * retries are not logged here: the caller reports the failure once.
 */
public final class ConnectorRetries {
    private ConnectorRetries() {
    }

    /** Adds the retries to {@code route}, for the route to go on from. */
    public static ProcessorDefinition<?> retryTransientFailures(RouteDefinition route, int maxRetries, Duration backoff) {
        long delay = Math.max(1, backoff.toMillis());
        return route.onException(ConnectorException.class)
                .onWhen(exchange -> exchange.getException(ConnectorException.class).isRetryable())
                .maximumRedeliveries(maxRetries)
                .redeliveryDelay(delay)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(delay * 32)
                .logExhausted(false)
                .end();
    }
}
