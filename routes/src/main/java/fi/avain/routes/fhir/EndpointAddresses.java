package fi.avain.routes.fhir;

import fi.avain.routes.web.AddressBlock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the portal's notifications may go. A subscriber names its endpoint, and citizens are
 * subscribers: in production an endpoint must resolve to public addresses only, so that no one can
 * have Avain POST to its own loopback, the county's private networks or a cloud metadata address,
 * nor map them by the delivery errors. An operator can allow networks of their own
 * ({@code avain.portal.subscriptions.allowed-networks}), such as the portal backend's. Checked when a
 * subscription is made and again before each delivery, since DNS can change its answer in between.
 */
public final class EndpointAddresses {
    static final String SETTING = "avain.portal.subscriptions.allowed-networks";
    private static final List<AddressBlock> NOT_PUBLIC = Stream.of(
                    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
                    "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
                    "::/128", "::1/128", "64:ff9b::/96", "fc00::/7", "fe80::/10", "ff00::/8")
            .map(block -> AddressBlock.parse("not public", block)).toList();

    private final boolean publicOnly;
    private final List<AddressBlock> allowed;

    private EndpointAddresses(boolean publicOnly, List<AddressBlock> allowed) {
        this.publicOnly = publicOnly;
        this.allowed = allowed;
    }

    /** Any address: the sandbox and the tests, whose subscribers listen on loopback. */
    public static EndpointAddresses any() {
        return new EndpointAddresses(false, List.of());
    }

    /** Public addresses, and those in {@code allowedNetworks} (CIDR blocks). */
    public static EndpointAddresses publicOr(List<String> allowedNetworks) {
        return new EndpointAddresses(true, allowedNetworks.stream().map(text -> AddressBlock.parse(SETTING, text)).toList());
    }

    /** Null when notifications may go to every address {@code host} has; otherwise why not, naming no address. */
    String refusal(String host) {
        if (!publicOnly) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return "its host name does not resolve";
        }
        if (Arrays.stream(addresses).allMatch(this::mayNotify)) {
            return null;
        }
        return "its host is on a network notifications may not go to (loopback, private, link-local or reserved); "
                + "an operator can allow one in " + SETTING;
    }

    private boolean mayNotify(InetAddress address) {
        return allowed.stream().anyMatch(block -> block.contains(address))
                || NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }
}
