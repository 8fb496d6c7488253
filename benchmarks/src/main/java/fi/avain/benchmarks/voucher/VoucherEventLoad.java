package fi.avain.benchmarks.voucher;

import fi.avain.benchmarks.LoopbackHttp;
import fi.avain.benchmarks.Options;
import fi.avain.benchmarks.card.AuthorizationLoad;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load of service events over SOAP: {@code --clients} threads, each on its own kept-alive
 * connection, send the next event as soon as the answer to the last one is in, for a fixed time. The
 * same events go to Avain's {@code /soap/vouchers} and to the echo service, so the two runs differ
 * only in the server. Each event is the documented example with a fresh X-Road id and a unique event
 * id, on the seeded vouchers in turn (round robin), so that no single voucher's row lock sets the pace.
 *
 * <pre>
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.voucher.VoucherEventLoad seed --url=http://127.0.0.1:8080 \
 *     --key=INTEGRATOR_KEY --budgets=100 --balance=10000000.00 --examples=docs/examples/vouchers \
 *     --out=vouchers.txt --response-out=response.xml
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.voucher.VoucherEventLoad run \
 *     --endpoint=http://127.0.0.1:8080/soap/vouchers --vouchers=vouchers.txt --examples=docs/examples/vouchers \
 *     --clients=8 --warmup=20 --duration=30 --label=avain
 * </pre>
 *
 * {@code seed} also sends one event to the product and keeps the body of its answer for the echo
 * service. {@code run} warms up for {@code --warmup} seconds, then measures for {@code --duration}
 * seconds, and prints a JSON line for each ({@code "warmup":true} for the first, not to be counted as
 * a figure). An event counts as applied only on HTTP 200 with result APPLIED; anything else, a fault
 * included, is an error.
 */
public final class VoucherEventLoad {
    private final URI endpoint;
    private final List<String> vouchers;
    private final EventTemplates templates;
    private final String nonce;
    private final int timeoutMillis;
    private final AtomicLong next = new AtomicLong();

    VoucherEventLoad(URI endpoint, List<String> vouchers, EventTemplates templates, String nonce, int timeoutMillis) {
        this.endpoint = endpoint;
        this.vouchers = vouchers;
        this.templates = templates;
        this.nonce = nonce;
        this.timeoutMillis = timeoutMillis;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("run"))) {
            System.err.println("usage: VoucherEventLoad seed|run --name=value ... (see the class comment)");
            System.exit(2);
        }
        Options options = Options.parse(args);
        EventTemplates templates = EventTemplates.read(Path.of(options.required("examples")));
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        if (args[0].equals("seed")) {
            URI base = URI.create(options.required("url"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            int budgets = Integer.parseInt(options.getOrDefault("budgets", "100"));
            List<String> vouchers = VoucherSeed.seed(http, base, options.required("key"), budgets,
                    options.getOrDefault("balance", "10000000.00"), nonce, templates);
            Files.write(Path.of(options.required("out")), vouchers, StandardCharsets.UTF_8);
            String body = VoucherSeed.probe(http, base, templates, vouchers.get(0), "BENCH-PROBE-" + nonce);
            Files.writeString(Path.of(options.required("response-out")), body, StandardCharsets.UTF_8);
            System.err.println("seeded " + vouchers.size() + " budgets with an accepted voucher each; probe answered "
                    + body);
            return;
        }
        List<String> vouchers = Files.readAllLines(Path.of(options.required("vouchers")), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).map(String::strip).toList();
        if (vouchers.isEmpty()) {
            throw new IllegalArgumentException("no vouchers in " + options.get("vouchers"));
        }
        URI endpoint = URI.create(options.required("endpoint"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
        String label = options.getOrDefault("label", endpoint.getPath());
        VoucherEventLoad load = new VoucherEventLoad(endpoint, vouchers, templates, nonce,
                (int) TimeUnit.SECONDS.toMillis(Long.parseLong(options.getOrDefault("timeout", "10"))));
        if (warmup > 0) {
            print(load.phase(clients, warmup).json(label, true));
        }
        print(load.phase(clients, duration).json(label, false));
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
        System.err.println(line);
    }

    /** {@code clients} threads sending events back to back for {@code seconds}; waits for the last answers. */
    Phase phase(int clients, int seconds) throws InterruptedException {
        Phase phase = new Phase(clients, seconds);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        List<Client> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(deadline);
            results.add(client);
            Thread thread = new Thread(client, "client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long giveUp = deadline + TimeUnit.MILLISECONDS.toNanos(2L * timeoutMillis + 5000);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime())));
        }
        phase.nanos = System.nanoTime() - start;
        for (int c = 0; c < clients; c++) {
            if (threads.get(c).isAlive()) {
                phase.stuck++;
                threads.get(c).interrupt();
            } else {
                phase.add(results.get(c));
            }
        }
        return phase;
    }

    /** One client: its connection, and what became of its requests (latencies in microseconds). */
    final class Client implements Runnable {
        final long deadline;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        final Map<String, Long> errors = new HashMap<>();
        long applied;
        long requestBytes;
        long responseBytes;
        long answered;
        long connects;

        Client(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try (LoopbackHttp http = new LoopbackHttp(endpoint, timeoutMillis)) {
                while (System.nanoTime() < deadline) {
                    long i = next.getAndIncrement();
                    String voucher = vouchers.get((int) (i % vouchers.size()));
                    byte[] request = templates.event(voucher, "BENCH-" + nonce + "-" + i, xroadId())
                            .getBytes(StandardCharsets.UTF_8);
                    requestBytes += request.length;
                    long t0 = System.nanoTime();
                    try {
                        LoopbackHttp.Response response = http.post(request);
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(),
                                (System.nanoTime() - t0) / 1000));
                        answered++;
                        responseBytes += response.bodyBytes();
                        if (response.status() != 200) {
                            errors.merge("HTTP " + response.status() + fault(response.body()), 1L, Long::sum);
                        } else if (!EventTemplates.applied(response.body())) {
                            errors.merge("not APPLIED", 1L, Long::sum);
                        } else {
                            applied++;
                        }
                    } catch (IOException e) {
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(),
                                (System.nanoTime() - t0) / 1000));
                        errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                }
                connects = http.connects();
            }
        }
    }

    /** A fresh X-Road message id; the driver's own random, as SecureRandom would cost more than the request. */
    private static String xroadId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** The fault code of a SOAP fault, if the answer is one. */
    private static String fault(String body) {
        int start = body.indexOf("<faultcode>");
        int end = body.indexOf("</faultcode>");
        String code = start >= 0 && end > start ? body.substring(start + 11, end) : "";
        int string = body.indexOf("<faultstring>");
        int stringEnd = body.indexOf("</faultstring>");
        String text = string >= 0 && stringEnd > string ? body.substring(string + 13, stringEnd) : "";
        if (text.length() > 60) {
            text = text.substring(0, 60);
        }
        return code.isEmpty() ? "" : " " + code + " " + text;
    }

    /** One measured (or warm-up) period and its clients' results together. */
    static final class Phase {
        final int clients;
        final int seconds;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        final Map<String, Long> errors = new TreeMap<>();
        long applied;
        long answered;
        long requestBytes;
        long responseBytes;
        long connects;
        long sent;
        int stuck;
        long nanos;

        Phase(int clients, int seconds) {
            this.clients = clients;
            this.seconds = seconds;
        }

        void add(Client client) {
            latency.add(client.latency);
            client.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            applied += client.applied;
            answered += client.answered;
            requestBytes += client.requestBytes;
            responseBytes += client.responseBytes;
            connects += client.connects;
            sent += client.latency.getTotalCount();
        }

        String json(String label, boolean warmup) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("label", label);
            out.put("warmup", warmup);
            out.put("clients", clients);
            out.put("seconds", seconds);
            out.put("elapsedSeconds", AuthorizationLoad.round(nanos / 1e9));
            out.put("sent", sent);
            out.put("applied", applied);
            out.put("perSecond", AuthorizationLoad.round(applied * 1e9 / Math.max(1, nanos)));
            out.put("p50Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(50)));
            out.put("p90Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(90)));
            out.put("p99Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(99)));
            out.put("p999Ms", AuthorizationLoad.ms(latency.getValueAtPercentile(99.9)));
            out.put("maxMs", AuthorizationLoad.ms(latency.getMaxValue()));
            out.put("meanMs", AuthorizationLoad.round(latency.getMean() / 1000));
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            out.put("errors", errorCount + stuck);
            Map<String, Object> kinds = new TreeMap<>(errors);
            if (stuck > 0) {
                kinds.put("client threads still waiting at the end", (long) stuck);
            }
            out.put("errorKinds", kinds);
            out.put("requestBytesMean", sent == 0 ? 0 : requestBytes / sent);
            out.put("responseBytesMean", answered == 0 ? 0 : responseBytes / answered);
            out.put("connections", connects);
            return AuthorizationLoad.toJson(out);
        }
    }


}
