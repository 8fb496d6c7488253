package fi.avain.connectors.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request to a simulator, with the few ways a simulator answers. */
public final class SimulatorExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes a streamed body. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final HttpExchange exchange;
    private final Map<String, String> query;

    SimulatorExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** The path's segments after {@code prefix}, each decoded on its own, so an encoded slash stays in its segment. */
    public java.util.List<String> segmentsAfter(String prefix) {
        String raw = exchange.getRequestURI().getRawPath();
        String rest = raw.startsWith(prefix) ? raw.substring(prefix.length()) : raw;
        return java.util.Arrays.stream(rest.split("/", -1)).skip(rest.startsWith("/") ? 1 : 0)
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The request body, or empty when it is longer than {@code limit} bytes. */
    public Optional<byte[]> body(int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
        }
    }

    public void json(int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public void json(int status, JsonNode body) throws IOException {
        json(status, JSON.writeValueAsBytes(body));
    }

    /** An error as a small JSON object, the way the real APIs answer. */
    public void error(int status, String message) throws IOException {
        json(status, JSON.createObjectNode().put("status", status).put("error", message));
    }

    public void empty(int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** A chunked body written by {@code writer}, so large responses never sit in memory whole. */
    public void stream(int status, String contentType, BodyWriter writer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            writer.writeTo(out);
        }
    }

    /** Closes the connection without sending anything. */
    void reset() {
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
