package fi.avain.benchmarks.card;

import fi.avain.benchmarks.LoopbackHttp;
import fi.avain.benchmarks.OpenLoop;
import fi.avain.benchmarks.Options;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load on {@code POST /api/v1/card/authorizations}: requests leave on a fixed schedule at
 * a constant arrival rate whatever the answers do, and each latency is taken from the time the
 * request was due to leave, not from when it left, so a stalled server or a lagging sender shows in
 * the figures instead of slowing the load (no coordinated omission). Each request is a fresh signed
 * authorization on a random seeded card; a share of them repeat an earlier one byte for byte, as a
 * processor's retry does.
 *
 * <pre>
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.card.AuthorizationLoad seed --url=http://127.0.0.1:8080 \
 *     --key=INTEGRATOR_KEY --budgets=100 --out=cards.txt
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.card.AuthorizationLoad run --url=http://127.0.0.1:8080 \
 *     --secret=WEBHOOK_SECRET --cards=cards.txt --warmup=10 --rates=500,750,1000 --duration=20 --max-p99-ms=25
 * </pre>
 *
 * Requests go over {@code --connections} kept-alive HTTP/1.1 connections (64), each written and read by
 * its own thread with a minimal socket client ({@link LoopbackHttp}); a request due while every
 * connection is busy waits for one, and that wait counts in its latency. {@code --client=jdk} sends
 * with the JDK's HttpClient instead, which costs the driver about 2 ms of CPU per request here.
 *
 * {@code run} warms up at the first rate (not counted), then runs each rate for {@code --duration}
 * seconds, waits for that step's answers, and prints one JSON line for it on stdout. With
 * {@code --max-p99-ms} it stops after the first step that misses: a p99 at or above the limit, or
 * more than {@code --max-error-share} of requests not answered 200.
 */
public final class AuthorizationLoad {
    private static final Pattern REASON = Pattern.compile("\"reason\":\"([a-z_]+)\"");
    private static final int RECENT = 4096;

    private final HttpClient http;
    private final URI endpoint;
    private final Mac mac;
    private final List<String> cards;
    private final Duration timeout;
    private final double duplicateShare;
    private final SplittableRandom random;
    private final String nonce;
    private final String[] recent = new String[RECENT];
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private volatile boolean socketClient;
    private long sentTotal;

    /** A request due at {@code intended}, for a connection thread to send. */
    private record Request(Step step, long intended, String signature, byte[] body) {
    }

    AuthorizationLoad(HttpClient http, URI base, String secret, List<String> cards, Duration timeout,
                      double duplicateShare, long seed) throws GeneralSecurityException {
        this.http = http;
        this.endpoint = base.resolve("/api/v1/card/authorizations");
        this.mac = Mac.getInstance("HmacSHA256");
        this.mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        this.cards = cards;
        this.timeout = timeout;
        this.duplicateShare = duplicateShare;
        this.random = new SplittableRandom(seed);
        this.nonce = Long.toString(System.currentTimeMillis(), 36);
    }

    /** Starts the connection threads; without them requests go through the JDK's HttpClient. */
    void connections(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        for (int i = 0; i < count; i++) {
            // Built here, so a bad URL fails the run at once rather than every connection thread.
            LoopbackHttp connection = new LoopbackHttp(endpoint, (int) timeout.toMillis());
            Thread thread = new Thread(() -> sendFromQueue(connection), "connection-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        socketClient = true;
    }

    private void sendFromQueue(LoopbackHttp connection) {
        try (connection) {
            while (true) {
                Request request = queue.take();
                if (System.nanoTime() - request.intended() > timeout.toNanos()) {
                    // Waited for a connection past the timeout: a processor would have given up on it.
                    answered(request.step(), request.intended(), 0, null,
                            new java.net.SocketTimeoutException("queued past the timeout"));
                    continue;
                }
                String headers = "Content-Type: application/json\r\nAvain-Signature: " + request.signature() + "\r\n";
                LoopbackHttp.Response response = null;
                Exception failure = null;
                try {
                    response = connection.post(headers, request.body());
                } catch (java.io.IOException | RuntimeException e) {
                    failure = e;
                }
                answered(request.step(), request.intended(), response == null ? 0 : response.status(),
                        response == null ? null : response.body(), failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("run"))) {
            System.err.println("usage: AuthorizationLoad seed|run --name=value ... (see the class comment)");
            System.exit(2);
        }
        Options options = Options.parse(args);
        URI base = URI.create(options.required("url"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (args[0].equals("seed")) {
            int budgets = Integer.parseInt(options.getOrDefault("budgets", "100"));
            List<String> cards = BudgetSeed.seed(http, base, options.required("key"), budgets,
                    Long.toString(System.currentTimeMillis(), 36));
            BudgetSeed.write(Path.of(options.required("out")), cards);
            System.err.println("seeded " + cards.size() + " budgets with a card each");
            return;
        }
        List<String> cards = Files.readAllLines(Path.of(options.required("cards")), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("no cards in " + options.get("cards"));
        }
        List<Double> rates = new ArrayList<>();
        for (String rate : options.required("rates").split(",")) {
            rates.add(Double.parseDouble(rate.strip()));
        }
        int duration = Integer.parseInt(options.getOrDefault("duration", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        Double maxP99Ms = options.containsKey("max-p99-ms") ? Double.parseDouble(options.get("max-p99-ms")) : null;
        double maxErrorShare = Double.parseDouble(options.getOrDefault("max-error-share", "0.001"));
        AuthorizationLoad load = new AuthorizationLoad(http, base, options.required("secret"), cards,
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "5"))),
                Double.parseDouble(options.getOrDefault("duplicates", "0.03")),
                Long.parseLong(options.getOrDefault("seed", "1")));
        String client = options.getOrDefault("client", "socket");
        if (client.equals("socket")) {
            load.connections(Integer.parseInt(options.getOrDefault("connections", "64")));
        } else if (!client.equals("jdk")) {
            throw new IllegalArgumentException("--client is socket or jdk");
        }

        if (warmup > 0) {
            Step step = load.step(rates.get(0), warmup);
            System.err.println("warm-up (not counted): " + step.json(null));
        }
        for (double rate : rates) {
            Step step = load.step(rate, duration);
            Boolean passed = maxP99Ms == null ? null : step.passes(maxP99Ms, maxErrorShare);
            String line = step.json(passed);
            System.out.println(line);
            System.out.flush();
            System.err.println(line);
            if (Boolean.FALSE.equals(passed)) {
                break;
            }
        }
    }

    /** Sends at {@code rate} per second for {@code seconds}, then waits for every answer of the step. */
    Step step(double rate, int seconds) throws InterruptedException {
        Step step = new Step(rate, seconds);
        long start = OpenLoop.run(rate, seconds, intended -> send(step, intended));
        step.sendEnd = System.nanoTime();
        long giveUp = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        while (step.outstanding.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        // Whatever is still queued stays unanswered in this step's figures, and must not delay the next.
        queue.removeIf(request -> request.step() == step);
        step.end = System.nanoTime();
        step.start = start;
        return step;
    }

    private void send(Step step, long intended) {
        String body;
        if (sentTotal > 0 && random.nextDouble() < duplicateShare) {
            body = recent[(int) random.nextLong(Math.min(sentTotal, RECENT))];
            step.duplicates.increment();
        } else {
            body = authorization();
            recent[(int) (sentTotal % RECENT)] = body;
            sentTotal++;
        }
        long t = System.currentTimeMillis() / 1000;
        String signature = "t=" + t + ",v1=" + sign(t, body);
        long sent = System.nanoTime();
        step.sendLag.recordValue(Math.max(0, (sent - intended) / 1000));
        step.outstanding.incrementAndGet();
        step.sent.increment();
        if (socketClient) {
            queue.add(new Request(step, intended, signature, body.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Avain-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            Throwable cause = failure == null ? null : failure.getCause() != null ? failure.getCause() : failure;
            answered(step, intended, response == null ? 0 : response.statusCode(),
                    response == null ? null : response.body(), cause);
        });
    }

    private static void answered(Step step, long intended, int status, String body, Throwable failure) {
        step.latency.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
        if (failure != null) {
            step.count(step.failed, failure.getClass().getSimpleName());
        } else if (status != 200) {
            step.count(step.failed, "HTTP " + status);
        } else if (body.contains("\"approved\":true")) {
            step.approved.increment();
        } else {
            Matcher reason = REASON.matcher(body);
            step.count(step.declined, reason.find() ? reason.group(1) : "unknown");
        }
        step.outstanding.decrementAndGet();
    }

    private String authorization() {
        String card = cards.get(random.nextInt(cards.size()));
        long cents = 100 + random.nextLong(9_900);
        String amount = (cents / 100) + (cents % 100 < 10 ? ".0" : ".") + (cents % 100);
        return "{\"type\":\"authorization\",\"authorizationId\":\"ba_" + nonce + "_" + sentTotal
                + "\",\"cardId\":\"" + card + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                + "\"merchant\":{\"categoryCode\":\"" + BudgetSeed.MERCHANT_CATEGORY
                + "\",\"name\":\"Fysioterapia Kuormitus Oy\",\"id\":\"MID-BENCH\"},\"amountControllable\":false,"
                + "\"createdAt\":\"" + Instant.now() + "\"}";
    }

    /** The Avain-Signature v1 value: hex HMAC-SHA256 of {@code t + "." + body}. */
    String sign(long t, String body) {
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** One rate's requests and what became of them; latencies in microseconds. */
    static final class Step {
        final double rate;
        final int seconds;
        final Histogram latency = new ConcurrentHistogram(3);
        final Histogram sendLag = new Histogram(3);
        final AtomicLong outstanding = new AtomicLong();
        final LongAdder sent = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder approved = new LongAdder();
        final Map<String, LongAdder> declined = new ConcurrentHashMap<>();
        final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
        long start;
        long sendEnd;
        long end;

        Step(double rate, int seconds) {
            this.rate = rate;
            this.seconds = seconds;
        }

        void count(Map<String, LongAdder> counts, String key) {
            counts.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        long total(Map<String, LongAdder> counts) {
            return counts.values().stream().mapToLong(LongAdder::sum).sum();
        }

        boolean passes(double maxP99Ms, double maxErrorShare) {
            long unanswered = sent.sum() - latency.getTotalCount();
            return ms(latency.getValueAtPercentile(99)) < maxP99Ms
                    && total(failed) + unanswered <= maxErrorShare * sent.sum();
        }

        String json(Boolean passed) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("rate", rate);
            out.put("seconds", seconds);
            out.put("sent", sent.sum());
            out.put("sentPerSecond", round(sent.sum() * 1e9 / Math.max(1, sendEnd - start)));
            out.put("count", latency.getTotalCount());
            out.put("p50Ms", ms(latency.getValueAtPercentile(50)));
            out.put("p90Ms", ms(latency.getValueAtPercentile(90)));
            out.put("p99Ms", ms(latency.getValueAtPercentile(99)));
            out.put("p999Ms", ms(latency.getValueAtPercentile(99.9)));
            out.put("maxMs", ms(latency.getMaxValue()));
            out.put("approved", approved.sum());
            out.put("declined", total(declined));
            out.put("declineReasons", counts(declined));
            out.put("errors", total(failed) + sent.sum() - latency.getTotalCount());
            out.put("errorKinds", counts(failed));
            out.put("duplicatesSent", duplicates.sum());
            out.put("sendLagP99Ms", ms(sendLag.getValueAtPercentile(99)));
            out.put("sendLagMaxMs", ms(sendLag.getMaxValue()));
            if (passed != null) {
                out.put("passed", passed);
            }
            return toJson(out);
        }

        private static Map<String, Long> counts(Map<String, LongAdder> counts) {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    public static double ms(long micros) {
        return round(micros / 1000.0);
    }

    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @SuppressWarnings("unchecked")
    public static String toJson(Map<String, ?> map) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                out.append(toJson((Map<String, ?>) nested));
            } else if (v instanceof String s) {
                out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(v);
            }
        }
        return out.append('}').toString();
    }


}
