package fi.avain.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar serving HTTP on a loopback port of its own against a test schema, with the API keys
 * and webhook secret the tests use and, unless told otherwise, no scheduler. Closing it kills the process.
 */
final class AvainServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(150);

    private final AvainJar.Started process;
    private final String baseUrl;

    private AvainServer(AvainJar.Started process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts it and returns at once; {@link #awaitReady()} waits for it to answer. */
    static AvainServer start(String jdbcUrl, String schema, Path dataDir, List<String> properties) {
        int port = freePort();
        List<String> arguments = new ArrayList<>(AvainJar.onSchema(jdbcUrl, schema, dataDir));
        arguments.addAll(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--avain.security.api-keys.integrator[0]=" + AvainIntegrationTest.INTEGRATOR_KEY,
                "--avain.security.api-keys.operator[0]=" + AvainIntegrationTest.OPERATOR_KEY,
                "--avain.connectors.card.secrets.generic[0]=" + AvainIntegrationTest.CARD_SECRET,
                // never the real PTV: nothing here may leave the machine
                "--avain.connectors.ptv.base-url=http://127.0.0.1:1/api/v11"));
        if (properties.stream().noneMatch(property -> property.startsWith("--avain.scheduler.enabled="))) {
            arguments.add("--avain.scheduler.enabled=false");
        }
        arguments.addAll(properties);
        return new AvainServer(AvainJar.start(arguments, Map.of()), "http://127.0.0.1:" + port);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Waits, bounded, until the server answers HTTP; fails with its log if it dies or takes too long. */
    AvainServer awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(200))
                    .failFast("avain.jar ended while starting", () -> !process.process().isAlive())
                    .until(() -> answers(http, probe));
        } catch (RuntimeException e) {
            close();
            throw new AssertionError(e.getMessage() + "; stderr: " + tail(process.stderr()), e);
        }
        return this;
    }

    /** What it has logged so far (stdout and stderr). */
    String log() {
        try {
            return Files.readString(process.stdout()) + Files.readString(process.stderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.kill();
    }

    private static boolean answers(HttpClient http, HttpRequest probe) throws InterruptedException {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
