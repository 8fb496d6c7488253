package fi.avain.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;

/** Reads a response body within a size limit and parses JSON, failing permanently otherwise. */
public final class ResponseBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBody() {
    }

    /** Replaces the streamed body with its bytes, refusing more than {@code maxBytes}. */
    static void readBounded(String system, long maxBytes, Exchange exchange) throws IOException {
        Long declared = exchange.getMessage().getHeader("Content-Length", Long.class);
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            if (declared != null && declared > maxBytes) {
                throw tooLarge(system, maxBytes);
            }
            byte[] bytes = in == null ? new byte[0] : in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw tooLarge(system, maxBytes);
            }
            exchange.getMessage().setBody(bytes);
        }
    }

    /** Parses the body bytes as JSON. */
    public static JsonNode json(String system, Exchange exchange) {
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        try {
            JsonNode node = bytes == null || bytes.length == 0 ? null : JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw ConnectorException.permanent(system, "empty response where JSON was expected");
            }
            return node;
        } catch (IOException e) {
            throw new ConnectorException(system, "response is not JSON", false, 0, e);
        }
    }

    private static ConnectorException tooLarge(String system, long maxBytes) {
        return ConnectorException.permanent(system, "response larger than the limit of " + maxBytes + " bytes");
    }
}
