package fi.avain.connectors;

import org.apache.camel.builder.RouteBuilder;

/**
 * The transport every HTTP connector shares, built from its {@link HttpCallParameters}:
 * {@code direct:<system>-http} sends the {@link HttpRequest} stored on the exchange with Camel's
 * http component and leaves the body as bytes. Around each attempt a Resilience4j circuit breaker;
 * transient failures are retried with exponential backoff, permanent ones fail at once. Subclasses
 * add the connector's own operations in {@link #configureOperations()}.
 */
public abstract class HttpConnectorRoute extends RouteBuilder {
    private final HttpCallParameters call;

    protected HttpConnectorRoute(HttpCallParameters call) {
        this.call = call;
    }

    /** The connector's operations, each sending through {@link #httpCall()}. */
    protected abstract void configureOperations();

    /** {@code direct:<system>-http}. */
    protected final String httpCall() {
        return "direct:" + call.system() + "-http";
    }

    protected final String system() {
        return call.system();
    }

    @Override
    public final void configure() {
        // Callers decide how to log a failed call; Camel's own exhausted log would repeat it.
        errorHandler(defaultErrorHandler().logExhausted(false));
        configureCall();
        configureAttempt();
        configureOperations();
    }

    private void configureCall() {
        ConnectorRetries.retryTransientFailures(from(httpCall()).routeId(call.system() + "-http"), call.maxRetries(),
                        call.retryBackoff())
                .to(attempt())
                .process(exchange -> HttpFailures.failOnClientError(call.system(), exchange))
                .process(exchange -> ResponseBody.failIfTooLarge(call.system(), call.maxResponseBytes(), exchange));
    }

    private void configureAttempt() {
        // A successful answer is read into bytes inside the circuit breaker, whose copy of the exchange
        // closes the response when it ends; an answer over the limit fails after the breaker, which it
        // must not open. Without stream caching: Camel would copy each answer into its cache first, a
        // large one twice over as the cache grows, only for it to be copied again here.
        from(attempt()).routeId(call.system() + "-http-attempt").streamCache("false")
                .errorHandler(noErrorHandler())
                .process(exchange -> HttpRequest.restore(exchange, call.apiKey()))
                .doTry()
                    .circuitBreaker()
                        .resilience4jConfiguration(call.circuitBreaker().resilience4j())
                        .to(endpointUri())
                        .process(exchange -> HttpFailures.failOnServerError(call.system(), exchange))
                        .process(exchange -> ResponseBody.readWithinBreaker(call.maxResponseBytes(), exchange))
                    .endCircuitBreaker()
                .endDoTry()
                .doCatch(Exception.class)
                    .process(exchange -> HttpFailures.translate(call.system(), exchange))
                .end();
    }

    private String attempt() {
        return "direct:" + call.system() + "-http-attempt";
    }

    /** Timeouts go on the endpoint itself, so no library default decides them. */
    private String endpointUri() {
        long connect = call.connectTimeout().toMillis();
        long read = call.readTimeout().toMillis();
        return call.baseUrl() + "?throwExceptionOnFailure=false&disableStreamCache=true&followRedirects=false"
                + "&connectTimeout=" + connect + "&connectionRequestTimeout=" + connect
                + "&responseTimeout=" + read + "&soTimeout=" + read
                + "&headerFilterStrategy=#class:" + OutboundHeaderFilter.class.getName()
                + "&httpClientConfigurer=#class:" + NoAutomaticRetries.class.getName();
    }
}
