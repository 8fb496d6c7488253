package fi.avain.connectors.comparison;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.ConnectorRoutes;
import fi.avain.connectors.HttpConnections;
import fi.avain.connectors.HttpReply;
import fi.avain.connectors.HttpSettings;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The comparison catalogue: {@code direct:comparison-page} (header {@code ComparisonPage}) answers
 * one JSON page of providers; {@code direct:comparison-export} answers the CSV export as a String.
 */
@Component
public class ComparisonRoute extends ConnectorRoutes {
    public static final String PAGE = "ComparisonPage";

    private final ComparisonSettings settings;

    public ComparisonRoute(ComparisonSettings settings) {
        this.settings = settings;
    }

    @Override
    protected String system() {
        return "comparison";
    }

    @Override
    protected HttpSettings settings() {
        return settings;
    }

    @Override
    protected CircuitBreakerSettings circuitBreaker() {
        return settings.circuitBreaker();
    }

    @Bean
    PoolingHttpClientConnectionManager comparisonHttpConnections() {
        return HttpConnections.pool(settings);
    }

    @Bean
    HttpClientConfigurer comparisonHttpRequests() {
        return HttpConnections.requests(settings);
    }

    @Override
    public void configure() {
        configureRedelivery();
        configureCallRoute();
        long max = settings.maxResponseBytes().toBytes();

        from("direct:comparison-page").routeId("comparison-page")
                .process(exchange -> request(exchange, "providers",
                        "page=" + exchange.getMessage().getHeader(PAGE, 1, Integer.class) + "&per_page=" + settings.perPage()))
                .to(callEndpoint())
                .process(exchange -> exchange.getMessage().setBody(HttpReply.json(exchange, "comparison", max)));

        from("direct:comparison-export").routeId("comparison-export")
                .process(exchange -> request(exchange, "export.csv", null))
                .to(callEndpoint())
                .process(exchange -> exchange.getMessage().setBody(
                        new String(HttpReply.bytes(exchange, "comparison", max), StandardCharsets.UTF_8)));
    }

    private void request(Exchange exchange, String path, String query) {
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        if (query != null) {
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        }
        if (settings.apiKey().isPresent()) {
            exchange.getMessage().setHeader("Authorization", "Bearer " + settings.apiKey().value());
        }
        saveRequest(exchange);
    }
}
