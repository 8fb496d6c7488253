package fi.avain.connectors.ptv;

import fi.avain.connectors.CircuitBreakerSettings;
import fi.avain.connectors.ConnectorRoutes;
import fi.avain.connectors.HttpConnections;
import fi.avain.connectors.HttpReply;
import fi.avain.connectors.HttpSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * PTV Open API v11, read side. {@code direct:ptv-guid-page} reads one GUID page of a kind
 * (headers {@code PtvKind}, {@code PtvPage}, optional {@code PtvDate} and {@code PtvStatus});
 * {@code direct:ptv-list} reads up to 100 items by GUID (body: the GUIDs). Both answer a JsonNode.
 */
@Component
public class PtvRoute extends ConnectorRoutes {
    public static final String KIND = "PtvKind";
    public static final String PAGE = "PtvPage";
    public static final String DATE = "PtvDate";
    public static final String STATUS = "PtvStatus";
    public static final int LIST_LIMIT = 100;

    private static final Set<String> KINDS = Set.of("Service", "ServiceChannel", "Organization");
    private static final Set<String> STATUSES = Set.of("Published", "Archived", "Withdrawn");
    private static final Pattern DATE_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final PtvSettings settings;

    public PtvRoute(PtvSettings settings) {
        this.settings = settings;
    }

    @Override
    protected String system() {
        return "ptv";
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
    PoolingHttpClientConnectionManager ptvHttpConnections() {
        return HttpConnections.pool(settings);
    }

    @Bean
    HttpClientConfigurer ptvHttpRequests() {
        return HttpConnections.requests(settings);
    }

    @Override
    public void configure() {
        configureRedelivery();
        configureCallRoute();
        long max = settings.maxResponseBytes().toBytes();

        from("direct:ptv-guid-page").routeId("ptv-guid-page")
                .process(PtvRoute::pageRequest)
                .to(callEndpoint())
                .process(exchange -> exchange.getMessage().setBody(HttpReply.json(exchange, "ptv", max)));

        from("direct:ptv-list").routeId("ptv-list")
                .process(PtvRoute::listRequest)
                .to(callEndpoint())
                .process(exchange -> exchange.getMessage().setBody(HttpReply.json(exchange, "ptv", max)));
    }

    private static void pageRequest(Exchange exchange) {
        String kind = kind(exchange);
        StringBuilder query = new StringBuilder("page=").append(exchange.getMessage().getHeader(PAGE, 1, Integer.class));
        String date = exchange.getMessage().getHeader(DATE, String.class);
        if (date != null) {
            if (!DATE_FORM.matcher(date).matches()) {
                throw new IllegalArgumentException("PTV date must be yyyy-MM-ddTHH:mm:ss");
            }
            query.append("&date=").append(encode(date));
        }
        String status = exchange.getMessage().getHeader(STATUS, String.class);
        if (status != null) {
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("PTV status must be one of " + STATUSES);
            }
            query.append("&status=").append(encode(status));
        }
        request(exchange, kind, query.toString());
    }

    private static void listRequest(Exchange exchange) {
        String kind = kind(exchange);
        @SuppressWarnings("unchecked")
        List<String> guids = exchange.getMessage().getBody(List.class);
        if (guids == null || guids.isEmpty() || guids.size() > LIST_LIMIT) {
            throw new IllegalArgumentException("a PTV list call takes 1 to " + LIST_LIMIT + " GUIDs");
        }
        for (String guid : guids) {
            if (!GUID.matcher(guid).matches()) {
                throw new IllegalArgumentException("not a PTV GUID");
            }
        }
        request(exchange, kind + "/list", "guids=" + encode(String.join(",", guids)));
    }

    private static void request(Exchange exchange, String path, String query) {
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        exchange.getMessage().setHeader("Accept", "application/json");
        saveRequest(exchange);
    }

    private static String kind(Exchange exchange) {
        String kind = exchange.getMessage().getHeader(KIND, String.class);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("PTV kind must be one of " + KINDS);
        }
        return kind;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
