package fi.avain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.budget.VoucherRefusedException.Refusal;
import fi.avain.budget.VoucherRequests.Event;
import fi.avain.budget.VoucherRequests.Request;
import fi.avain.budget.Vouchers.EventResult;
import fi.avain.budget.Vouchers.VoucherView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two transactions at once on the last of a multi-use voucher: one takes it, the other is told so. */
class ConcurrentVoucherEventsTest {
    static final int ROUNDS = 10;
    static LedgerFixture f;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(4);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void twoEventsForTheLastOfTheBalanceApplyOneAndRefuseTheOther() throws Exception {
        UUID budgetId = VoucherRequests.budget(f);
        List<String> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                VoucherView v = issued(budgetId);
                f.inTx(() -> f.vouchers.recordEvent(new Event(v.id()).charged(4000).build(), UUID.randomUUID()));
                // two different events, each for 50.00 of the 60.00 left
                outcomes.addAll(race(pool, new Event(v.id()), new Event(v.id())));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn("APPLIED"::equals).hasSize(ROUNDS);
        assertThat(outcomes).filteredOn(Refusal.OVER_BALANCE.name()::equals).hasSize(ROUNDS);
        BudgetView.Line care = f.line(budgetId, "care");
        assertThat(care.spentCents()).isEqualTo(ROUNDS * 9000L);
        assertThat(care.heldCents()).isEqualTo(ROUNDS * 1000L);
        assertThat(f.invariants.violations()).isEmpty();
    }

    @Test
    void theSameEventTwiceAtOnceAppliesOnce() throws Exception {
        UUID budgetId = VoucherRequests.budget(f);
        VoucherView v = issued(budgetId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Event event = new Event(v.id());
        try {
            assertThat(race(pool, event, event)).containsExactlyInAnyOrder("APPLIED", "DUPLICATE");
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.vouchers.find(v.id()).orElseThrow().remainingCents()).isEqualTo(5000);
        assertThat(f.invariants.violations()).isEmpty();
    }

    private static VoucherView issued(UUID budgetId) {
        VoucherView v = f.inTx(() -> f.vouchers.reserve(new Request(budgetId).multi("care", 10000).build(),
                UUID.randomUUID()));
        return f.inTx(() -> f.vouchers.issued(v.id(), "PS-" + v.id()));
    }

    /** Both transactions are open before either records its event. */
    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records both events in their own transactions, started together; the result or refusal of each. */
    private static List<String> race(ExecutorService pool, Event first, Event second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (Event event : List.of(first, second)) {
            results.add(pool.submit(() -> {
                try {
                    EventResult result = f.inTx(() -> {
                        await(start);
                        return f.vouchers.recordEvent(event.build(), UUID.randomUUID());
                    }).result();
                    return result.name();
                } catch (VoucherRefusedException e) {
                    return e.refusal().name();
                }
            }));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> result : results) {
            out.add(result.get(30, TimeUnit.SECONDS));
        }
        return out;
    }
}
