package fi.avain.routes.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health of one outside system: can its base URL be reached at all. Any HTTP answer below 500 is
 * UP (a bare base URL often answers 404); a refused connection, a timeout or a 5xx is DOWN, except
 * that a SOAP service answers a bare GET with a fault, which SOAP sends as a 500: from a SOAP system
 * a 500 in a SOAP content type is UP. The answer is kept for a while so that frequent probes do not
 * load the outside system.
 */
final class ConnectorProbe implements HealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP = Duration.ofSeconds(30);

    private final String baseUrl;
    private final boolean soap;
    private final HttpClient client;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    ConnectorProbe(String baseUrl, Clock clock) {
        this(baseUrl, false, clock);
    }

    ConnectorProbe(String baseUrl, boolean soap, Clock clock) {
        this.baseUrl = baseUrl;
        this.soap = soap;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last == null || lastAt.plus(KEEP).isBefore(now)) {
            last = probe();
            lastAt = now;
        }
        return last;
    }

    private Health probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl)).timeout(TIMEOUT).GET().build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            Health.Builder health = status < 500 || soap && status == 500 && soapContent(response) ? Health.up()
                    : Health.down();
            return health.withDetail("baseUrl", baseUrl).withDetail("httpStatus", status).build();
        } catch (IOException | IllegalArgumentException e) {
            return Health.down().withDetail("baseUrl", baseUrl).withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private static boolean soapContent(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/xml") || type.startsWith("application/soap+xml");
    }
}
