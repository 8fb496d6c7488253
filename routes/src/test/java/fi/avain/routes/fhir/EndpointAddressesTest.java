package fi.avain.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointAddressesTest {
    final EndpointAddresses production = EndpointAddresses.publicOr(List.of(), Duration.ofSeconds(2));

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::1]", "[::]", "[fd00::1]", "[fe80::1]",
            "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]", "224.0.0.1"})
    void inProductionNotificationsGoToNoInternalAddress(String host) {
        assertThat(production.refusal(host)).as(host).isEqualTo(EndpointAddresses.REFUSAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "[2606:4700:4700::1111]", "8.8.8.8"})
    void publicAddressesAreFine(String host) {
        assertThat(production.refusal(host)).as(host).isNull();
    }

    @Test
    void anIpv6AnswerIsJudgedByTheIpv4AddressItCarries() throws Exception {
        // As a resolver may answer: sixteen bytes, not turned into IPv4 as a literal in a URL is.
        assertThat(production.mayNotify(ipv6("::ffff:a9fe:a9fe"))).as("mapped 169.254.169.254").isFalse();
        assertThat(production.mayNotify(ipv6("::ffff:808:808"))).as("mapped 8.8.8.8").isTrue();
        assertThat(production.mayNotify(ipv6("64:ff9b::a00:1"))).as("NAT64 10.0.0.1").isFalse();
        assertThat(production.mayNotify(ipv6("64:ff9b::808:808"))).as("NAT64 8.8.8.8").isTrue();
        assertThat(production.mayNotify(ipv6("2002:a00:1::1"))).as("6to4 10.0.0.1").isFalse();
        assertThat(production.mayNotify(ipv6("::a00:1"))).as("IPv4-compatible 10.0.0.1").isFalse();
        assertThat(production.mayNotify(ipv6("2001:0:4136:e378::1"))).as("Teredo").isFalse();
        assertThat(production.mayNotify(ipv6("2606:4700:4700::1111"))).isTrue();
    }

    private static InetAddress ipv6(String literal) throws Exception {
        return java.net.Inet6Address.getByAddress(null, InetAddress.getByName(literal).getAddress().length == 16
                ? InetAddress.getByName(literal).getAddress() : mapped(InetAddress.getByName(literal).getAddress()), -1);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    @Test
    void anOperatorAllowsANetworkOfTheirOwn() {
        EndpointAddresses allowing = EndpointAddresses.publicOr(List.of("10.20.0.0/16", "127.0.0.1"), Duration.ofSeconds(2));
        assertThat(allowing.refusal("10.20.3.4")).isNull();
        assertThat(allowing.refusal("127.0.0.1")).isNull();
        assertThat(allowing.refusal("10.21.3.4")).isNotNull();
        assertThatThrownBy(() -> EndpointAddresses.publicOr(List.of("portal.internal"), Duration.ofSeconds(2)))
                .hasMessageContaining(EndpointAddresses.SETTING);
    }

    @Test
    void aSubscriptionToAnInternalEndpointIsRefusedWhereItIsMade() {
        SubscriptionStore store = new SubscriptionStore(null, null, null, Clock.systemUTC(), production);
        String criteria = "ChargeItem?account=Account/" + UUID.randomUUID();

        assertThatThrownBy(() -> store.request(criteria, "https://169.254.169.254/latest/meta-data", List.of(), null,
                null)).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("Subscription.channel.endpoint: its " + EndpointAddresses.REFUSAL);
        assertThat(store.request(criteria, "https://93.184.216.34/hook", List.of(), null, null).channel().endpoint())
                .hasHost("93.184.216.34");
    }

    @Test
    void outsideProductionAnyAddressWillDo() {
        assertThat(EndpointAddresses.any().refusal("127.0.0.1")).isNull();
    }

    @Test
    void aDeliveryToAnAddressNoLongerAllowedIsNotSent() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.start();
        try {
            SubscriptionChannel channel = SubscriptionChannel.of("http://127.0.0.1:" + subscriber.getAddress().getPort()
                    + "/hook", List.of(), false);

            String refused = new NotificationSender(Duration.ofSeconds(2), Duration.ofSeconds(2), production)
                    .send(channel, "{}");
            String sent = new NotificationSender(Duration.ofSeconds(2), Duration.ofSeconds(2), EndpointAddresses.any())
                    .send(channel, "{}");

            assertThat(refused).startsWith("not sent: the endpoint's host does not resolve to public addresses only");
            assertThat(sent).isNull();
            assertThat(received).hasValue(1);
        } finally {
            subscriber.stop(0);
        }
    }
}
