package fi.avain.connectors.comparison;

import fi.avain.connectors.HttpConnectorRoute;
import fi.avain.connectors.HttpRequest;
import fi.avain.connectors.ResponseBody;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/**
 * Comparison catalogue transport: {@code direct:comparison-page} (header
 * {@link ComparisonHeaders#PAGE}) answers one provider page as a JsonNode;
 * {@code direct:comparison-export} answers the whole CSV export as a String.
 */
public final class ComparisonRoute extends HttpConnectorRoute {
    private final int perPage;

    public ComparisonRoute(ComparisonSettings settings) {
        super(settings.httpCall());
        this.perPage = settings.perPage();
    }

    @Override
    protected void configureOperations() {
        from("direct:comparison-page").routeId("comparison-page")
                .process(this::pageRequest)
                .to(httpCall())
                .setBody(exchange -> ResponseBody.json(system(), exchange));

        from("direct:comparison-export").routeId("comparison-export")
                .process(exchange -> HttpRequest.get("/export.csv", null).prepare(exchange))
                .to(httpCall())
                .setBody(exchange -> new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8));
    }

    private void pageRequest(Exchange exchange) {
        int page = exchange.getMessage().getHeader(ComparisonHeaders.PAGE, 1, Integer.class);
        if (page < 1) {
            throw new IllegalArgumentException(ComparisonHeaders.PAGE + " starts at 1");
        }
        HttpRequest.get("/providers", "page=" + page + "&per_page=" + perPage).prepare(exchange);
    }
}
