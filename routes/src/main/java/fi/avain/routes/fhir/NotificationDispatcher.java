package fi.avain.routes.fhir;

import fi.avain.budget.Ledger;
import fi.avain.budget.Portal;
import fi.avain.routes.fhir.NotificationQueries.Due;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the portal's rest-hook notifications. One worker thread routes the ledger's change outbox into
 * notifications and hands each subscription's oldest due notification to a small pool of senders, so a
 * slow subscriber holds one sender for at most its timeouts and the others go on. The worker sleeps until
 * the ledger books a movement (told after the booking commits) or the poll interval passes, which finds
 * what other processes booked. All state is in the database: a notification is marked delivered only after
 * the subscriber's 2xx, so a restart loses nothing and may at most send one notification again.
 */
public final class NotificationDispatcher implements SmartLifecycle, Ledger.ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int MAX_BATCHES_PER_ROUND = 20;
    private static final int PRUNE_LIMIT = 10_000;
    private static final int RUN_LENGTH = 200;
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(1);
    private static final Duration PENDING_GAUGE_EVERY = Duration.ofSeconds(5);

    private final NotificationQueries queries;
    private final NotificationRouter router;
    private final NotificationSender sender;
    private final SubscriptionStore store;
    private final NotificationPayloads payloads;
    private final TransactionOperations tx;
    private final SubscriptionSettings settings;
    private final Clock clock;
    private final NotificationMetrics metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Semaphore senders;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Thread worker;
    private ExecutorService pool;

    /** @param postgres whether {@code db} is PostgreSQL rather than the sandbox's H2 */
    public NotificationDispatcher(JdbcClient db, boolean postgres, TransactionOperations tx, Portal portal,
                                  SubscriptionStore store, NotificationPayloads payloads, SubscriptionSettings settings,
                                  Clock clock, MeterRegistry meters) {
        this.queries = new NotificationQueries(db, tx, postgres);
        this.router = new NotificationRouter(queries, tx, portal, clock, settings.batchSize());
        this.sender = new NotificationSender(settings.connectTimeout(), settings.requestTimeout(), store.addresses());
        this.store = store;
        this.payloads = payloads;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.metrics = new NotificationMetrics(meters);
        this.senders = new Semaphore(settings.deliveryThreads());
    }

    /** Wakes the worker once the booking transaction commits; a rolled-back booking wakes no one. */
    @Override
    public void booked(UUID budgetId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        // One wake-up per transaction, however many movements it books.
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(NotificationDispatcher.this);
            }
        });
    }

    /** Makes the worker look for work now rather than at the end of its poll interval. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            AtomicInteger count = new AtomicInteger();
            pool = new ThreadPoolExecutor(settings.deliveryThreads(), settings.deliveryThreads(), 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> daemon(task, "fhir-notify-" + count.incrementAndGet()));
            worker = daemon(this::work, "fhir-dispatcher");
            worker.start();
        }
    }

    /**
     * Stops taking work and lets attempts in flight finish, so their outcome is recorded; an attempt still
     * running past its timeouts is left to its lease and tried again later.
     */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            wake();
            try {
                worker.join(settings.lease().toMillis());
                pool.shutdown();
                if (!pool.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    private void work() {
        Instant housekeeping = Instant.MIN;
        Instant gauge = Instant.MIN;
        Instant warned = Instant.MIN;
        while (running) {
            Duration sleep = settings.pollInterval();
            try {
                boolean busy = route();
                busy |= deliverDue();
                Instant now = clock.instant();
                // A retry due before the next poll is not left waiting for it.
                Optional<Instant> next = queries.nextAttempt(now);
                if (next.isPresent() && Duration.between(now, next.get()).compareTo(sleep) < 0) {
                    sleep = Duration.between(now, next.get());
                }
                if (!now.isBefore(housekeeping)) {
                    housekeep(now);
                    housekeeping = now.plus(HOUSEKEEPING_EVERY);
                }
                if (!now.isBefore(gauge)) {
                    metrics.pending(queries.pending());
                    gauge = now.plus(PENDING_GAUGE_EVERY);
                }
            } catch (RuntimeException e) {
                // While the database is away every round fails: one warning a minute says so.
                Instant now = clock.instant();
                if (!now.isBefore(warned)) {
                    LOG.warn("Portal notifications: a round failed and is tried again: {}", e.toString());
                    warned = now.plus(HOUSEKEEPING_EVERY);
                }
            }
            try {
                // A wake-up that came during the round is kept: it may be for a change the round did not see.
                wakeUp.tryAcquire(Math.max(1, sleep.toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean route() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_ROUND && running; batch++) {
            int routed = router.routeBatch();
            total += routed;
            if (routed < settings.batchSize()) {
                break;
            }
        }
        return total > 0;
    }

    private boolean deliverDue() {
        int free = senders.availablePermits();
        if (free == 0) {
            return false;
        }
        Instant now = clock.instant();
        List<Due> due = queries.dueHeads(now, free);
        boolean started = false;
        for (Due head : due) {
            if (!running || !senders.tryAcquire()) {
                break;
            }
            if (!queries.claim(head.id(), now, now.plus(settings.lease()))) {
                senders.release();
                continue;
            }
            try {
                pool.execute(() -> attempt(head));
                started = true;
            } catch (RejectedExecutionException e) {
                // Stopping: the claim lapses with its lease and the head is tried again.
                senders.release();
            }
        }
        return started;
    }

    private void attempt(Due first) {
        Due head = first;
        try {
            Optional<StoredSubscription> subscription = store.find(head.subscriptionId());
            if (subscription.isEmpty() || subscription.get().status() == SubscriptionStatus.OFF) {
                return;
            }
            String failure = send(subscription.get(), head);
            Instant now = clock.instant();
            // While the subscriber takes them, its queue is sent from here, one after another, without a round
            // through the worker for each; a bounded run keeps the sender fair to the other subscriptions.
            for (int sent = 1; failure == null; sent++) {
                Optional<Due> next = queries.deliveredAndClaimNext(head, now, now.plus(settings.lease()),
                        sent < RUN_LENGTH && running);
                metrics.delivered(Duration.between(head.changedAt(), now));
                if (next.isEmpty()) {
                    return;
                }
                head = next.get();
                failure = send(subscription.get(), head);
                now = clock.instant();
            }
            int failures = head.subscriptionFailures() + 1;
            Due failed = head;
            String reason = failure;
            Instant at = now;
            tx.executeWithoutResult(status -> queries.failed(failed, reason, at,
                    at.plus(settings.backoff(failures)), settings.failuresBeforeError()));
            metrics.failed();
            LOG.info("Portal notification {} to subscription {} failed ({} in a row): {}", head.id(),
                    head.subscriptionId(), failures, failure);
        } catch (RuntimeException e) {
            LOG.warn("Portal notification {} could not be recorded; its lease lapses and it is tried again: {}",
                    head.id(), e.toString());
        } finally {
            senders.release();
            wake();
        }
    }

    private String send(StoredSubscription subscription, Due head) {
        String json;
        try {
            json = payloads.json(head.resourceType(), head.resourceId());
        } catch (RuntimeException e) {
            return "the " + head.resourceType() + " could not be written (" + e.getClass().getSimpleName() + ")";
        }
        return sender.send(subscription.channel(), json);
    }

    private void housekeep(Instant now) {
        int ended = tx.execute(status -> queries.endExpired(now));
        int pruned = queries.prune(now.minus(settings.keepDelivered()), PRUNE_LIMIT);
        if (ended > 0 || pruned > 0) {
            LOG.info("Portal notifications: {} subscriptions ended, {} delivered notifications pruned", ended, pruned);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
