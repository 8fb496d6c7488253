package fi.avain.connectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;

/** Reads a response body within a size limit and parses JSON, failing permanently otherwise. */
public final class ResponseBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_LARGE = "AvainResponseTooLarge";
    /** A declared length is trusted for one allocation up to this size; beyond, the body is read as it comes. */
    private static final long EXACT_READ_MAX = 1 << 20;

    private ResponseBody() {
    }

    /**
     * Inside the circuit breaker: replaces a successful answer's streamed body with its bytes. One over
     * {@code maxBytes} is marked instead, for {@link #failIfTooLarge} to fail after the breaker, which it
     * must not open. An error answer's body is closed unread: the status checks after the breaker need
     * only its status.
     */
    static void readWithinBreaker(long maxBytes, Exchange exchange) throws IOException {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Long declared = exchange.getMessage().getHeader("Content-Length", Long.class);
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            boolean error = status != null && status >= 400;
            exchange.getMessage().setBody(error ? null : bounded(in, declared, maxBytes, exchange));
        }
    }

    /** The body's bytes, or null with the exchange marked when there are more than {@code maxBytes}. */
    private static byte[] bounded(InputStream in, Long declared, long maxBytes, Exchange exchange) throws IOException {
        byte[] bytes = declared != null && declared > maxBytes ? null
                : in == null ? new byte[0] : read(in, declared, maxBytes);
        if (bytes == null || bytes.length > maxBytes) {
            exchange.setProperty(TOO_LARGE, true);
            return null;
        }
        return bytes;
    }

    /** After the circuit breaker: an answer {@link #readWithinBreaker} found over the limit fails, for good. */
    static void failIfTooLarge(String system, long maxBytes, Exchange exchange) {
        if (exchange.getProperty(TOO_LARGE, false, Boolean.class)) {
            exchange.removeProperty(TOO_LARGE);
            throw tooLarge(system, maxBytes);
        }
    }

    /** Into an array of the declared length when there is a small one, so the bytes are not copied again. */
    private static byte[] read(InputStream in, Long declared, long maxBytes) throws IOException {
        int limit = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
        if (declared == null || declared < 0 || declared > EXACT_READ_MAX) {
            return in.readNBytes(limit);
        }
        byte[] bytes = new byte[declared.intValue()];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            return Arrays.copyOf(bytes, read);
        }
        int more = in.read();
        if (more < 0) {
            return bytes;
        }
        // More than declared: read on, within the limit, as if nothing had been declared.
        byte[] rest = in.readNBytes(limit - bytes.length - 1);
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
        all[bytes.length] = (byte) more;
        System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
        return all;
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

    /**
     * The elements of a JSON array answer, or of the array under {@code field} when the answer is an
     * object, each parsed and with its own bytes cut from the body.
     */
    public static <T> List<T> arrayElements(String system, Exchange exchange, String field,
            BiFunction<JsonNode, byte[], T> element) {
        return arrayElements(system, exchange, field, null, element);
    }

    /**
     * As {@link #arrayElements(String, Exchange, String, BiFunction)}, but each object element's tree
     * holds only the top-level fields in {@code keep} (all when null). The others are still read and
     * checked as JSON, and stay in the element's bytes; they are only not built into nodes.
     */
    public static <T> List<T> arrayElements(String system, Exchange exchange, String field, Set<String> keep,
            BiFunction<JsonNode, byte[], T> element) {
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw ConnectorException.permanent(system, "empty response where JSON was expected");
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return elements(system, parser, bytes, keep, element);
            }
            if (first == JsonToken.START_OBJECT) {
                List<T> found = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY && field.equals(name) && found == null) {
                        found = elements(system, parser, bytes, keep, element);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "the object does not end");
                }
                if (found != null) {
                    return found;
                }
            }
            throw ConnectorException.permanent(system, "a list answer is neither an array nor has an " + field);
        } catch (IOException e) {
            throw new ConnectorException(system, "response is not JSON", false, 0, e);
        }
    }

    private static <T> List<T> elements(String system, JsonParser parser, byte[] bytes, Set<String> keep,
            BiFunction<JsonNode, byte[], T> element) throws IOException {
        List<T> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "the array does not end");
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            JsonNode node = keep == null || parser.currentToken() != JsonToken.START_OBJECT
                    ? JSON.readTree(parser) : kept(parser, keep);
            int end = (int) parser.currentLocation().getByteOffset();
            if (start < 0 || end < start) {
                // Byte offsets exist only when Jackson reads UTF-8 itself.
                throw ConnectorException.permanent(system, "response is not JSON in UTF-8");
            }
            elements.add(element.apply(node, Arrays.copyOfRange(bytes, start, end)));
        }
        return elements;
    }

    /** The object the parser stands at, with only the fields in {@code keep}; a repeated field's last value wins, as in a whole tree. */
    private static JsonNode kept(JsonParser parser, Set<String> keep) throws IOException {
        ObjectNode object = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (keep.contains(name)) {
                object.set(name, JSON.readTree(parser));
            } else {
                parser.skipChildren();
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "the object does not end");
        }
        return object;
    }

    private static ConnectorException tooLarge(String system, long maxBytes) {
        return ConnectorException.permanent(system, "response larger than the limit of " + maxBytes + " bytes");
    }
}
