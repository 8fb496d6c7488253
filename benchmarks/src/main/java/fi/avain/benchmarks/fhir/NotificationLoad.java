package fi.avain.benchmarks.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import fi.avain.benchmarks.OpenLoop;
import fi.avain.benchmarks.card.AuthorizationLoad;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * From a card authorization to its ChargeItem at a rest-hook subscriber. A loopback subscriber (the JDK's
 * HTTP server, answering 200 at once) takes the notifications of one Subscription per budget; signed
 * authorizations leave open-loop at a fixed rate on the budgets' cards in turn, and each one's latency runs
 * from when it was due to leave to when the notification carrying its ChargeItem (found by the charge's
 * source identifier, the authorization id) has been read by the subscriber.
 */
final class NotificationLoad {
    private static final Pattern REASON = Pattern.compile("\"reason\":\"([a-z_]+)\"");
    private final HttpClient http;
    private final URI endpoint;
    private final Mac mac;
    private final List<String> cards;
    private final String nonce = Long.toString(System.currentTimeMillis(), 36);
    private final SplittableRandom random = new SplittableRandom(1);
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final LongAdder notifications = new LongAdder();
    private final LongAdder repeats = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final LongAdder declined = new LongAdder();
    private final Map<String, LongAdder> declineReasons = new ConcurrentHashMap<>();
    private final AtomicLong outstanding = new AtomicLong();
    private final Histogram answer = new ConcurrentHistogram(3);
    private long sequence;

    /** One authorization: when it was due to leave, and whether it counts (not warm-up). */
    private record Sent(long intended, boolean measured) {
    }

    NotificationLoad(HttpClient http, URI base, String secret, List<String> cards) throws GeneralSecurityException {
        this.http = http;
        this.endpoint = base.resolve("/api/v1/card/authorizations");
        this.mac = Mac.getInstance("HmacSHA256");
        this.mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        this.cards = cards;
    }

    /** The subscriber on 127.0.0.1, a free port; its URL is {@code http://127.0.0.1:<port>/hook}. */
    HttpServer subscriber(ExecutorService executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.nanoTime();
            // Answered before the body is parsed, so the subscriber's own work is not on the server's round trip.
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            notifications.increment();
            String id = authorizationId(body);
            if (id == null || !sent.containsKey(id)) {
                unmatched.increment();
            } else if (received.putIfAbsent(id, at) != null) {
                repeats.increment();
            }
        });
        server.setExecutor(executor);
        server.start();
        return server;
    }

    /** The authorization id in a ChargeItem's card source identifier (its value may carry the processor: "generic:"). */
    private static String authorizationId(byte[] body) {
        try {
            JsonNode item = PortalApi.JSON.readTree(body);
            for (JsonNode identifier : item.path("identifier")) {
                if (identifier.path("system").asText().endsWith("/charge-source/card")) {
                    String value = identifier.path("value").asText();
                    return value.substring(value.lastIndexOf(':') + 1);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Sends at {@code rate} per second for {@code seconds}; {@code measured} marks what counts. */
    void send(double rate, int seconds, boolean measured) {
        OpenLoop.run(rate, seconds, intended -> authorize(intended, measured));
    }

    private void authorize(long intended, boolean measured) {
        String id = "fn_" + nonce + "_" + sequence;
        String card = cards.get((int) (sequence % cards.size()));
        sequence++;
        long cents = 100 + random.nextLong(9_900);
        String body = "{\"type\":\"authorization\",\"authorizationId\":\"" + id + "\",\"cardId\":\"" + card
                + "\",\"amount\":\"" + (cents / 100) + (cents % 100 < 10 ? ".0" : ".") + (cents % 100)
                + "\",\"currency\":\"EUR\",\"merchant\":{\"categoryCode\":\"" + PortalApi.MERCHANT_CATEGORY
                + "\",\"name\":\"Fysioterapia Kuormitus Oy\",\"id\":\"MID-BENCH\"},\"amountControllable\":false,"
                + "\"createdAt\":\"" + Instant.now() + "\"}";
        long t = System.currentTimeMillis() / 1000;
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Avain-Signature", "t=" + t + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        sent.put(id, new Sent(intended, measured));
        outstanding.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (measured) {
                answer.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
            }
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                failed.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder()).increment();
            } else if (response.statusCode() != 200) {
                failed.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
            } else if (!response.body().contains("\"approved\":true")) {
                declined.increment();
                Matcher reason = REASON.matcher(response.body());
                declineReasons.computeIfAbsent(reason.find() ? reason.group(1) : "unknown", k -> new LongAdder())
                        .increment();
            }
            outstanding.decrementAndGet();
        });
    }

    /** Waits until every approved authorization's notification is in, or {@code limit} has passed. */
    void drain(Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < giveUp
                && (outstanding.get() > 0 || received.size() < sent.size() - declined.sum() - failures())) {
            Thread.sleep(20);
        }
    }

    private long failures() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Object> figures(double rate, int seconds, int subscriptions) {
        Histogram latency = new Histogram(3);
        long measured = 0;
        long arrived = 0;
        for (Map.Entry<String, Sent> e : sent.entrySet()) {
            if (!e.getValue().measured()) {
                continue;
            }
            measured++;
            Long at = received.get(e.getKey());
            if (at != null) {
                arrived++;
                latency.recordValue(Math.max(0, (at - e.getValue().intended()) / 1000));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rate", rate);
        out.put("seconds", seconds);
        out.put("subscriptions", subscriptions);
        out.put("sent", measured);
        out.put("arrived", arrived);
        out.put("missing", measured - arrived);
        out.put("p50Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(50)));
        out.put("p90Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(90)));
        out.put("p99Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(99)));
        out.put("maxMs", AuthorizationLoad.ms(latency.getMaxValue()));
        out.put("answerP50Ms", AuthorizationLoad.ms(answer.getValueAtPercentile(50)));
        out.put("answerP99Ms", AuthorizationLoad.ms(answer.getValueAtPercentile(99)));
        out.put("declinedAll", declined.sum());
        Map<String, Long> reasons = new TreeMap<>();
        declineReasons.forEach((k, v) -> reasons.put(k, v.sum()));
        out.put("declineReasons", reasons);
        Map<String, Long> kinds = new TreeMap<>();
        failed.forEach((k, v) -> kinds.put(k, v.sum()));
        out.put("errorsAll", failures());
        out.put("errorKinds", kinds);
        out.put("notificationsAll", notifications.sum());
        out.put("repeatsAll", repeats.sum());
        out.put("unmatchedAll", unmatched.sum());
        return out;
    }

    static ExecutorService executor() {
        return Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "subscriber");
            thread.setDaemon(true);
            return thread;
        });
    }
}
