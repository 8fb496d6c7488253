package fi.avain.routes.fhir;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** What operators watch of the portal's notifications. */
final class NotificationMetrics {
    private final Counter delivered;
    private final Counter failed;
    private final Timer latency;
    private final AtomicLong pending = new AtomicLong();

    NotificationMetrics(MeterRegistry registry) {
        delivered = Counter.builder("avain.portal.notification.delivered")
                .description("Notifications a subscriber took (2xx)").register(registry);
        failed = Counter.builder("avain.portal.notification.failed")
                .description("Delivery attempts that failed; each is retried").register(registry);
        latency = Timer.builder("avain.portal.notification.latency")
                .description("From the ledger change to the subscriber's 2xx")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("avain.portal.notification.pending", pending, AtomicLong::get)
                .description("Notifications not yet delivered").register(registry);
    }

    void delivered(Duration sinceChange) {
        delivered.increment();
        latency.record(sinceChange.isNegative() ? Duration.ZERO : sinceChange);
    }

    void failed() {
        failed.increment();
    }

    void pending(long count) {
        pending.set(count);
    }
}
