package fi.avain.connectors.ptv;

import fi.avain.connectors.HttpRequest;
import fi.avain.connectors.ResponseBody;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Turns the PTV routes' headers into requests, refusing bad input before anything is sent. */
final class PtvRequests {
    static final int MAX_GUIDS = 100;
    private static final Set<String> STATUSES = Set.of("Published", "Archived", "Withdrawn");
    private static final String FIELDS = "AvainPtvFields";

    private PtvRequests() {
    }

    static void guidPage(Exchange exchange) {
        Message message = exchange.getMessage();
        PtvKind kind = kind(message);
        StringBuilder query = new StringBuilder();
        String date = message.getHeader(PtvHeaders.DATE, String.class);
        if (date != null) {
            if (PtvTime.parseWatermark(date).isEmpty()) {
                throw new IllegalArgumentException(PtvHeaders.DATE + " must be yyyy-MM-ddTHH:mm:ss");
            }
            query.append("date=").append(HttpRequest.encode(date)).append('&');
        }
        String status = message.getHeader(PtvHeaders.STATUS, String.class);
        if (status != null) {
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException(PtvHeaders.STATUS + " must be Published, Archived or Withdrawn");
            }
            query.append("status=").append(status).append('&');
        }
        Integer page = message.getHeader(PtvHeaders.PAGE, 1, Integer.class);
        if (page < 1) {
            throw new IllegalArgumentException(PtvHeaders.PAGE + " starts at 1");
        }
        query.append("page=").append(page);
        HttpRequest.get(HttpRequest.path(kind.name()), query.toString()).prepare(exchange);
    }

    static void list(Exchange exchange) {
        PtvKind kind = kind(exchange.getMessage());
        List<?> guids = exchange.getMessage().getBody(List.class);
        if (guids == null || guids.isEmpty() || guids.size() > MAX_GUIDS) {
            throw new IllegalArgumentException("a PTV list call takes 1 to " + MAX_GUIDS + " guids");
        }
        Set<?> fields = exchange.getMessage().getHeader(PtvHeaders.FIELDS, Set.class);
        if (fields != null) {
            // A property, not the header: the HTTP call's answer headers replace the request's.
            exchange.setProperty(FIELDS, Set.copyOf(fields.stream().map(String::valueOf).toList()));
        }
        // Each GUID encoded, the separating commas literal: PTV documents the form guids=a,b,c.
        String joined = String.join(",", guids.stream().map(String::valueOf).map(HttpRequest::encode).toList());
        HttpRequest.get(HttpRequest.path(kind.name(), "list"), "guids=" + joined).prepare(exchange);
    }

    /** PTV answers a list with an array; an object with {@code itemList} is accepted too. */
    @SuppressWarnings("unchecked")
    static List<PtvItem> items(Exchange exchange) {
        return ResponseBody.arrayElements("ptv", exchange, "itemList", exchange.getProperty(FIELDS, Set.class),
                PtvItem::new);
    }

    private static PtvKind kind(Message message) {
        String kind = message.getHeader(PtvHeaders.KIND, String.class);
        return PtvKind.fromPath(kind == null ? "" : kind).orElseThrow(() ->
                new IllegalArgumentException(PtvHeaders.KIND + " must be Service, ServiceChannel or Organization"));
    }
}
