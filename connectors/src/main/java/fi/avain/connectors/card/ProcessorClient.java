package fi.avain.connectors.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plays the card processor towards Avain: signs and sends authorizations, reversals and Stripe
 * transaction events, and reads the answer as a processor would. No answer within the timeout is
 * a decline, as a processor configured to fail closed treats it.
 */
public final class ProcessorClient {
    public static final String GENERIC_PATH = "/api/v1/card/authorizations";
    public static final String STRIPE_PATH = "/api/v1/card/stripe";
    public static final String AVAIN_SIGNATURE = "Avain-Signature";
    public static final String STRIPE_SIGNATURE = "Stripe-Signature";
    public static final String DEFAULT_STRIPE_API_VERSION = "2025-10-29.clover";
    /** Stripe waits two seconds for a real-time authorization answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Avain's answer: its HTTP status and JSON body, or {@code status} 0 and a {@code failure}
     * ({@code timeout}, {@code connection failed}) when none came in time.
     *
     * @param response the body when it was JSON, else null
     */
    public record Answer(String authorizationId, int status, JsonNode response, String failure) {
        /** What the processor does: approve only on a 200 that says so. */
        public boolean approved() {
            return status == 200 && response != null && response.path("approved").asBoolean(false);
        }
    }

    /** How a request is signed: properly, or in one of the ways Avain must refuse. */
    public enum Signing {
        VALID,
        /** Signed with a secret Avain does not hold. */
        WRONG_SECRET,
        /** Signed ten minutes ago, beyond the 300 s tolerance. */
        STALE,
        /** No signature header at all. */
        MISSING
    }

    private static final Duration STALE_BY = Duration.ofMinutes(10);

    private final Supplier<URI> avain;
    private final ProcessorCredentials credentials;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private volatile String stripeApiVersion = DEFAULT_STRIPE_API_VERSION;

    /** @param avain Avain's base URL ({@code http://127.0.0.1:8080}); may answer null until it is known */
    public ProcessorClient(Supplier<URI> avain, ProcessorCredentials credentials, Duration timeout, Clock clock) {
        this.avain = avain;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The {@code api_version} written into Stripe-shaped events. */
    public void stripeApiVersion(String version) {
        stripeApiVersion = version;
    }

    public Answer authorizeGeneric(Purchase purchase) {
        return authorizeGeneric(purchase, Signing.VALID);
    }

    public Answer authorizeGeneric(Purchase purchase, Signing signing) {
        byte[] body = WebhookBodies.genericAuthorization(purchase, now());
        return send(GENERIC_PATH, AVAIN_SIGNATURE, credentials.genericSecret(), signing, purchase.authorizationId(), body);
    }

    public Answer authorizeStripe(Purchase purchase) {
        return authorizeStripe(purchase, Signing.VALID);
    }

    public Answer authorizeStripe(Purchase purchase, Signing signing) {
        byte[] body = WebhookBodies.stripeAuthorizationRequest(purchase, eventId(), stripeApiVersion, now());
        return send(STRIPE_PATH, STRIPE_SIGNATURE, credentials.stripeSecret(), signing, purchase.authorizationId(), body);
    }

    /**
     * Releases {@code amount} of a hold, or all that remains when it is null. Always in the
     * generic format: Stripe has no reversal request, only later updates of the authorization.
     */
    public Answer reverse(String authorizationId, String cardId, Money amount) {
        byte[] body = WebhookBodies.genericReversal(authorizationId, cardId, amount, now());
        return send(GENERIC_PATH, AVAIN_SIGNATURE, credentials.genericSecret(), Signing.VALID, authorizationId, body);
    }

    /** A capture or refund as Stripe's {@code issuing_transaction.created} event. */
    public Answer stripeTransaction(ClearingRecord record) {
        byte[] body = WebhookBodies.stripeTransactionCreated(record, eventId(), stripeApiVersion);
        return send(STRIPE_PATH, STRIPE_SIGNATURE, credentials.stripeSecret(), Signing.VALID, record.authorizationId(),
                body);
    }

    private Answer send(String path, String header, String secret, Signing signing, String authorizationId,
            byte[] body) {
        URI base = avain.get();
        if (base == null) {
            throw new IllegalStateException("Avain's base URL is not known yet");
        }
        String origin = base.toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credentials.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        long now = now().getEpochSecond();
        switch (signing) {
            case VALID -> request.header(header, WebhookSignature.sign(secret, now, body));
            case WRONG_SECRET -> request.header(header, WebhookSignature.sign(secret + "-not-this-one", now, body));
            case STALE -> request.header(header, WebhookSignature.sign(secret, now - STALE_BY.toSeconds(), body));
            case MISSING -> { }
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(authorizationId, response.statusCode(), json(in.readNBytes(MAX_ANSWER_BYTES)), null);
            }
        } catch (HttpTimeoutException e) {
            return new Answer(authorizationId, 0, null, "timeout");
        } catch (IOException e) {
            return new Answer(authorizationId, 0, null, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(authorizationId, 0, null, "interrupted");
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
