package fi.avain.routes.messages;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counter {@code avain.messages}, tagged {@code flow} and {@code status}: one increment per transition.
 * Counted once the transaction commits, so a rolled-back batch is not counted.
 */
final class MessageMetrics {
    static final String COUNTER = "avain.messages";

    private final MeterRegistry registry;

    /** {@code registry} may be null: then nothing is counted. */
    MessageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Map<String, Integer> perFlow, MessageStatus status) {
        if (registry == null || perFlow.isEmpty()) {
            return;
        }
        Runnable increment = () -> perFlow.forEach((flow, n) ->
                registry.counter(COUNTER, "flow", flow, "status", status.metricTag()).increment(n));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    increment.run();
                }
            });
        } else {
            increment.run();
        }
    }
}
