package fi.avain.routes.fhir;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A portal's rest-hook endpoint on loopback: records every request and answers with the status the test
 * sets; it can be stopped (connection refused) and started again on the same port, or made slow.
 */
final class Subscriber implements AutoCloseable {
    /** One request as it arrived, with whether it was answered 2xx. */
    record Received(String body, String contentType, String authorization, long nanoTime, int answered) {
        boolean taken() {
            return answered >= 200 && answered < 300;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private int port;

    Subscriber() {
        start();
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "subscriber-" + port);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            sleep(delay);
            int answer = status;
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime(), answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** Stops listening: further attempts are refused until {@link #start()}. */
    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void answer(int status) {
        this.status = status;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<String> taken() {
        return received.stream().filter(Received::taken).map(Received::body).toList();
    }

    long count(Predicate<Received> which) {
        return received.stream().filter(which).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
