package fi.avain.routes.card;

import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.Decision;
import fi.avain.budget.LedgerException;
import fi.avain.budget.DeclineReason;
import fi.avain.budget.Verdict;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card decisions inside the processor's deadline. The decision runs on a worker in one transaction
 * that also stores the request in the message store; the caller waits at most
 * {@code avain.card.decision-timeout}. Past it, or on any failure, the answer is decline
 * ({@code timeout}): money fails closed. The request is then recorded apart (or, with the database
 * gone, spooled to disk until it is back), and a decision that commits after the decline was given is
 * withdrawn, so the ledger never holds money the processor was told it would not.
 */
@Component
public class CardDecisions {
    public static final String FLOW = "card-authorization";
    private static final Logger log = LoggerFactory.getLogger(CardDecisions.class);
    private static final int PENDING = 0;
    private static final int DECIDED = 1;
    private static final int ABANDONED = 2;

    private final CardAuthorizer authorizer;
    private final MessageStore messages;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final CardSettings settings;
    private final CardSpool spool;
    private final ExecutorService workers;
    private final ExecutorService recorder;
    private final boolean postgres;
    private final MeterRegistry meters;

    CardDecisions(CardAuthorizer authorizer, MessageStore messages, TransactionTemplate tx, JdbcClient jdbc,
                  DataSource dataSource, CardSettings settings, CardSpool spool, ObjectProvider<MeterRegistry> meters) {
        this.authorizer = authorizer;
        this.messages = messages;
        this.tx = tx;
        this.jdbc = jdbc;
        this.settings = settings;
        this.spool = spool;
        this.meters = meters.getIfAvailable();
        this.workers = pool("card-decision", settings.workers(), settings.workers() * 16);
        this.recorder = pool("card-record", 2, 10_000);
        this.postgres = isPostgres(dataSource);
    }

    /** A decision as answered. */
    public record Answer(Verdict verdict, String response, boolean duplicate, UUID messageId) {
    }

    /**
     * Decides {@code attempt}; {@code render} writes a verdict in the processor's format (stored, so a
     * repeat gets the same text). Never throws for the ledger's sake: failures become a decline.
     */
    /**
     * Decides {@code attempt}, the deadline counted from {@code arrivedNanos}; {@code render} writes a
     * verdict in the processor's format (stored, so a repeat gets the same text). Never throws for the
     * ledger's sake: failures become a decline. A request the ledger refuses outright throws.
     */
    public Answer decide(AuthorizationAttempt attempt, InboundMessage message, Function<Verdict, String> render,
                         long arrivedNanos) {
        long started = arrivedNanos;
        long deadline = started + settings.decisionTimeout().toNanos();
        UUID messageId = UUID.randomUUID();
        AtomicInteger state = new AtomicInteger(PENDING);
        String timeoutResponse = render.apply(Verdict.declined(attempt.authorizationId(), DeclineReason.TIMEOUT));
        if (System.nanoTime() >= deadline) {
            return declineLater(attempt, message, messageId, timeoutResponse,
                    "declined: the request waited in the server past the decision deadline", started);
        }
        CompletableFuture<Decision> work;
        try {
            work = CompletableFuture.supplyAsync(() -> decideInTransaction(attempt, message, messageId, render, state,
                    deadline, timeoutResponse), workers);
        } catch (RejectedExecutionException e) {
            return declineLater(attempt, message, messageId, timeoutResponse, "declined: too many decisions waiting",
                    started);
        }
        String late = "declined: the ledger did not decide within " + settings.decisionTimeout().toMillis() + " ms";
        try {
            Decision decision = work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (decision != null) {
                record(started, decision.verdict(), decision.duplicate());
                return new Answer(decision.verdict(), decision.response(), decision.duplicate(), messageId);
            }
            // the worker started only after the deadline and left the request alone
            state.set(ABANDONED);
        } catch (TimeoutException e) {
            if (!state.compareAndSet(PENDING, ABANDONED)) {
                // the worker decided in the same instant: its answer stands
                Decision decision = work.join();
                if (decision != null) {
                    record(started, decision.verdict(), decision.duplicate());
                    return new Answer(decision.verdict(), decision.response(), decision.duplicate(), messageId);
                }
            }
            return declineLater(attempt, message, messageId, timeoutResponse, late, started);
        } catch (ExecutionException e) {
            state.set(ABANDONED);
            if (e.getCause() instanceof LedgerException refused) {
                // the request itself is wrong (an incremental authorization asking for less): say so
                recorder.execute(() -> recordRefusal(message, messageId, refused.getMessage()));
                throw refused;
            }
            log.warn("card decision failed for authorization {}: {}", attempt.authorizationId(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            return declineLater(attempt, message, messageId, timeoutResponse,
                    "declined: the ledger could not decide (" + failure(e.getCause()) + ")", started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.set(ABANDONED);
            return declineLater(attempt, message, messageId, timeoutResponse, "declined: interrupted", started);
        }
        return declineLater(attempt, message, messageId, timeoutResponse, late, started);
    }

    private Decision decideInTransaction(AuthorizationAttempt attempt, InboundMessage message, UUID messageId,
                                         Function<Verdict, String> render, AtomicInteger state, long deadline,
                                         String timeoutResponse) {
        if (state.get() != PENDING || System.nanoTime() >= deadline) {
            return null;
        }
        Decision decision = tx.execute(status -> {
            boundLocks(deadline);
            Decision d = authorizer.decide(attempt, messageId, render);
            if (state.get() != PENDING) {
                status.setRollbackOnly();
                return null;
            }
            messages.record(messageId, message, d.duplicate() ? MessageStatus.DUPLICATE : MessageStatus.PROCESSED,
                    null);
            return d;
        });
        if (decision != null && !state.compareAndSet(PENDING, DECIDED)) {
            if (decision.duplicate()) {
                // a repeat read the earlier answer and changed nothing: there is nothing to take back
                return null;
            }
            // committed after the caller gave up and answered decline: take the hold back
            try {
                tx.executeWithoutResult(status -> {
                    authorizer.withdraw(attempt, timeoutResponse);
                    messages.failed(messageId, "declined: the decision came after the deadline and was withdrawn");
                });
            } catch (RuntimeException e) {
                log.error("could not withdraw the late approval of authorization {}; the hold expires by itself",
                        attempt.authorizationId(), e);
            }
            return null;
        }
        return decision;
    }

    /** On PostgreSQL a row lock or statement that would outlast the deadline fails instead of waiting. */
    private void boundLocks(long deadline) {
        if (!postgres) {
            return;
        }
        long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        jdbc.sql("select set_config('lock_timeout', ?, true), set_config('statement_timeout', ?, true)")
                .params(ms + "ms", ms + "ms").query().singleRow();
    }

    private Answer declineLater(AuthorizationAttempt attempt, InboundMessage message, UUID messageId,
                                String response, String reason, long started) {
        Verdict verdict = Verdict.declined(attempt.authorizationId(), DeclineReason.TIMEOUT);
        record(started, verdict, false);
        try {
            recorder.execute(() -> recordDecline(attempt, message, messageId, response, reason));
        } catch (RejectedExecutionException e) {
            spool.write(new CardSpool.Entry(messageId, message, attempt, response, reason));
        }
        return new Answer(verdict, response, false, messageId);
    }

    private void recordRefusal(InboundMessage message, UUID messageId, String reason) {
        try {
            messages.record(messageId, message, MessageStatus.ERROR, reason);
        } catch (RuntimeException e) {
            log.warn("could not store a refused card request: {}", e.toString());
        }
    }

    /** Keeps a declined-in-time request: in the message store, or in the spool while the database is away. */
    void recordDecline(AuthorizationAttempt attempt, InboundMessage message, UUID messageId, String response,
                       String reason) {
        try {
            storeDecline(attempt, message, messageId, response, reason);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the worker's late decision stored the message in the same instant: mark that one instead
            storeDecline(attempt, message, messageId, response, reason);
        } catch (RuntimeException e) {
            log.warn("database unavailable; authorization {} spooled to disk: {}", attempt.authorizationId(),
                    e.toString());
            spool.write(new CardSpool.Entry(messageId, message, attempt, response, reason));
        }
    }

    /**
     * Records a decline given on time: the decision under the authorization id, and the request in the
     * store with status ERROR (marked so, when a late decision stored it already).
     */
    private void storeDecline(AuthorizationAttempt attempt, InboundMessage message, UUID messageId, String response,
                              String reason) {
        tx.executeWithoutResult(status -> {
            authorizer.recordTimeout(attempt, messageId, response);
            if (messages.exists(messageId)) {
                messages.failed(messageId, reason);
            } else {
                messages.record(messageId, message, MessageStatus.ERROR, reason);
            }
        });
    }

    /** Writes a spooled request to the store; false while the database is still away. */
    boolean store(CardSpool.Entry entry) {
        try {
            storeDecline(entry.attempt(), entry.message(), entry.messageId(), entry.response(), entry.reason());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void record(long started, Verdict verdict, boolean duplicate) {
        if (meters == null) {
            return;
        }
        Timer.builder("avain.card.decision")
                .description("Card authorization decisions, from request to answer")
                .tag("outcome", duplicate ? "duplicate" : verdict.approved() ? "approved" : "declined")
                .tag("reason", verdict.reason() == null ? "none" : verdict.reason().code())
                .publishPercentileHistogram()
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private static String failure(Throwable e) {
        if (e == null) {
            return "unknown failure";
        }
        String name = e.getClass().getSimpleName();
        return name.isEmpty() ? "failure" : name;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }

    private static ExecutorService pool(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        recorder.shutdown();
        recorder.awaitTermination(5, TimeUnit.SECONDS);
    }
}
