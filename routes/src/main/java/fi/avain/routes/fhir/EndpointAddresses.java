package fi.avain.routes.fhir;

import fi.avain.routes.web.AddressBlock;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the portal's notifications may go. A subscriber names its endpoint, and citizens are
 * subscribers: in production an endpoint must resolve to public addresses only, so that no one can
 * have Avain POST to its own loopback, the county's private networks or a cloud metadata address,
 * nor map them by the delivery errors. An operator can allow networks of their own
 * ({@code avain.portal.subscriptions.allowed-networks}), such as the portal backend's. Checked when a
 * subscription is made, and again by each delivery's connection through {@link #permitted}: the
 * addresses judged are the ones connected to, so a name whose DNS answer changes after a check (DNS
 * rebinding) cannot lead a delivery inside.
 */
public final class EndpointAddresses {
    static final String SETTING = "avain.portal.subscriptions.allowed-networks";
    /** One answer for a name that does not resolve and one on an internal network: which it was would map the names. */
    static final String REFUSAL = "host does not resolve to public addresses only (loopback, private, link-local "
            + "and reserved networks are refused; an operator can allow one in " + SETTING + ")";
    private static final List<AddressBlock> NOT_PUBLIC = Stream.of(
                    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
                    "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                    "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
                    "::/96", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .map(block -> AddressBlock.parse("not public", block)).toList();
    // IPv6 forms that carry an IPv4 address, which is what is reached: mapped, NAT64 and 6to4.
    // Built from bytes: as text, ::ffff:0:0 would be read as the IPv4 address 0.0.0.0.
    private static final AddressBlock MAPPED = new AddressBlock(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final AddressBlock NAT64 = AddressBlock.parse("nat64", "64:ff9b::/96");
    private static final AddressBlock NAT64_LOCAL = AddressBlock.parse("nat64", "64:ff9b:1::/48");
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("6to4", "2002::/16");
    // A resolver that never answers must not hold a delivery thread past its lease, nor a request thread.
    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "subscription-endpoint-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private final boolean publicOnly;
    private final List<AddressBlock> allowed;
    private final Duration lookupTimeout;
    private final Function<String, InetAddress[]> lookup;

    private EndpointAddresses(boolean publicOnly, List<AddressBlock> allowed, Duration lookupTimeout,
            Function<String, InetAddress[]> lookup) {
        this.publicOnly = publicOnly;
        this.allowed = allowed;
        this.lookupTimeout = lookupTimeout;
        this.lookup = lookup;
    }

    /** Any address: the sandbox and the tests, whose subscribers listen on loopback. */
    public static EndpointAddresses any() {
        return new EndpointAddresses(false, List.of(), Duration.ZERO, EndpointAddresses::lookUp);
    }

    /** Public addresses, and those in {@code allowedNetworks} (CIDR blocks); a name must resolve within {@code lookupTimeout}. */
    public static EndpointAddresses publicOr(List<String> allowedNetworks, Duration lookupTimeout) {
        return publicOr(allowedNetworks, lookupTimeout, EndpointAddresses::lookUp);
    }

    /** As {@link #publicOr(List, Duration)}, names resolved by {@code lookup} (which throws for a name that does not resolve). */
    static EndpointAddresses publicOr(List<String> allowedNetworks, Duration lookupTimeout,
            Function<String, InetAddress[]> lookup) {
        return new EndpointAddresses(true, allowedNetworks.stream().map(text -> AddressBlock.parse(SETTING, text)).toList(),
                lookupTimeout, lookup);
    }

    /** A host that does not resolve to addresses a notification may go to. */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(REFUSAL);
        }
    }

    /**
     * The addresses a delivery to {@code host} connects to: all it resolves to, resolved once here, when
     * every one of them may be notified; otherwise {@link Refused}.
     */
    InetAddress[] permitted(String host) throws UnknownHostException {
        if (!publicOnly) {
            return InetAddress.getAllByName(host);
        }
        InetAddress[] addresses = resolve(host);
        if (addresses == null || addresses.length == 0 || !Arrays.stream(addresses).allMatch(this::mayNotify)) {
            throw new Refused();
        }
        return addresses;
    }

    /** Production's rules: public addresses only, and https but to loopback. */
    boolean publicOnly() {
        return publicOnly;
    }

    /** Null when notifications may go to every address {@code host} has; otherwise {@link #REFUSAL}. */
    String refusal(String host) {
        if (!publicOnly) {
            return null;
        }
        try {
            permitted(host);
            return null;
        } catch (UnknownHostException e) {
            return REFUSAL;
        }
    }

    /** Null when the name does not resolve in time. */
    private InetAddress[] resolve(String host) {
        try {
            return CompletableFuture.supplyAsync(() -> lookup.apply(host), LOOKUPS)
                    .get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static InetAddress[] lookUp(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unresolved", e);
        }
    }

    boolean mayNotify(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return true;
        }
        InetAddress reached = embeddedIpv4(address);
        if (reached != address) {
            return mayNotify(reached);
        }
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }

    /** The IPv4 address an IPv6 address stands for, or the address itself. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        int from = -1;
        if (MAPPED.contains(bytes) || NAT64.contains(bytes) || NAT64_LOCAL.contains(bytes)) {
            from = 12;
        } else if (SIX_TO_FOUR.contains(bytes)) {
            from = 2;
        }
        if (from < 0) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
