package fi.avain.connectors.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process fake of an outside system on 127.0.0.1: the JDK's HTTP server, a fixed pool of
 * workers, request counts per path and injectable faults. Subclasses answer in {@link #serve}.
 */
public abstract class SimulatorServer implements AutoCloseable {
    private static final int WORKERS = 8;
    /** A system property: when true, requests are answered one at a time on the server's thread. */
    public static final String INLINE_PROPERTY = "avain.simulator.inline";
    private static final Duration MAX_TIMEOUT_DELAY = Duration.ofMinutes(1);
    private static final long MAX_OVERSIZE_BYTES = 1L << 30;

    static {
        // The JDK's server leaves Nagle's algorithm on: every answer on loopback then waits ~40 ms
        // for a delayed ACK, and the simulator, not the product, sets the pace. Read once, when the
        // first server starts, so it is set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final FaultRules<Fault> faults = new FaultRules<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Duration timeoutDelay = Duration.ofSeconds(5);
    private volatile long oversizeBytes = 20L * 1024 * 1024;
    private volatile String bearerToken;

    protected SimulatorServer(String name, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the " + name + " simulator", e);
        }
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, name + "-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Inline, each request is answered on the server's own thread, without two thread hand-offs:
        // for a benchmark's fake whose answers never wait, sharing the cores with what is measured. One
        // slow answer (a TIMEOUT fault, a client that stops reading) then holds up every connection.
        server.setExecutor(Boolean.getBoolean(INLINE_PROPERTY) ? Runnable::run : workers);
        server.createContext("/", http -> handle(new SimulatorExchange(http)));
    }

    /** Starts answering; subclasses' factories call this once their fields are set. */
    protected final void listen() {
        server.start();
    }

    /** Answers one request that no fault took. */
    protected abstract void serve(SimulatorExchange exchange) throws IOException;

    /** {@code http://127.0.0.1:<port>}. */
    protected final String origin() {
        return "http://127.0.0.1:" + port();
    }

    public final int port() {
        return server.getAddress().getPort();
    }

    /** The next {@code times} requests, whatever their path, get {@code fault}. */
    public void failNext(int times, Fault fault) {
        faults.add("/", times, fault);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code fault}. */
    public void failNext(String pathPrefix, int times, Fault fault) {
        faults.add(pathPrefix, times, fault);
    }

    /** Every request whose path starts with {@code pathPrefix} gets {@code fault}, until cleared. */
    public void failPath(String pathPrefix, Fault fault) {
        faults.addUnlimited(pathPrefix, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** How long a {@link Fault#TIMEOUT} holds the answer back (at most a minute). */
    public void timeoutDelay(Duration delay) {
        timeoutDelay = delay.compareTo(MAX_TIMEOUT_DELAY) > 0 ? MAX_TIMEOUT_DELAY : delay;
    }

    /** The body size of an {@link Fault#OVERSIZE} answer (at most 1 GiB). */
    public void oversizeBytes(long bytes) {
        oversizeBytes = Math.min(bytes, MAX_OVERSIZE_BYTES);
    }

    /** When set, a request without {@code Authorization: Bearer <token>} gets 401. */
    public void requireBearerToken(String token) {
        bearerToken = token;
    }

    /** Requests received (faulted ones included) whose path starts with {@code pathPrefix}. */
    public long requests(String pathPrefix) {
        return requests.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(pathPrefix))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(SimulatorExchange exchange) throws IOException {
        requests.computeIfAbsent(exchange.path(), path -> new LongAdder()).increment();
        try {
            var fault = faults.next(exchange.path());
            if (fault.isPresent()) {
                inject(fault.get(), exchange);
            } else if (!authorized(exchange)) {
                exchange.error(401, "missing or wrong bearer token");
            } else {
                serve(exchange);
            }
        } catch (RuntimeException e) {
            exchange.error(500, "simulator failed: " + e.getClass().getSimpleName());
        }
    }

    private boolean authorized(SimulatorExchange exchange) {
        String token = bearerToken;
        return token == null || exchange.header("Authorization").filter(("Bearer " + token)::equals).isPresent();
    }

    private void inject(Fault fault, SimulatorExchange exchange) throws IOException {
        switch (fault) {
            case HTTP_500 -> exchange.error(500, "injected server error");
            case HTTP_400 -> exchange.error(400, "injected bad request");
            case RESET -> exchange.reset();
            case NOT_JSON -> exchange.stream(200, "text/html; charset=utf-8",
                    out -> out.write("<html><body><h1>Service unavailable</h1></body></html>"
                            .getBytes(StandardCharsets.UTF_8)));
            case OVERSIZE -> exchange.stream(200, "application/json", this::writeOversize);
            case TIMEOUT -> delayThenServe(exchange);
        }
    }

    private void delayThenServe(SimulatorExchange exchange) throws IOException {
        try {
            if (closing.await(timeoutDelay.toMillis(), TimeUnit.MILLISECONDS)) {
                exchange.reset();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.reset();
            return;
        }
        try {
            serve(exchange);
        } catch (IOException e) {
            // The client gave up waiting, which is the point of this fault.
            exchange.reset();
        }
    }

    private void writeOversize(OutputStream out) throws IOException {
        byte[] item = "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"Kotihoito\"},"
                .getBytes(StandardCharsets.UTF_8);
        out.write("{\"pageNumber\":1,\"pageSize\":1000,\"pageCount\":1,\"itemList\":[".getBytes(StandardCharsets.UTF_8));
        long written = 0;
        try {
            while (written < oversizeBytes) {
                out.write(item);
                written += item.length;
            }
            out.write("{}]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client stopped reading at its limit.
        }
    }
}
