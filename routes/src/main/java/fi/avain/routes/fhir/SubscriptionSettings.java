package fi.avain.routes.fhir;

import fi.avain.routes.web.AddressBlock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's rest-hook notifications ({@code avain.portal.subscriptions.*}).
 *
 * @param enabled            whether this node delivers notifications (jobs never do: the server finds their
 *                           changes by polling)
 * @param pollInterval       the longest the dispatcher sleeps without a wake-up; changes booked by another
 *                           process are found within it
 * @param initialBackoff     the wait after a first failed delivery, doubled after each further one
 * @param maxBackoff         the longest wait between attempts
 * @param failuresBeforeError consecutive failures after which a subscription shows status error
 * @param keepDelivered      how long delivered notifications are kept before they are pruned
 * @param connectTimeout     connecting to a subscriber
 * @param requestTimeout     a whole delivery: resolving the host, connecting and the answer's status line and headers
 * @param deliveryThreads    deliveries in flight at once, each to a different subscription
 * @param batchSize          ledger changes routed in one transaction
 * @param allowedNetworks    in production, the networks (CIDR blocks) besides public addresses that endpoints may
 *                           be on: see {@link EndpointAddresses}
 */
@ConfigurationProperties("avain.portal.subscriptions")
public record SubscriptionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("PT5M") Duration maxBackoff,
        @DefaultValue("5") int failuresBeforeError,
        @DefaultValue("P7D") Duration keepDelivered,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("8") int deliveryThreads,
        @DefaultValue("500") int batchSize,
        List<String> allowedNetworks) {

    public SubscriptionSettings {
        allowedNetworks = allowedNetworks == null ? List.of()
                : allowedNetworks.stream().filter(block -> !block.isBlank()).toList();
        allowedNetworks.forEach(block -> AddressBlock.parse(EndpointAddresses.SETTING, block));
        positive("poll-interval", pollInterval);
        positive("initial-backoff", initialBackoff);
        positive("max-backoff", maxBackoff);
        positive("keep-delivered", keepDelivered);
        positive("connect-timeout", connectTimeout);
        positive("request-timeout", requestTimeout);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("avain.portal.subscriptions.max-backoff must be at least initial-backoff");
        }
        if (failuresBeforeError < 1 || deliveryThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("avain.portal.subscriptions.failures-before-error, delivery-threads "
                    + "and batch-size must be at least 1");
        }
    }

    /** The defaults, as a node without configuration runs. */
    public static SubscriptionSettings defaults() {
        return new SubscriptionSettings(true, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(5), 5,
                Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofSeconds(5), 8, 500, List.of());
    }

    SubscriptionSettings withEnabled(boolean on) {
        return new SubscriptionSettings(on, pollInterval, initialBackoff, maxBackoff, failuresBeforeError, keepDelivered,
                connectTimeout, requestTimeout, deliveryThreads, batchSize, allowedNetworks);
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling, capped. */
    public Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * How long a claimed delivery keeps others off its subscription: past the attempt's own timeouts, so
     * a node that dies mid-attempt only delays the notification.
     */
    Duration lease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(5);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("avain.portal.subscriptions." + name + " must be more than 0");
        }
    }
}
