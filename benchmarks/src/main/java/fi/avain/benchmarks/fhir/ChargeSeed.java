package fi.avain.benchmarks.fhir;

import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.Clearing;
import fi.avain.budget.ClearingItem;
import fi.avain.budget.ClearingOutcome;
import fi.avain.budget.Decision;
import fi.avain.budget.Ledger;
import fi.avain.budget.ReconciliationExceptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of one card's spending booked in-process with the ledger's own classes against the server's
 * database, each movement at its own time (a clock set before each): {@link CardAuthorizer} holds each
 * purchase as the webhook would, and {@link Clearing} captures it one to three days later as a clearing
 * file would, or reverses a few. What the last days bought is still held. Far faster than as many signed
 * webhooks, and the charges are spread over the year as a real client's would be.
 */
final class ChargeSeed {
    private static final String PROCESSOR = "generic";
    private static final Duration RECENT = Duration.ofDays(3);
    private static final double REVERSED_SHARE = 0.03;
    private static final int PER_TRANSACTION = 100;

    /** What was booked: holds still active, captured and reversed. */
    record Booked(int held, int captured, int reversed) {
        int total() {
            return held + captured + reversed;
        }
    }

    /** A clock the seeder sets before each booking. */
    private static final class SetClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ChargeSeed() {
    }

    /**
     * Books {@code charges} card purchases of 1.00–99.99 EUR on card {@code cardId}, spread evenly (with
     * jitter) over the 365 days before {@code end}, in transactions of {@value #PER_TRANSACTION}.
     */
    static Booked book(String dbUrl, String dbUser, String cardId, String nonce, int charges, Instant end, long seed) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(dbUrl, dbUser, "", true);
        try {
            JdbcClient db = JdbcClient.create(dataSource);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            SetClock clock = new SetClock();
            Ledger ledger = new Ledger(db, clock);
            CardAuthorizer authorizer = new CardAuthorizer(db, ledger, mcc -> Duration.ofDays(7));
            Clearing clearing = new Clearing(db, ledger, new ReconciliationExceptions(db, ledger));
            SplittableRandom random = new SplittableRandom(seed);
            Instant start = end.minus(Duration.ofDays(365));
            long step = Duration.ofDays(365).toMillis() / charges;
            int[] counts = new int[3];
            for (int from = 0; from < charges; from += PER_TRANSACTION) {
                int first = from;
                tx.executeWithoutResult(status -> {
                    for (int i = first; i < Math.min(charges, first + PER_TRANSACTION); i++) {
                        Instant at = start.plusMillis(i * step + random.nextLong(step));
                        String authorizationId = "fy_" + nonce + "_" + i;
                        long cents = 100 + random.nextLong(9_900);
                        clock.set(at);
                        Decision decision = authorizer.decide(new AuthorizationAttempt(PROCESSOR, authorizationId,
                                cardId, cents, PortalApi.MERCHANT_CATEGORY, false, at), null,
                                verdict -> "{\"approved\":" + verdict.approved() + "}");
                        if (!decision.verdict().approved()) {
                            throw new IllegalStateException("authorization " + authorizationId + " was declined: "
                                    + decision.verdict().reason());
                        }
                        if (at.isAfter(end.minus(RECENT))) {
                            counts[0]++;
                            continue;
                        }
                        boolean reverse = random.nextDouble() < REVERSED_SHARE;
                        clock.set(at.plus(Duration.ofHours(24 + random.nextInt(48))));
                        Clearing.Applied applied = clearing.apply(new ClearingItem(PROCESSOR, "rec_" + authorizationId,
                                reverse ? ClearingItem.Type.REVERSAL : ClearingItem.Type.CAPTURE, authorizationId,
                                cardId, reverse ? 0 : cents, PortalApi.MERCHANT_CATEGORY, null, null), null);
                        ClearingOutcome expected = reverse ? ClearingOutcome.RELEASED : ClearingOutcome.CAPTURED;
                        if (applied.outcome() != expected) {
                            throw new IllegalStateException("clearing " + authorizationId + ": " + applied);
                        }
                        counts[reverse ? 2 : 1]++;
                    }
                });
            }
            return new Booked(counts[0], counts[1], counts[2]);
        } finally {
            dataSource.destroy();
        }
    }

    /** How many charges the portal will list on the budget: one per hold. */
    static long holds(String dbUrl, String dbUser, String budgetId) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(dbUrl, dbUser, "", true);
        try {
            return JdbcClient.create(dataSource).sql("select count(*) from ledger_hold where budget_id = ?")
                    .param(UUID.fromString(budgetId)).query(Long.class).single();
        } finally {
            dataSource.destroy();
        }
    }
}
