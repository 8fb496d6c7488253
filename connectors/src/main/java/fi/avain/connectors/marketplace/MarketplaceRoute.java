package fi.avain.connectors.marketplace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.ConnectorException;
import fi.avain.connectors.HttpConnectorRoute;
import fi.avain.connectors.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Marketplace transport: {@code direct:marketplace-put} sends the body (JsonNode or JSON String) to
 * {@code PUT /{type}/{id}}; {@code direct:marketplace-delete} sends {@code DELETE /{type}/{id}},
 * where 404 means already gone. Both answer the HTTP status as an Integer.
 */
public final class MarketplaceRoute extends HttpConnectorRoute {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MarketplaceRoute(MarketplaceSettings settings) {
        super(settings.httpCall());
    }

    @Override
    protected void configureOperations() {
        from("direct:marketplace-put").routeId("marketplace-put")
                .process(exchange -> request(exchange, "PUT", body(exchange.getMessage())))
                .to(httpCall())
                .setBody(header(Exchange.HTTP_RESPONSE_CODE));

        from("direct:marketplace-delete").routeId("marketplace-delete")
                .process(exchange -> request(exchange, "DELETE", null))
                .doTry()
                    .to(httpCall())
                    .setBody(header(Exchange.HTTP_RESPONSE_CODE))
                .doCatch(ConnectorException.class)
                    .onWhen(exchange -> ConnectorException.caughtWithStatus(exchange, 404))
                    .setBody(constant(404))
                .end();
    }

    private static void request(Exchange exchange, String method, byte[] body) {
        Message message = exchange.getMessage();
        String type = message.getHeader(MarketplaceHeaders.TYPE, String.class);
        String id = message.getHeader(MarketplaceHeaders.ID, String.class);
        if (type == null || !MarketplaceHeaders.TYPES.contains(type)) {
            throw new IllegalArgumentException(MarketplaceHeaders.TYPE + " must be one of " + MarketplaceHeaders.TYPES);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(MarketplaceHeaders.ID + " is required");
        }
        new HttpRequest(method, HttpRequest.path(type, id), null, body).prepare(exchange);
    }

    private static byte[] body(Message message) throws JsonProcessingException {
        Object body = message.getBody();
        if (body instanceof JsonNode node) {
            return JSON.writeValueAsBytes(node);
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("a marketplace PUT takes a JsonNode or a JSON String");
    }
}
