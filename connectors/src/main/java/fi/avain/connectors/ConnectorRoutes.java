package fi.avain.connectors;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The transport every HTTP connector shares: a request route per operation hands the request to the
 * connector's call route, which runs it through a Resilience4j circuit breaker and Camel's http
 * component. Transient failures (5xx, 429, timeouts, resets) are redelivered with exponential
 * backoff; permanent ones (4xx, a body that breaks the contract) fail at once.
 */
public abstract class ConnectorRoutes extends RouteBuilder {
    private static final String REQUEST_BODY = "AvainRequestBody";
    private static final String REQUEST_HEADERS = "AvainRequestHeaders";

    /** The connector's name in messages and route ids, e.g. "ptv". */
    protected abstract String system();

    protected abstract HttpSettings settings();

    protected abstract CircuitBreakerSettings circuitBreaker();

    /** Call at the start of {@code configure()}: redelivery for every route of this connector. */
    protected void configureRedelivery() {
        HttpSettings settings = settings();
        onException(ConnectorException.class)
                .onWhen(exchange -> exchange.getException(ConnectorException.class) != null
                        && exchange.getException(ConnectorException.class).transientFailure())
                .maximumRedeliveries(settings.maxRetries())
                .redeliveryDelay(settings.retryBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
        onException(IOException.class)
                .maximumRedeliveries(settings.maxRetries())
                .redeliveryDelay(settings.retryBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
    }

    /** {@code direct:<system>-http}: one HTTP exchange through the breaker; the reply status is checked. */
    protected void configureCallRoute(int... alsoAccepted) {
        CircuitBreakerSettings breaker = circuitBreaker();
        String uri = settings().baseUrl() + "?throwExceptionOnFailure=false&disableStreamCache=true"
                + "&clientConnectionManager=#" + system() + "HttpConnections"
                + "&httpClientConfigurer=#" + system() + "HttpRequests";
        from(callEndpoint()).routeId(system() + "-http")
                .errorHandler(noErrorHandler())
                .process(ConnectorRoutes::restoreRequest)
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .slidingWindowSize(breaker.windowSize())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .waitDurationInOpenState((int) breaker.waitInOpenState().toSeconds())
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                    .end()
                    .to(uri)
                    .process(exchange -> HttpReply.check(exchange, system(), alsoAccepted))
                .end();
    }

    protected String callEndpoint() {
        return "direct:" + system() + "-http";
    }

    /**
     * Keeps the request as it was before the first attempt, so that each redelivery sends the same
     * request rather than what a failed attempt left in the message.
     */
    protected static void saveRequest(Exchange exchange) {
        exchange.setProperty(REQUEST_BODY, exchange.getMessage().getBody());
        exchange.setProperty(REQUEST_HEADERS, new HashMap<>(exchange.getMessage().getHeaders()));
    }

    @SuppressWarnings("unchecked")
    private static void restoreRequest(Exchange exchange) {
        Map<String, Object> headers = exchange.getProperty(REQUEST_HEADERS, Map.class);
        if (headers != null) {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setBody(exchange.getProperty(REQUEST_BODY));
        }
    }
}
