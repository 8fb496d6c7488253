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
}
