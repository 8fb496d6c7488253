package fi.avain.connectors.marketplace;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.ConnectorRoutes;
import fi.avain.connectors.HttpConnections;
import fi.avain.connectors.HttpReply;
import fi.avain.connectors.HttpSettings;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The marketplace's HSDS intake: {@code direct:marketplace-put} and {@code direct:marketplace-delete}
 * (headers {@code HsdsType}: services, organizations, locations or service_at_locations;
 * {@code HsdsId}: a UUID). A DELETE of something the marketplace no longer has (404) counts as done.
 */
@Component
public class MarketplaceRoute extends ConnectorRoutes {
    public static final String TYPE = "HsdsType";
    public static final String ID = "HsdsId";
    private static final Set<String> TYPES = Set.of("services", "organizations", "locations", "service_at_locations");

    private final MarketplaceSettings settings;

    public MarketplaceRoute(MarketplaceSettings settings) {
        this.settings = settings;
    }

    @Override
    protected String system() {
        return "marketplace";
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
    PoolingHttpClientConnectionManager marketplaceHttpConnections() {
        return HttpConnections.pool(settings);
    }

    @Bean
    HttpClientConfigurer marketplaceHttpRequests() {
        return HttpConnections.requests(settings);
    }

    @Override
    public void configure() {
        configureRedelivery();
        configureCallRoute(404);

        from("direct:marketplace-put").routeId("marketplace-put")
                .process(exchange -> request(exchange, "PUT"))
                .to(callEndpoint())
                .process(MarketplaceRoute::requireNot404)
                .process(HttpReply::discard);

        from("direct:marketplace-delete").routeId("marketplace-delete")
                .process(exchange -> request(exchange, "DELETE"))
                .to(callEndpoint())
                .process(HttpReply::discard);
    }

    /** 404 is fine for a DELETE; for a PUT it means the marketplace has no such collection. */
    private static void requireNot404(Exchange exchange) {
        if (exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class) == 404) {
            HttpReply.discard(exchange);
            throw new fi.avain.connectors.ConnectorException("marketplace", "HTTP 404 for a PUT", false);
        }
    }

    private void request(Exchange exchange, String method) {
        String type = exchange.getMessage().getHeader(TYPE, String.class);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("HSDS type must be one of " + TYPES);
        }
        UUID id = UUID.fromString(exchange.getMessage().getHeader(ID, String.class));
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, type + "/" + id);
        exchange.getMessage().removeHeader(Exchange.HTTP_QUERY);
        if ("PUT".equals(method)) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        } else {
            exchange.getMessage().setBody(null);
        }
        if (settings.apiKey().isPresent()) {
            exchange.getMessage().setHeader("Authorization", "Bearer " + settings.apiKey().value());
        }
        saveRequest(exchange);
    }
}
