package fi.avain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger on a real PostgreSQL: plans, card decisions, clearing and expiry, and the invariants after each. */
class LedgerTest {
    static final String PLAN = """
            {"planId": "%s", "tenant": "t1", "client": {"identityCode": "010190-123M"}, "clientGroup": "disability",
             "cohort": "hb", "period": {"start": "2026-01-01", "end": "2026-12-31"},
             "lines": [
               {"code": "care", "category": "Hoiva", "allocated": "%s", "merchantCategoryCodes": ["8099", "8050"],
                "channels": ["card", "voucher"], "perTransactionLimit": "300.00", "perDayLimit": "500.00"},
               {"code": "leisure", "category": "Vapaa-aika", "allocated": "200.00", "merchantCategoryCodes": ["7997"],
                "channels": ["card"], "period": {"start": "2026-01-01", "end": "2026-06-30"}},
               {"code": "travel", "category": "Matkat", "allocated": "500.00", "merchantCategoryCodes": ["7011"],
                "channels": ["card"]}
             ]}""";

    static LedgerFixture f;
    String planId;
    UUID budgetId;
    String cardId;
    int authorizations;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(8);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void budget() {
        planId = "plan-" + UUID.randomUUID();
        budgetId = f.plan(PLAN.formatted(planId, "1000.00")).budgetId();
        cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        f.inTx(() -> f.cards.register("stripe", cardId, budgetId, CardStatus.ACTIVE));
        // The card answers to a processor of this test's own, so that the settlement totals (per
        // processor and day) in the shared schema are this test's alone.
        f.db.sql("update card set processor = ? where processor_card_id = ?").params(processor(), cardId).update();
    }

    @AfterEach
    void invariantsHold() {
        assertThat(f.invariants.violations()).isEmpty();
    }

    @Test
    void aPlanAllocatesEveryLineFromTheTenantsFunding() {
        BudgetView budget = f.budgets.find(budgetId).orElseThrow();
        assertThat(budget.version()).isEqualTo(1);
        assertThat(budget.lines()).extracting(BudgetView.Line::code).containsExactly("care", "leisure", "travel");
        assertThat(line("care").allocatedCents()).isEqualTo(100000);
        assertThat(line("care").availableCents()).isEqualTo(100000);
        assertThat(f.budgets.entries(budgetId, 0, 10)).hasSize(3)
                .allSatisfy(e -> assertThat(e.creditAccount()).isEqualTo(Accounts.funding("t1")));
    }

    @Test
    void theSamePlanAgainChangesNothing() {
        PlanOutcome again = f.plan(PLAN.formatted(planId, "1000.00"));
        assertThat(again.changed()).isFalse();
        assertThat(again.version()).isEqualTo(1);
        assertThat(f.budgets.entryCount(budgetId)).isEqualTo(3);
    }

    @Test
    void aReplanIsANewVersionThatMovesTheAllocationAndKeepsHistory() {
        approve("a1", 20000, "8099");
        PlanOutcome replan = f.plan(PLAN.formatted(planId, "1500.00"));
        assertThat(replan.version()).isEqualTo(2);
        assertThat(replan.budgetId()).isEqualTo(budgetId);
        assertThat(line("care").allocatedCents()).isEqualTo(150000);
        assertThat(line("care").availableCents()).isEqualTo(130000);
        assertThat(f.db.sql("select count(*) from budget_version where budget_id = ?").param(budgetId)
                .query(Long.class).single()).isEqualTo(2);

        PlanOutcome down = f.plan(PLAN.formatted(planId, "250.00"));
        assertThat(down.version()).isEqualTo(3);
        assertThat(line("care").availableCents()).isEqualTo(5000);
    }

    @Test
    void aReplanCannotTakeALineBelowWhatIsHeldAndSpent() {
        approve("a1", 25000, "8099");
        capture("c1", "a1", 25000);
        approve("a2", 25000, "8099");
        assertThatThrownBy(() -> f.plan(PLAN.formatted(planId, "400.00")))
                .isInstanceOf(ReplanConflictException.class)
                .hasMessageContaining("care by 100.00 EUR")
                .satisfies(e -> assertThat(((ReplanConflictException) e).shortfalls())
                        .containsExactly(new ReplanConflictException.Shortfall("care", 40000, 50000)));
        assertThat(f.budgets.find(budgetId).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anAuthorizationHoldsTheAmountOnTheLineOfItsMerchantCategory() {
        Decision d = decide("a1", 12345, "8099", false);
        assertThat(d.verdict().approved()).isTrue();
        assertThat(d.budgetId()).isEqualTo(budgetId);
        assertThat(line("care").heldCents()).isEqualTo(12345);
        assertThat(line("care").availableCents()).isEqualTo(100000 - 12345);
    }

    @Test
    void aRepeatGetsTheIdenticalAnswerAndNoSecondHold() {
        Decision first = decide("a1", 10000, "8099", false);
        Decision again = decide("a1", 10000, "8099", false);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(line("care").heldCents()).isEqualTo(10000);
    }

    @Test
    void anIncrementalAuthorizationHoldsTheDifference() {
        approve("a1", 10000, "8099");
        Decision more = decide("a1", 15000, "8099", false);
        assertThat(more.verdict().approved()).isTrue();
        assertThat(more.verdict().approvedCents()).isEqualTo(15000);
        assertThat(line("care").heldCents()).isEqualTo(15000);
        assertThatThrownBy(() -> decide("a1", 12000, "8099", false)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("must ask for more than");
    }

    @Test
    void anAuthorizationIdBelongsToTheCardAndMerchantCategoryItWasFirstAskedFor() {
        String other = otherBudgetsCard();
        approve("a1", 30000, "8099");
        // 8050 is allowed on the same line, and yet it is another merchant's request
        for (AuthorizationAttempt reused : List.of(attempt("a1", 30000, "8099", false, other),
                attempt("a1", 30000, "8050", false, cardId), attempt("a1", 40000, "8099", false, other),
                attempt("a1", 40000, "8050", false, cardId), attempt("a1", 100, "8099", false, other))) {
            assertThatThrownBy(() -> f.inTx(() -> f.authorizer.decide(reused, UUID.randomUUID(), Verdict::toString)))
                    .as(reused.toString()).isInstanceOf(IdempotencyConflictException.class)
                    .hasMessageContaining("authorization " + budgetId + "-a1 was asked for another")
                    .satisfies(e -> assertThat(((IdempotencyConflictException) e).key()).isEqualTo(budgetId + "-a1"));
        }
        assertThat(line("care").heldCents()).isEqualTo(30000);
        assertThat(f.db.sql("select coalesce(sum(held_cents), 0) from budget_line where budget_id = (select budget_id "
                + "from card where processor_card_id = ?)").param(other).query(Long.class).single()).isZero();
        assertThat(decide("a1", 30000, "8099", false).duplicate()).isTrue();
        assertThat(f.db.sql("select count(*) from card_authorization where authorization_id = ?")
                .param(budgetId + "-a1").query(Long.class).single()).isEqualTo(1);

        // A declined request holds nothing, and still names the card its id belongs to.
        assertThat(reason(decide("a2", 1000, "7995", false))).isEqualTo(DeclineReason.MERCHANT_CATEGORY_NOT_ALLOWED);
        assertThatThrownBy(() -> f.inTx(() -> f.authorizer.decide(attempt("a2", 2000, "7995", false, other),
                UUID.randomUUID(), Verdict::toString))).isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("another card");
        // nor is another card's timeout recorded under it
        Decision timeout = f.inTx(() -> f.authorizer.recordTimeout(attempt("a2", 1000, "7995", false, other),
                UUID.randomUUID(), "{}"));
        assertThat(timeout.verdict().reason()).isEqualTo(DeclineReason.TIMEOUT);
        assertThat(f.db.sql("select count(*) from card_authorization where authorization_id = ?")
                .param(budgetId + "-a2").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anIncrementalAuthorizationGrowsOnlyItsOwnCardsHold() {
        String other = otherBudgetsCard();
        approve("a1", 10000, "8099");
        // As if the other card's request had claimed the id at the same instant, before this answer was
        // recorded: the hold it finds is not its card's.
        f.db.sql("update card_authorization set processor_card_id = null, merchant_category = null "
                + "where authorization_id = ?").param(budgetId + "-a1").update();
        assertThatThrownBy(() -> f.inTx(() -> f.authorizer.decide(attempt("a1", 20000, "8099", false, other),
                UUID.randomUUID(), Verdict::toString))).isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("another card");
        assertThatThrownBy(() -> decide("a1", 20000, "8050", false)).isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("another merchant category");
        assertThat(line("care").heldCents()).isEqualTo(10000);
        assertThat(decide("a1", 20000, "8099", false).verdict().approved()).isTrue();
        assertThat(line("care").heldCents()).isEqualTo(20000);
    }

    @Test
    void aCardAnswersOnlyToTheProcessorItWasRegisteredWith() {
        Decision other = f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt("generic", budgetId + "-x1", cardId,
                1000, "8099", false, f.clock.instant()), UUID.randomUUID(), Verdict::toString));
        assertThat(reason(other)).isEqualTo(DeclineReason.UNKNOWN_CARD);
        assertThat(line("care").heldCents()).isZero();
        approve("a1", 1000, "8099");
        assertThat(line("care").heldCents()).isEqualTo(1000);

        String sample = "ic_" + UUID.randomUUID().toString().replace("-", "");
        f.inTx(() -> f.cards.registerForAnyProcessor(sample, budgetId, CardStatus.ACTIVE));
        for (String processor : List.of("generic", "stripe")) {
            Decision d = f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt(processor, budgetId + "-" + processor,
                    sample, 1000, "8099", false, f.clock.instant()), UUID.randomUUID(), Verdict::toString));
            assertThat(d.verdict().approved()).as(processor).isTrue();
        }
        assertThat(line("care").heldCents()).isEqualTo(3000);
        assertThatThrownBy(() -> f.inTx(() -> f.cards.register(Cards.ANY_PROCESSOR, "ic_other", budgetId,
                CardStatus.ACTIVE))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void lostAndClosedAreFinalWhileBlockedAndActiveGoBothWays() {
        assertThat(f.inTx(() -> f.cards.setStatus(cardId, CardStatus.BLOCKED)).status()).isEqualTo(CardStatus.BLOCKED);
        assertThat(f.inTx(() -> f.cards.setStatus(cardId, CardStatus.ACTIVE)).status()).isEqualTo(CardStatus.ACTIVE);
        for (CardStatus last : List.of(CardStatus.LOST, CardStatus.CLOSED)) {
            String card = otherBudgetsCard();
            f.inTx(() -> f.cards.setStatus(card, last));
            for (CardStatus next : CardStatus.values()) {
                if (next == last) {
                    assertThat(f.inTx(() -> f.cards.setStatus(card, next)).status()).isEqualTo(last);
                } else {
                    assertThatThrownBy(() -> f.inTx(() -> f.cards.setStatus(card, next))).as(last + " to " + next)
                            .isInstanceOf(LedgerException.class).hasMessageContaining("status is final");
                }
            }
            assertThat(f.cards.find(card).orElseThrow().status()).isEqualTo(last);
        }
        assertThatThrownBy(() -> f.inTx(() -> f.cards.setStatus("ic_nobody", CardStatus.ACTIVE)))
                .isInstanceOf(UnknownBudgetException.class);
    }

    @Test
    void aCardRegisteredAgainWithAnotherProcessorIsAConflict() {
        String card = "ic_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(f.inTx(() -> f.cards.register("generic", card, budgetId, CardStatus.ACTIVE)).created()).isTrue();
        Cards.Registration again = f.inTx(() -> f.cards.register("generic", card, budgetId, CardStatus.ACTIVE));
        assertThat(again.created()).isFalse();
        assertThat(again.card().processor()).isEqualTo("generic");
        assertThatThrownBy(() -> f.inTx(() -> f.cards.register("stripe", card, budgetId, CardStatus.ACTIVE)))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("already registered with processor generic, not stripe");
        assertThat(f.cards.find(card).orElseThrow().processor()).isEqualTo("generic");
    }

    @Test
    void declinesSayWhy() {
        assertThat(reason(decide("a1", 1000, "7995", false))).isEqualTo(DeclineReason.MERCHANT_CATEGORY_NOT_ALLOWED);
        assertThat(reason(decide("a2", 30001, "8099", false))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        // leisure's own period ended in June
        assertThat(reason(decide("a3", 1000, "7997", false))).isEqualTo(DeclineReason.OUTSIDE_BUDGET_PERIOD);
        assertThat(reason(f.inTx(() -> f.authorizer.decide(new AuthorizationAttempt("stripe", "a4", "ic_nobody", 100,
                "8099", false, f.clock.instant()), UUID.randomUUID(), Verdict::toString))))
                .isEqualTo(DeclineReason.UNKNOWN_CARD);
        approve("a5", 30000, "8099");
        approve("a6", 20000, "8099");
        assertThat(reason(decide("a7", 100, "8099", false))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        f.inTx(() -> f.cards.setStatus(cardId, CardStatus.BLOCKED));
        assertThat(reason(decide("a8", 100, "7011", false))).isEqualTo(DeclineReason.CARD_INACTIVE);
        assertThat(line("care").heldCents()).isEqualTo(50000);
    }

    @Test
    void theDailyLimitCountsWhatIsHeldOrSpentNotWhatWasReversed() {
        approve("a1", 30000, "8099");
        capture("c1", "a1", 30000);
        approve("a2", 20000, "8099");
        assertThat(reason(decide("a3", 15000, "8099", false))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        assertThat(clear(ClearingItem.Type.REVERSAL, "v2", "a2", 20000, "8099").outcome())
                .isEqualTo(ClearingOutcome.RELEASED);
        approve("a4", 15000, "8099");
        assertThat(reason(decide("a5", 5001, "8099", false))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        assertThat(line("care").spentCents()).isEqualTo(30000);
        assertThat(line("care").heldCents()).isEqualTo(15000);
    }

    @Test
    void insufficientFundsUnlessTheProcessorTakesAPartialApproval() {
        approve("a1", 45000, "7011");
        assertThat(reason(decide("a2", 10000, "7011", false))).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        Decision partial = decide("a3", 10000, "7011", true);
        assertThat(partial.verdict().approved()).isTrue();
        assertThat(partial.verdict().approvedCents()).isEqualTo(5000);
        assertThat(line("travel").availableCents()).isZero();
    }

    @Test
    void aControllableAmountIsApprovedUpToTheLinesLimits() {
        Decision perPurchase = decide("a1", 40000, "8099", true);
        assertThat(perPurchase.verdict().approved()).isTrue();
        assertThat(perPurchase.verdict().approvedCents()).isEqualTo(30000);
        approve("a2", 15000, "8099");
        Decision perDay = decide("a3", 10000, "8099", true);
        assertThat(perDay.verdict().approved()).isTrue();
        assertThat(perDay.verdict().approvedCents()).isEqualTo(5000);
        assertThat(reason(decide("a4", 1000, "8099", true))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        assertThat(line("care").heldCents()).isEqualTo(50000);
    }

    @Test
    void aControllableIncrementIsApprovedUpToTheLinesLimits() {
        approve("a1", 20000, "8099");
        Decision more = decide("a1", 35000, "8099", true);
        assertThat(more.verdict().approved()).isTrue();
        assertThat(more.verdict().approvedCents()).isEqualTo(30000);
        assertThat(line("care").heldCents()).isEqualTo(30000);
        assertThat(reason(decide("a1", 40000, "8099", true))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        assertThat(reason(decide("a1", 40000, "8099", false))).isEqualTo(DeclineReason.LIMIT_EXCEEDED);
        assertThat(line("care").heldCents()).isEqualTo(30000);
    }

    @Test
    void aBudgetOutsideItsPeriodDeclines() {
        f.clock.advance(Duration.ofDays(60));
        assertThat(reason(decide("a1", 100, "8099", false))).isEqualTo(DeclineReason.OUTSIDE_BUDGET_PERIOD);
        f.clock.advance(Duration.ofDays(-60));
    }

    @Test
    void aTimeoutDeclineIsRecordedSoARepeatGetsItToo() {
        AuthorizationAttempt attempt = attempt("a1", 1000, "8099", false);
        Decision timeout = f.inTx(() -> f.authorizer.recordTimeout(attempt, UUID.randomUUID(), "{\"approved\":false}"));
        assertThat(timeout.verdict().reason()).isEqualTo(DeclineReason.TIMEOUT);
        Decision repeat = f.inTx(() -> f.authorizer.decide(attempt, UUID.randomUUID(), Verdict::toString));
        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.response()).isEqualTo("{\"approved\":false}");
        assertThat(line("care").heldCents()).isZero();
    }

    @Test
    void aFullCaptureTurnsTheHoldIntoASpend() {
        approve("a1", 10000, "8099");
        assertThat(capture("c1", "a1", 10000).outcome()).isEqualTo(ClearingOutcome.CAPTURED);
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").spentCents()).isEqualTo(10000);
        assertThat(capture("c1", "a1", 10000).outcome()).isEqualTo(ClearingOutcome.DUPLICATE);
        assertThat(line("care").spentCents()).isEqualTo(10000);
    }

    @Test
    void aPartialCaptureReleasesTheRestAndLaterPartsAreTakenFromTheLine() {
        approve("a1", 10000, "8099");
        assertThat(capture("c1", "a1", 6000).outcome()).isEqualTo(ClearingOutcome.PARTIALLY_CAPTURED);
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").spentCents()).isEqualTo(6000);
        Clearing.Applied second = capture("c2", "a1", 3000);
        assertThat(second.outcome()).isEqualTo(ClearingOutcome.OVER_CAPTURED);
        assertThat(second.exceptionCents()).isZero();
        assertThat(line("care").spentCents()).isEqualTo(9000);
    }

    @Test
    void anOverCaptureBooksWhatTheLineAllowsAndTheExcessAsAnException() {
        approve("a1", 45000, "7011");
        Clearing.Applied applied = capture("c1", "a1", 60000);
        assertThat(applied.outcome()).isEqualTo(ClearingOutcome.OVER_CAPTURED);
        assertThat(applied.exceptionCents()).isEqualTo(10000);
        assertThat(line("travel").spentCents()).isEqualTo(50000);
        assertThat(line("travel").availableCents()).isZero();
        assertThat(f.exceptions.list("OPEN", "OVER_CAPTURE", 0, 10)).extracting(ReconciliationExceptions.Item::reference)
                .contains("c1-" + budgetId);
    }

    @Test
    void aForcePostBooksWhenTheLineAllowsElseItIsAnException() {
        assertThat(clear(ClearingItem.Type.CAPTURE, "f1", null, 5000, "8099").outcome())
                .isEqualTo(ClearingOutcome.FORCE_POSTED);
        assertThat(line("care").spentCents()).isEqualTo(5000);
        assertThat(clear(ClearingItem.Type.CAPTURE, "f2", null, 60000, "7011").outcome())
                .isEqualTo(ClearingOutcome.EXCEPTION);
        assertThat(line("travel").spentCents()).isZero();
        assertThat(clear(ClearingItem.Type.CAPTURE, "f3", null, 100, "5411").outcome())
                .isEqualTo(ClearingOutcome.EXCEPTION);
    }

    @Test
    void anotherProcessorsRecordForTheCardBooksNothingOnIt() {
        approve("a1", 10000, "8099");
        capture("c1", "a1", 10000);
        ClearingItem forcePost = new ClearingItem("other-" + processor(), "f1-" + budgetId, ClearingItem.Type.CAPTURE,
                null, cardId, 5000, "8099", LocalDate.parse("2026-11-22"), null);
        ClearingItem refund = new ClearingItem("other-" + processor(), "r1-" + budgetId, ClearingItem.Type.REFUND,
                null, cardId, 4000, "8099", LocalDate.parse("2026-11-22"), null);

        Clearing.Applied posted = f.inTx(() -> f.clearing.apply(forcePost, UUID.randomUUID()));
        Clearing.Applied refunded = f.inTx(() -> f.clearing.apply(refund, UUID.randomUUID()));

        assertThat(posted.outcome()).isEqualTo(ClearingOutcome.EXCEPTION);
        assertThat(posted.detail()).isEqualTo("unknown card");
        assertThat(refunded.outcome()).isEqualTo(ClearingOutcome.EXCEPTION);
        assertThat(line("care").spentCents()).isEqualTo(10000);
        assertThat(line("care").availableCents()).isEqualTo(90000);
    }

    @Test
    void aRealTimeReversalMustNameTheCardItsHoldIsOn() {
        String other = otherBudgetsCard();
        approve("a1", 30000, "8099");
        for (String card : List.of(other, "no-such-card")) {
            ClearingItem reversal = new ClearingItem(processor(), "reversal:" + card + "-" + budgetId,
                    ClearingItem.Type.REVERSAL, budgetId + "-a1", card, 5000, null, null, null);
            assertThatThrownBy(() -> f.inTx(() -> f.clearing.reverse(reversal, UUID.randomUUID())))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("must name the card its hold is on");
        }
        assertThat(line("care").heldCents()).isEqualTo(30000);
        ClearingItem own = new ClearingItem(processor(), "reversal:own-" + budgetId, ClearingItem.Type.REVERSAL,
                budgetId + "-a1", cardId, 5000, null, null, null);
        assertThat(f.inTx(() -> f.clearing.reverse(own, UUID.randomUUID())).outcome())
                .isEqualTo(ClearingOutcome.RELEASED);
        assertThat(line("care").heldCents()).isEqualTo(25000);
    }

    @Test
    void aClearingRecordNamingACardOfAnotherBudgetBooksOnNeitherAndIsAnException() {
        String other = otherBudgetsCard();
        UUID otherBudget = f.cards.find(other).orElseThrow().budgetId();
        String sameBudget = "ic_" + UUID.randomUUID().toString().replace("-", "");
        f.inTx(() -> f.cards.register("stripe", sameBudget, budgetId, CardStatus.ACTIVE));
        approve("a1", 10000, "8099");
        approve("a2", 10000, "8099");
        for (ClearingItem.Type type : List.of(ClearingItem.Type.CAPTURE, ClearingItem.Type.REVERSAL)) {
            for (String card : List.of(other, "no-such-card")) {
                Clearing.Applied applied = f.inTx(() -> f.clearing.apply(new ClearingItem(processor(),
                        type + card + "-" + budgetId, type, budgetId + "-a1", card, 4000, "8099",
                        LocalDate.parse("2026-11-22"), null), UUID.randomUUID()));
                assertThat(applied.outcome()).as(type + " " + card).isEqualTo(ClearingOutcome.EXCEPTION);
                assertThat(applied.bookedCents()).isZero();
            }
        }
        assertThat(line("care").heldCents()).isEqualTo(20000);
        assertThat(line("care").spentCents()).isZero();
        assertThat(f.budgets.find(otherBudget).orElseThrow().lines()).allSatisfy(l -> {
            assertThat(l.heldCents()).isZero();
            assertThat(l.spentCents()).isZero();
        });
        assertThat(f.exceptions.list("OPEN", "CARD_MISMATCH", 0, 100)).extracting(ReconciliationExceptions.Item::reference)
                .contains("CAPTURE" + other + "-" + budgetId, "REVERSALno-such-card-" + budgetId);

        // A card of the hold's own budget books on it, as the authorization did.
        assertThat(f.inTx(() -> f.clearing.apply(new ClearingItem(processor(), "c-same-" + budgetId,
                ClearingItem.Type.CAPTURE, budgetId + "-a1", sameBudget, 10000, "8099", LocalDate.parse("2026-11-22"),
                null), UUID.randomUUID())).outcome()).isEqualTo(ClearingOutcome.CAPTURED);
        assertThat(line("care").spentCents()).isEqualTo(10000);
        // A refund found by its authorization is checked the same way.
        assertThat(f.inTx(() -> f.clearing.apply(new ClearingItem(processor(), "r-other-" + budgetId,
                ClearingItem.Type.REFUND, budgetId + "-a1", other, 1000, "8099", LocalDate.parse("2026-11-22"),
                null), UUID.randomUUID())).outcome()).isEqualTo(ClearingOutcome.EXCEPTION);
        assertThat(line("care").spentCents()).isEqualTo(10000);
    }

    @Test
    void aRefundCreditsTheLineBackAndAReversalReleasesOrUndoesTheCapture() {
        approve("a1", 10000, "8099");
        capture("c1", "a1", 10000);
        assertThat(clear(ClearingItem.Type.REFUND, "r1", "a1", 4000, "8099").outcome())
                .isEqualTo(ClearingOutcome.REFUNDED);
        assertThat(line("care").spentCents()).isEqualTo(6000);
        assertThat(clear(ClearingItem.Type.REVERSAL, "v1", "a1", 6000, "8099").outcome())
                .isEqualTo(ClearingOutcome.CAPTURE_REVERSED);
        assertThat(line("care").spentCents()).isZero();

        approve("a2", 7000, "8099");
        assertThat(clear(ClearingItem.Type.REVERSAL, "v2", "a2", 7000, "8099").outcome())
                .isEqualTo(ClearingOutcome.RELEASED);
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").availableCents()).isEqualTo(100000);
    }

    @Test
    void theSettlementTotalIsComparedWithWhatWasBooked() {
        approve("a1", 10000, "8099");
        capture("c1", "a1", 10000);
        approve("a2", 5000, "8099");
        capture("c2", "a2", 5000);
        clear(ClearingItem.Type.REFUND, "r1", "a2", 1000, "8099");
        LocalDate day = LocalDate.parse("2026-11-22");
        Clearing.Applied matched = f.inTx(() -> f.clearing.apply(new ClearingItem(processor(), "s1",
                ClearingItem.Type.SETTLEMENT, null, null, 14000, null, day, 3), UUID.randomUUID()));
        assertThat(matched.outcome()).isEqualTo(ClearingOutcome.SETTLEMENT_MATCHED);
        Clearing.Applied off = f.inTx(() -> f.clearing.apply(new ClearingItem(processor(), "s2",
                ClearingItem.Type.SETTLEMENT, null, null, 15000, null, day, 3), UUID.randomUUID()));
        assertThat(off.outcome()).isEqualTo(ClearingOutcome.SETTLEMENT_MISMATCH);
        assertThat(off.detail()).contains("difference 10.00 EUR");
    }

    @Test
    void holdsExpireAfterTheirMerchantGroupsTimeAndAreReleased() {
        approve("a1", 10000, "8099");
        approve("a2", 10000, "7011");
        f.clock.advance(Duration.ofDays(8));
        try {
            List<UUID> due = f.expiry.due(100);
            List<HoldExpiry.Expired> expired = due.stream().map(id -> f.inTx(() -> f.expiry.expire(id))).toList();
            assertThat(expired).extracting(HoldExpiry.Expired::reference)
                    .contains(processor() + ":" + budgetId + "-a1").doesNotContain(processor() + ":" + budgetId + "-a2");
            assertThat(line("care").heldCents()).isZero();
            assertThat(line("travel").heldCents()).isEqualTo(10000);
            assertThat(f.inTx(() -> f.expiry.expire(due.get(0)))).isNull();
        } finally {
            f.clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void correctionsMoveTheAllocationOrTheSpendOnceAndNeverBelowZero() {
        Corrections corrections = new Corrections(f.db, f.ledger);
        String key = "fix-" + budgetId;
        assertThat(f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION, 5000, key,
                UUID.randomUUID()))).isPresent();
        assertThat(f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION, 5000, key,
                UUID.randomUUID()))).isEmpty();
        assertThat(line("care").allocatedCents()).isEqualTo(105000);
        f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.SPEND, 2000, key + "-s", null));
        assertThat(line("care").spentCents()).isEqualTo(2000);
        assertThatThrownBy(() -> f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.SPEND, -3000,
                key + "-t", null))).isInstanceOf(LedgerException.class).hasMessageContaining("only 20.00 EUR spent");
        assertThatThrownBy(() -> f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION,
                -200000, key + "-u", null))).isInstanceOf(LedgerException.class);
        assertThat(line("care").availableCents()).isEqualTo(103000);
    }

    @Test
    void aCorrectionIdNamesOneCorrectionAndAnotherUnderItIsAConflict() {
        Corrections corrections = new Corrections(f.db, f.ledger);
        String key = "fix-" + budgetId;
        assertThat(f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION, -1000, key,
                UUID.randomUUID()))).isPresent();
        UUID otherBudget = f.plan(PLAN.formatted("plan-" + UUID.randomUUID(), "1000.00")).budgetId();
        record Reuse(UUID budget, String line, Corrections.Kind kind, long cents) {
        }
        for (Reuse reuse : List.of(new Reuse(budgetId, "care", Corrections.Kind.ALLOCATION, -50000),
                new Reuse(budgetId, "care", Corrections.Kind.ALLOCATION, 1000),
                new Reuse(budgetId, "care", Corrections.Kind.SPEND, -1000),
                new Reuse(budgetId, "travel", Corrections.Kind.ALLOCATION, -1000),
                new Reuse(otherBudget, "care", Corrections.Kind.ALLOCATION, -1000))) {
            assertThatThrownBy(() -> f.inTx(() -> corrections.correct(reuse.budget(), reuse.line(), reuse.kind(),
                    reuse.cents(), key, UUID.randomUUID()))).as(reuse.toString())
                    .isInstanceOf(IdempotencyConflictException.class)
                    .hasMessageContaining("correctionId " + key + " was booked for another correction")
                    .satisfies(e -> assertThat(((IdempotencyConflictException) e).field()).isEqualTo("correctionId"));
        }
        assertThat(line("care").allocatedCents()).isEqualTo(99000);
        assertThat(line("travel").allocatedCents()).isEqualTo(50000);
        // The same correction again books nothing, even when the line could not take it now.
        approve("a1", 30000, "8099");
        f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION, -69000, key + "-all", null));
        assertThat(line("care").availableCents()).isZero();
        assertThat(f.inTx(() -> corrections.correct(budgetId, "care", Corrections.Kind.ALLOCATION, -1000, key,
                UUID.randomUUID()))).isEmpty();
    }

    // --- helpers: authorization and record ids are made unique per budget, since the schema is shared

    private AuthorizationAttempt attempt(String id, long cents, String mcc, boolean controllable) {
        return attempt(id, cents, mcc, controllable, cardId);
    }

    private AuthorizationAttempt attempt(String id, long cents, String mcc, boolean controllable, String card) {
        return new AuthorizationAttempt(processor(), budgetId + "-" + id, card, cents, mcc, controllable,
                f.clock.instant());
    }

    /** A card of this test's processor on the budget of another plan, with money on every line. */
    private String otherBudgetsCard() {
        UUID otherBudget = f.plan(PLAN.formatted("plan-" + UUID.randomUUID(), "1000.00")).budgetId();
        String other = "ic_" + UUID.randomUUID().toString().replace("-", "");
        f.inTx(() -> f.cards.register("stripe", other, otherBudget, CardStatus.ACTIVE));
        f.db.sql("update card set processor = ? where processor_card_id = ?").params(processor(), other).update();
        return other;
    }

    private Decision decide(String id, long cents, String mcc, boolean controllable) {
        authorizations++;
        return f.inTx(() -> f.authorizer.decide(attempt(id, cents, mcc, controllable), UUID.randomUUID(),
                v -> "{\"approved\":" + v.approved() + ",\"reason\":\"" + v.reason() + "\"}"));
    }

    private void approve(String id, long cents, String mcc) {
        assertThat(decide(id, cents, mcc, false).verdict().approved()).as("approved " + id).isTrue();
    }

    private static DeclineReason reason(Decision d) {
        assertThat(d.verdict().approved()).isFalse();
        return d.verdict().reason();
    }

    private Clearing.Applied capture(String recordId, String authorizationId, long cents) {
        return clear(ClearingItem.Type.CAPTURE, recordId, authorizationId, cents, "8099");
    }

    private Clearing.Applied clear(ClearingItem.Type type, String recordId, String authorizationId, long cents,
                                   String mcc) {
        ClearingItem item = new ClearingItem(processor(), recordId + "-" + budgetId, type,
                authorizationId == null ? null : budgetId + "-" + authorizationId, cardId, cents, mcc,
                LocalDate.parse("2026-11-22"), null);
        return f.inTx(() -> f.clearing.apply(item, UUID.randomUUID()));
    }

    private BudgetView.Line line(String code) {
        return f.budgets.find(budgetId).orElseThrow().lines().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private String processor() {
        return "p-" + budgetId.toString().substring(0, 8);
    }
}
