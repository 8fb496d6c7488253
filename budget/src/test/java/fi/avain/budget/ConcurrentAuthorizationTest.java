package fi.avain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many transactions at once on one small line: it never goes below zero and every answer is recorded once. */
class ConcurrentAuthorizationTest {
    static LedgerFixture f;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(16);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void concurrentRequestsWithDuplicatesNeverOverspendAndRepeatsGetTheSameAnswer() throws Exception {
        UUID budget = f.plan(LedgerTest.PLAN.formatted("concurrent", "100.00")).budgetId();
        f.inTx(() -> f.cards.register("generic", "card-c", budget, CardStatus.ACTIVE));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, String> answers = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // every authorization is sent twice, so half the requests are duplicates racing their original
            String id = "auth-" + (i / 2);
            long cents = 700 + (i / 2) % 5 * 100;
            work.add(pool.submit(() -> {
                Decision d = f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt("generic", id, "card-c", cents,
                        "8099", false, f.clock.instant()), UUID.randomUUID(),
                        v -> v.approved() + ":" + v.approvedCents() + ":" + v.reason()));
                String previous = answers.putIfAbsent(id, d.response());
                if (previous != null) {
                    assertThat(d.response()).as("repeat of " + id).isEqualTo(previous);
                }
            }));
        }
        for (Future<?> w : work) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long approved = f.db.sql("""
                        select coalesce(sum(approved_cents), 0) from card_authorization
                        where processor = 'generic' and approved""").query(Long.class).single();
        BudgetView.Line care = f.budgets.find(budget).orElseThrow().lines().stream()
                .filter(l -> l.code().equals("care")).findFirst().orElseThrow();
        assertThat(care.heldCents()).isEqualTo(approved);
        assertThat(care.availableCents()).isGreaterThanOrEqualTo(0).isLessThan(700);
        assertThat(answers).hasSize(200);
        assertThat(f.db.sql("select count(*) from card_authorization where processor = 'generic'")
                .query(Long.class).single()).isEqualTo(200);
        assertThat(f.invariants.violations()).isEmpty();
    }

    @Test
    void oneAuthorizationIdAskedForTwoCardsAtOnceHoldsOnOneOfThemOnly() throws Exception {
        UUID first = f.plan(LedgerTest.PLAN.formatted("twins-1", "1000.00")).budgetId();
        UUID second = f.plan(LedgerTest.PLAN.formatted("twins-2", "1000.00")).budgetId();
        f.inTx(() -> f.cards.register("stripe", "card-t1", first, CardStatus.ACTIVE));
        f.inTx(() -> f.cards.register("stripe", "card-t2", second, CardStatus.ACTIVE));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Stripe's, so as not to mix with the test above; the two cards ask for different totals, so neither is taken for a repeat of the other
            String id = "twin-" + (i / 2);
            String card = i % 2 == 0 ? "card-t1" : "card-t2";
            long cents = i % 2 == 0 ? 100 : 200;
            work.add(pool.submit(() -> {
                try {
                    f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt("stripe", id, card, cents, "8099",
                            false, f.clock.instant()), UUID.randomUUID(), v -> String.valueOf(v.approved())));
                } catch (IdempotencyConflictException | org.springframework.dao.DuplicateKeyException e) {
                    // refused, or lost the race for the id's hold: either way nothing of it is kept
                }
            }));
        }
        for (Future<?> w : work) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(f.db.sql("""
                        select count(*) from ledger_hold h join card c on c.id = h.card_id
                        where h.reference like 'stripe:twin-%' and c.budget_id <> h.budget_id""")
                .query(Long.class).single()).isZero();
        assertThat(f.db.sql("""
                        select count(*) from card_authorization a join ledger_hold h on h.id = a.hold_id
                        where a.authorization_id like 'twin-%' and a.card_id <> h.card_id""")
                .query(Long.class).single()).isZero();
        long held = f.db.sql("select coalesce(sum(remaining_cents), 0) from ledger_hold where reference like "
                + "'stripe:twin-%'").query(Long.class).single();
        long approved = f.db.sql("""
                        select coalesce(sum(approved_cents), 0) from card_authorization
                        where authorization_id like 'twin-%' and approved""").query(Long.class).single();
        assertThat(held).isEqualTo(approved).isPositive();
        assertThat(f.db.sql("select count(*) from ledger_hold where reference like 'stripe:twin-%'")
                .query(Long.class).single()).isEqualTo(100);
        assertThat(f.invariants.violations()).isEmpty();
    }
}
