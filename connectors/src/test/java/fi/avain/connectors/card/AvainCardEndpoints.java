package fi.avain.connectors.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.CardAuthorizationRequest;
import fi.avain.mappings.card.CardAuthorizations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Avain's two card endpoints as the processor sees them, on 127.0.0.1: checks the bearer key and
 * the signature exactly as documented, reads the body with the real mappers and approves.
 * {@link #holdAnswers()} keeps every answer back until closed, to try the processor's timeout.
 */
final class AvainCardEndpoints implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RECEIVED = 100;

    record Received(String path, String signatureHeader, byte[] body, CardAuthorizationRequest request) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ProcessorCredentials credentials;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    AvainCardEndpoints(ProcessorCredentials credentials) {
        this.credentials = credentials;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext(ProcessorClient.GENERIC_PATH, http -> handle(http, ProcessorClient.AVAIN_SIGNATURE,
                credentials.genericSecret(), CardAuthorizations::fromGeneric));
        server.createContext(ProcessorClient.STRIPE_PATH, http -> handle(http, ProcessorClient.STRIPE_SIGNATURE,
                credentials.stripeSecret(), body -> CardAuthorizations.STRIPE_AUTHORIZATION_REQUEST.equals(CardAuthorizations.stripeEventType(body))
                        ? CardAuthorizations.fromStripeEvent(body) : null));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    void holdAnswers() {
        hold = true;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange http, String signatureHeader, String secret,
            Function<byte[], CardAuthorizationRequest> reader) throws IOException {
        try (http; InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes(64 * 1024);
            if (!("Bearer " + credentials.apiKey()).equals(http.getRequestHeaders().getFirst("Authorization"))) {
                answer(http, 401, problem(401, "missing or wrong API key"));
                return;
            }
            String header = http.getRequestHeaders().getFirst(signatureHeader);
            try {
                WebhookSignature.verify(header, body, List.of(secret), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
                CardAuthorizationRequest request = reader.apply(body);
                if (received.size() < MAX_RECEIVED) {
                    received.add(new Received(http.getRequestURI().getPath(), header, body, request));
                }
                if (hold) {
                    release.await(30, TimeUnit.SECONDS);
                }
                answer(http, 200, approve(request, signatureHeader.equals(ProcessorClient.STRIPE_SIGNATURE), http));
            } catch (SignatureException e) {
                answer(http, 401, problem(401, e.getMessage()));
            } catch (MappingException e) {
                answer(http, 400, problem(400, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ObjectNode approve(CardAuthorizationRequest request, boolean stripe, HttpExchange http) {
        if (stripe) {
            http.getResponseHeaders().set("Stripe-Version", ProcessorClient.DEFAULT_STRIPE_API_VERSION);
            ObjectNode answer = JSON.createObjectNode().put("approved", true);
            return request != null && request.amountControllable()
                    ? answer.put("amount", request.amount().cents()) : answer;
        }
        return JSON.createObjectNode().put("approved", true)
                .put("authorizationId", request.authorizationId())
                .put("amount", request.amount() == null ? null : request.amount().euros().toPlainString())
                .put("currency", "EUR")
                .putNull("reason");
    }

    private static ObjectNode problem(int status, String detail) {
        return JSON.createObjectNode().put("type", "about:blank").put("status", status).put("detail", detail);
    }

    private static void answer(HttpExchange http, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        http.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
