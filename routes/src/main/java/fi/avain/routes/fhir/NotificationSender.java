package fi.avain.routes.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a notification to a subscriber. The reasons it gives for a failure name what went wrong, never the
 * endpoint or a header, so they can be stored, shown and logged.
 */
final class NotificationSender {
    static final String CONTENT_TYPE = "application/fhir+json; charset=UTF-8";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final EndpointAddresses addresses;

    NotificationSender(Duration connectTimeout, Duration requestTimeout, EndpointAddresses addresses) {
        this.addresses = addresses;
        // HTTP/1.1: a plain-http subscriber gets no h2c upgrade request, which some servers mishandle.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /** Null when the subscriber took the notification (2xx); otherwise why not. */
    String send(SubscriptionChannel channel, String json) {
        String refused = addresses.refusal(channel.endpoint().getHost());
        if (refused != null) {
            return "not sent: the endpoint's " + refused;
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(channel.endpoint()).timeout(requestTimeout)
                    .header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            for (String line : channel.headers()) {
                String[] header = SubscriptionChannel.split(line);
                builder.header(header[0], header[1]);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return "the HTTP client refused the request's endpoint or headers";
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is not read: closing it bounds a subscriber that streams without end.
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (HttpConnectTimeoutException e) {
            return "could not connect within " + http.connectTimeout().orElseThrow().toMillis() + " ms";
        } catch (HttpTimeoutException e) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        } catch (ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return "I/O error (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while sending";
        }
    }
}
