package fi.avain.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;

/**
 * Checks an HTTP reply the way every connector wants it: 2xx is an answer, 5xx and 429 are transient
 * failures, other statuses permanent ones; the body is read up to a limit and a larger one is refused
 * rather than loaded.
 */
public final class HttpReply {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpReply() {
    }

    /** The status, after turning a failure status into a {@link ConnectorException}. */
    public static int check(Exchange exchange, String system, int... alsoAccepted) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return status;
        }
        for (int accepted : alsoAccepted) {
            if (status == accepted) {
                return status;
            }
        }
        boolean transientFailure = status >= 500 || status == 429;
        discard(exchange);
        throw new ConnectorException(system, "HTTP " + status + " from " + path(exchange), transientFailure);
    }

    /** Reads the body, at most {@code maxBytes}. */
    public static byte[] bytes(Exchange exchange, String system, long maxBytes) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            limit(bytes.length, maxBytes, system, exchange);
            return bytes;
        }
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            if (in == null) {
                return exchange.getMessage().getBody(String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            limit(bytes.length, maxBytes, system, exchange);
            return bytes;
        } catch (IOException e) {
            throw new ConnectorException(system, "reading the reply failed: " + e.getClass().getSimpleName(), true);
        }
    }

    public static JsonNode json(Exchange exchange, String system, long maxBytes) {
        byte[] bytes = bytes(exchange, system, maxBytes);
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(system, "the reply from " + path(exchange) + " is not JSON", false);
        } catch (IOException e) {
            throw new ConnectorException(system, "reading the reply failed", true);
        }
    }

    private static void limit(long size, long maxBytes, String system, Exchange exchange) {
        if (size > maxBytes) {
            throw new ConnectorException(system, "the reply from " + path(exchange) + " is larger than "
                    + maxBytes + " bytes", false);
        }
    }

    /** Closes an unread streamed body, so its connection goes back to the pool. */
    public static void discard(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // the connection is dropped instead of reused; nothing else to do
            }
        }
    }

    private static String path(Exchange exchange) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        return path.isEmpty() ? "the base URL" : "/" + path;
    }
}
