package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries against a subscriber on loopback whose answers the test writes byte by byte. */
class NotificationSenderTest {
    private static final InetAddress PUBLIC = address(93, 184, 216, 34);
    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private ServerSocket server;
    private Thread accepting;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Answer answer = out -> out.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));

    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    // Requests on the connection until the sender closes it.
                    while (readHead(socket.getInputStream())) {
                        requests.incrementAndGet();
                        answer.write(socket.getOutputStream());
                    }
                } catch (IOException | InterruptedException e) {
                    // The sender hung up, or the test is over.
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aNameThatResolvesElsewhereAfterItsCheckIsNotConnectedTo() {
        AtomicInteger lookups = new AtomicInteger();
        // Public when the subscription was made, loopback for the delivery: DNS rebinding.
        Function<String, InetAddress[]> rebinding = host -> new InetAddress[] {
                lookups.incrementAndGet() == 1 ? PUBLIC : InetAddress.getLoopbackAddress()};
        EndpointAddresses addresses = EndpointAddresses.publicOr(List.of(), TIMEOUT, rebinding);
        assertThat(addresses.refusal("subscriber.example")).as("the subscription's check").isNull();
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT, addresses);

        String failure = sender.send(channel("subscriber.example"), "{}");

        assertThat(failure).isEqualTo("not sent: the endpoint's " + EndpointAddresses.REFUSAL);
        assertThat(lookups).as("the delivery resolves once, to connect").hasValue(2);
        assertThat(requests).hasValue(0);
    }

    @Test
    void theConnectionGoesToTheAddressesTheCheckAllowed() {
        // A name the machine's own resolver cannot know: only the addresses judged can be connected to.
        Function<String, InetAddress[]> lookup = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT,
                EndpointAddresses.publicOr(List.of("127.0.0.1/32"), TIMEOUT, lookup));

        assertThat(sender.send(channel("subscriber.invalid"), "{}")).isNull();
        assertThat(requests).hasValue(1);
    }

    @Test
    void aSubscriberThatDoesNotAnswerInTimeIsLeft() {
        answer = out -> Thread.sleep(5_000);
        assertGivenUpAtTheDeadline();
    }

    @Test
    void aSubscriberThatTricklesItsAnswerIsCutAtTheDeadline() {
        answer = out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(400);
            }
        };
        assertGivenUpAtTheDeadline();
    }

    @Test
    void aTakenNotificationIsDoneWithoutReadingABodyThatNeverEnds() {
        answer = out -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000; i++) {
                out.write("4\r\nmore\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(20);
            }
        };
        NotificationSender sender = new NotificationSender(TIMEOUT, Duration.ofSeconds(10), EndpointAddresses.any());

        long start = System.nanoTime();
        assertThat(sender.send(channel("127.0.0.1"), "{}")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aConnectionWhoseAnswerHadNoBodyTakesTheNextNotification() {
        assertThat(connectionsForTwoNotifications()).isEqualTo(1);
    }

    @Test
    void aConnectionWhoseAnswerHadAnEmptyBodyTakesTheNextNotification() {
        answer = out -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(connectionsForTwoNotifications()).isEqualTo(1);
    }

    @Test
    void aNameWithSeveralAddressesIsConnectedToAtItsFirstOnly() {
        // Nothing listens on 127.0.0.2; the subscriber is on the second address, which is not tried.
        Function<String, InetAddress[]> lookup = host -> new InetAddress[] {address(127, 0, 0, 2),
                InetAddress.getLoopbackAddress()};
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT,
                EndpointAddresses.publicOr(List.of("127.0.0.0/8"), TIMEOUT, lookup));

        assertThat(sender.send(channel("subscriber.invalid"), "{}")).isEqualTo("connection refused");
        assertThat(connections).hasValue(0);
    }

    @Test
    void aConnectionWhoseAnswerHadABodyIsDropped() {
        answer = out -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        assertThat(connectionsForTwoNotifications()).isEqualTo(2);
    }

    @Test
    void anErrorAnswerIsNamedByItsStatus() {
        answer = out -> out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT, EndpointAddresses.any());

        assertThat(sender.send(channel("127.0.0.1"), "{}")).isEqualTo("HTTP 503");
    }

    /** Sends two notifications, both taken; answers how many connections they came on. */
    private int connectionsForTwoNotifications() {
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT, EndpointAddresses.any());

        assertThat(sender.send(channel("127.0.0.1"), "{}")).isNull();
        assertThat(sender.send(channel("127.0.0.1"), "{}")).isNull();

        assertThat(requests).hasValue(2);
        return connections.get();
    }

    private void assertGivenUpAtTheDeadline() {
        NotificationSender sender = new NotificationSender(TIMEOUT, TIMEOUT, EndpointAddresses.any());

        long start = System.nanoTime();
        String failure = sender.send(channel("127.0.0.1"), "{}");

        assertThat(failure).isEqualTo("no answer within 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    private SubscriptionChannel channel(String host) {
        return SubscriptionChannel.of("http://" + host + ":" + server.getLocalPort() + "/hook",
                List.of("Authorization: Bearer abc"), false);
    }

    /** Reads the request line, the headers and a body of the length given; false when the connection ended first. */
    private static boolean readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            head.append((char) c);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
        return true;
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
