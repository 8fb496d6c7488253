package fi.avain.connectors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A plain Camel context with one connector's routes, for route tests against a simulator. */
public final class RouteCalls implements AutoCloseable {
    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;

    public RouteCalls(RoutesBuilder routes) {
        try {
            context.addRoutes(routes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    public ProducerTemplate template() {
        return template;
    }

    public <T> T call(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        return template.requestBodyAndHeaders(uri, body, headers, type);
    }

    /** The ConnectorException a call fails with. */
    public ConnectorException failure(String uri, Object body, Map<String, Object> headers) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, body, headers))
                .satisfies(e -> thrown[0] = e.getCause())
                .hasCauseInstanceOf(ConnectorException.class);
        return (ConnectorException) thrown[0];
    }

    public static HttpCallParameters quick(String system, String baseUrl) {
        return new HttpCallParameters(system, java.net.URI.create(baseUrl), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(400), 2, java.time.Duration.ofMillis(5), 1024 * 1024,
                new CircuitBreakerSettings(50, java.time.Duration.ofSeconds(30), 4), null);
    }

    @Override
    public void close() {
        context.stop();
    }
}
