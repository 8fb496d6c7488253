package fi.avain.connectors;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Sends only the HTTP headers a connector means to send; the exchange's own headers (PtvKind,
 * HsdsId, …) stay inside Avain. Response headers are all kept.
 */
public final class OutboundHeaderFilter implements HeaderFilterStrategy {
    private static final Set<String> SENT = Set.of("authorization", "content-type", "accept");

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !SENT.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        return false;
    }
}
