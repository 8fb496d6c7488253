package fi.avain.connectors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;

/**
 * One outgoing call: method, path under the base URL, query and body. Kept as an exchange property
 * so every retry sends the same request, whatever an earlier attempt left in the message.
 */
public record HttpRequest(String method, String path, String query, byte[] body) {
    static final String PROPERTY = "AvainHttpRequest";

    public static HttpRequest get(String path, String query) {
        return new HttpRequest("GET", path, query, null);
    }

    /** Joins path segments, each URL-encoded, so an id can never change the path. */
    public static String path(String... segments) {
        return Arrays.stream(segments).map(HttpRequest::encode).collect(Collectors.joining("/", "/", ""));
    }

    /** URL-encodes a path segment or query value ({@code %20} for a space). */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Stores the request for the call and its retries. */
    public void prepare(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }

    /** Puts the stored request into the message just before an attempt. */
    static void restore(Exchange exchange, Secret apiKey) {
        HttpRequest request = exchange.getProperty(PROPERTY, HttpRequest.class);
        Message message = exchange.getMessage();
        // By prefix, not Camel's wildcard: that compiles a regular expression per header on every call.
        message.getHeaders().keySet().removeIf(name -> startsWithIgnoreCase(name, "CamelHttp")
                || startsWithIgnoreCase(name, "Content-"));
        // The enum, not its name: the HTTP producer reads it as HttpMethods, and converting a String
        // there walks Camel's whole converter registry on every call.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader(Exchange.HTTP_PATH, request.path());
        message.setHeader(Exchange.HTTP_QUERY, request.query());
        message.setHeader("Accept", "application/json, text/csv");
        if (request.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        if (apiKey != null) {
            message.setHeader("Authorization", "Bearer " + apiKey.value());
        }
        message.setBody(request.body());
    }

    private static boolean startsWithIgnoreCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
