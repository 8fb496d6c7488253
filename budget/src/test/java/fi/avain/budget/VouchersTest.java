package fi.avain.budget;

import static fi.avain.budget.VoucherRequests.FROM;
import static fi.avain.budget.VoucherRequests.HOME_CARE;
import static fi.avain.budget.VoucherRequests.MEALS;
import static fi.avain.budget.VoucherRequests.OTHER_PROVIDER;
import static fi.avain.budget.VoucherRequests.PROVIDER;
import static fi.avain.budget.VoucherRequests.THERAPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.budget.VoucherRefusedException.Refusal;
import fi.avain.budget.VoucherRequests.Event;
import fi.avain.budget.VoucherRequests.Request;
import fi.avain.budget.Vouchers.EventOutcome;
import fi.avain.budget.Vouchers.EventResult;
import fi.avain.budget.Vouchers.EventStatus;
import fi.avain.budget.Vouchers.EventView;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vouchers on a real PostgreSQL: reservation, issue, acceptance, events, cancellation, expiry. */
class VouchersTest {
    static LedgerFixture f;
    UUID budgetId;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(4);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void budget() {
        budgetId = VoucherRequests.budget(f);
    }

    @AfterEach
    void invariantsHold() {
        assertThat(f.invariants.violations()).isEmpty();
    }

    @Test
    void reservingHoldsTheVouchersValueOnItsLine() {
        VoucherView v = reserve(new Request(budgetId));
        assertThat(v.id()).matches("V-[A-Z2-7]{12}");
        assertThat(v.status()).isEqualTo(VoucherStatus.REQUESTED);
        assertThat(v.valueCents()).isEqualTo(10000);
        assertThat(v.remainingCents()).isEqualTo(10000);
        assertThat(v.tenant()).isEqualTo("t1");
        assertThat(v.lineCode()).isEqualTo("care");
        assertThat(v.serviceClasses()).containsExactly(HOME_CARE, MEALS);
        assertThat(line("care").heldCents()).isEqualTo(10000);
        assertThat(line("care").availableCents()).isEqualTo(90000);
        assertThat(f.db.sql("select channel, expires_at from ledger_hold where reference = ?").param(v.id())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getTimestamp(2)).single()).isEqualTo("voucher:null");
        assertThat(f.ledger.booked("voucher:reserve:" + v.id())).isTrue();
    }

    @Test
    void aRepeatedRequestKeyAnswersTheSameVoucherAndHoldsNothingMore() {
        Request request = new Request(budgetId);
        VoucherView first = reserve(request);
        assertThat(reserve(request)).isEqualTo(first);
        request.quantity = 3;
        assertThatThrownBy(() -> reserve(request)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("requestId");
        assertThat(line("care").heldCents()).isEqualTo(10000);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("an unknown line", r -> r.line = "garden", "lineCode"),
                invalid("a line without vouchers", r -> r.line = "shop", "does not take vouchers"),
                invalid("a class the line does not allow", r -> r.classes = Set.of(THERAPY), "serviceClasses"),
                invalid("no kind", r -> r.kind = null, "kind"),
                invalid("no unit value", r -> r.unit = 0, "unitValue"),
                invalid("no units", r -> r.quantity = 0, "quantity"),
                invalid("a multi-use voucher without a balance", r -> r.multi("care", 0), "balance"),
                invalid("validity ending before it starts", r -> r.until = FROM.minusDays(1), "validFrom"),
                invalid("validity beyond the line", r -> r.until = LocalDate.parse("2027-01-31"), "period"),
                invalid("validity after the line's period", r -> r.line = "spring", "period"),
                invalid("no validity", r -> r.from = null, "validFrom"),
                invalid("a provider with a wrong check digit", r -> r.provider = "1234567-2", "providerBusinessId"),
                invalid("no request key", r -> r.key = " ", "requestKey"),
                invalid("no budget", r -> r.budgetId = null, "budgetId"));
    }

    private static Arguments invalid(String name, Consumer<Request> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestsAreRefusedNamingTheFieldAndReserveNothing(String name, Consumer<Request> change,
                                                                 String field) {
        Request request = new Request(budgetId);
        change.accept(request);
        assertThatThrownBy(() -> reserve(request)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(field);
        assertThat(f.db.sql("select count(*) from voucher where budget_id = ?").param(budgetId).query(Long.class)
                .single()).isZero();
        assertThat(f.budgets.lines(budgetId)).allSatisfy(l -> assertThat(l.heldCents()).isZero());
    }

    @Test
    void anUnknownBudgetIsNotFound() {
        Request request = new Request(UUID.randomUUID());
        assertThatThrownBy(() -> reserve(request)).isInstanceOf(UnknownBudgetException.class);
    }

    @Test
    void aVoucherBeyondWhatTheLineHasIsRefusedSayingWhatIsAvailable() {
        assertThatThrownBy(() -> reserve(new Request(budgetId).multi("therapy", 60000)))
                .isInstanceOf(InsufficientFundsException.class)
                .hasMessage("line therapy has 500.00 EUR available, 600.00 EUR was asked");
        assertThat(line("therapy").heldCents()).isZero();
    }

    @Test
    void aServiceClassMayBeNamedByItsCode() {
        Request request = new Request(budgetId);
        request.classes = Set.of("P6.11");
        assertThat(reserve(request).serviceClasses()).containsExactly(MEALS);
    }

    @Test
    void issuingRecordsTheVoucherSystemsNumberOnce() {
        VoucherView v = reserve(new Request(budgetId));
        VoucherView issued = f.inTx(() -> f.vouchers.issued(v.id(), "PS-1001"));
        assertThat(issued.status()).isEqualTo(VoucherStatus.ISSUED);
        assertThat(issued.voucherNumber()).isEqualTo("PS-1001");
        assertThat(f.inTx(() -> f.vouchers.issued(v.id(), "PS-1001"))).isEqualTo(issued);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issued(v.id(), "PS-2002")))).isEqualTo(Refusal.INVALID_REQUEST);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issued("V-NOSUCHVOUCHR", "PS-1"))))
                .isEqualTo(Refusal.UNKNOWN_VOUCHER);
    }

    @Test
    void aFailedIssueReleasesTheReservationAndReopeningReservesItAgainOnce() {
        VoucherView v = reserve(new Request(budgetId));
        VoucherView failed = f.inTx(() -> f.vouchers.issueFailed(v.id(), "voucher system unavailable"));
        assertThat(failed.status()).isEqualTo(VoucherStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("voucher system unavailable");
        assertThat(failed.remainingCents()).isZero();
        assertThat(line("care").heldCents()).isZero();
        assertThat(f.inTx(() -> f.vouchers.issueFailed(v.id(), "again"))).isEqualTo(failed);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issued(v.id(), "PS-1"))))
                .isEqualTo(Refusal.VOUCHER_NOT_ISSUED);

        assertThat(f.inTx(() -> f.vouchers.reopen(v.id())).status()).isEqualTo(VoucherStatus.REQUESTED);
        assertThat(f.inTx(() -> f.vouchers.reopen(v.id())).remainingCents()).isEqualTo(10000);
        assertThat(line("care").heldCents()).isEqualTo(10000);

        // a second failure after the reopening is its own movement
        f.inTx(() -> f.vouchers.issueFailed(v.id(), "timeout"));
        assertThat(line("care").heldCents()).isZero();
        f.inTx(() -> f.vouchers.reopen(v.id()));
        assertThat(f.inTx(() -> f.vouchers.issued(v.id(), "PS-1")).status()).isEqualTo(VoucherStatus.ISSUED);
        assertThat(line("care").heldCents()).isEqualTo(10000);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issueFailed(v.id(), "late")))).isEqualTo(Refusal.INVALID_REQUEST);
    }

    @Test
    void reopeningNeedsTheLineToStillHaveTheValue() {
        VoucherView first = reserve(new Request(budgetId).multi("therapy", 30000));
        f.inTx(() -> f.vouchers.issueFailed(first.id(), "timeout"));
        reserve(new Request(budgetId).multi("therapy", 30000));
        assertThatThrownBy(() -> f.inTx(() -> f.vouchers.reopen(first.id())))
                .isInstanceOf(InsufficientFundsException.class).hasMessageContaining("200.00 EUR available");
        assertThat(f.vouchers.find(first.id()).orElseThrow().status()).isEqualTo(VoucherStatus.FAILED);
        assertThat(line("therapy").heldCents()).isEqualTo(30000);
    }

    @Test
    void aSingleUseVoucherIsAcceptedByOneProviderOnly() {
        VoucherView v = issue(new Request(budgetId));
        VoucherView accepted = accept(v.id(), PROVIDER);
        assertThat(accepted.status()).isEqualTo(VoucherStatus.ACCEPTED);
        assertThat(accepted.acceptedBy()).containsExactly(PROVIDER);
        assertThat(accept(v.id(), PROVIDER)).isEqualTo(accepted);
        assertThat(refusal(() -> accept(v.id(), OTHER_PROVIDER))).isEqualTo(Refusal.PROVIDER_NOT_ALLOWED);
        assertThat(refusal(() -> accept(v.id(), "1234567-2"))).isEqualTo(Refusal.INVALID_REQUEST);
        assertThat(refusal(() -> accept("V-NOSUCHVOUCHR", PROVIDER))).isEqualTo(Refusal.UNKNOWN_VOUCHER);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.accept(v.id(), PROVIDER, LocalDate.parse("2027-01-01")))))
                .isEqualTo(Refusal.VOUCHER_EXPIRED);
    }

    @Test
    void aVoucherNamingItsProviderIsForThatProviderOnly() {
        Request request = new Request(budgetId);
        request.provider = PROVIDER;
        VoucherView v = issue(request);
        assertThat(v.providerBusinessId()).isEqualTo(PROVIDER);
        assertThat(refusal(() -> accept(v.id(), OTHER_PROVIDER))).isEqualTo(Refusal.PROVIDER_NOT_ALLOWED);
        assertThat(accept(v.id(), PROVIDER).acceptedBy()).containsExactly(PROVIDER);
    }

    @Test
    void aMultiUseVoucherIsAcceptedBySeveralProviders() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        accept(v.id(), PROVIDER);
        assertThat(accept(v.id(), OTHER_PROVIDER).acceptedBy()).containsExactly(PROVIDER, OTHER_PROVIDER);
    }

    @Test
    void onlyAnIssuedVoucherCanBeAccepted() {
        VoucherView requested = reserve(new Request(budgetId));
        assertThat(refusal(() -> accept(requested.id(), PROVIDER))).isEqualTo(Refusal.VOUCHER_NOT_ISSUED);
        VoucherView cancelled = issue(new Request(budgetId));
        f.inTx(() -> f.vouchers.cancel(cancelled.id(), "cancel-1", UUID.randomUUID()));
        assertThat(refusal(() -> accept(cancelled.id(), PROVIDER))).isEqualTo(Refusal.VOUCHER_CANCELLED);
        VoucherView expired = issue(new Request(budgetId));
        f.inTx(() -> f.vouchers.expire(expired.id(), null, UUID.randomUUID()));
        assertThat(refusal(() -> accept(expired.id(), PROVIDER))).isEqualTo(Refusal.VOUCHER_EXPIRED);
        assertThat(f.vouchers.find(requested.id()).orElseThrow().acceptedBy()).isEmpty();
    }

    @Test
    void aSingleUseVoucherIsSpentByItsEventsUntilNothingRemains() {
        VoucherView v = issue(new Request(budgetId));
        accept(v.id(), PROVIDER);
        EventOutcome first = record(new Event(v.id()).charged(6000));
        assertThat(first.result()).isEqualTo(EventResult.APPLIED);
        assertThat(first.remainingCents()).isEqualTo(4000);
        assertThat(line("care").heldCents()).isEqualTo(4000);
        assertThat(line("care").spentCents()).isEqualTo(6000);
        assertThat(record(new Event(v.id()).charged(4000)).remainingCents()).isZero();
        assertThat(holdStatus(v.id())).isEqualTo("CLOSED");
        VoucherView spent = f.vouchers.find(v.id()).orElseThrow();
        assertThat(spent.spentCents()).isEqualTo(10000);
        assertThat(spent.status()).isEqualTo(VoucherStatus.ACCEPTED);
        assertThatThrownBy(() -> record(new Event(v.id()).charged(1))).isInstanceOf(VoucherRefusedException.class)
                .hasMessageContaining("nothing remains");
        assertThat(line("care").spentCents()).isEqualTo(10000);
        assertThat(line("care").heldCents()).isZero();
    }

    @Test
    void aMultiUseVoucherTakesEventsFromEveryProviderThatUsesIt() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        record(new Event(v.id()).charged(3000));
        Event meal = new Event(v.id()).charged(2000);
        meal.provider = OTHER_PROVIDER;
        meal.serviceClass = MEALS;
        assertThat(record(meal).remainingCents()).isEqualTo(15000);
        VoucherView after = f.vouchers.find(v.id()).orElseThrow();
        assertThat(after.acceptedBy()).containsExactlyInAnyOrder(PROVIDER, OTHER_PROVIDER);
        assertThat(after.status()).isEqualTo(VoucherStatus.ACCEPTED);
        assertThat(f.vouchers.events(v.id())).extracting(EventView::chargedCents).containsExactly(3000L, 2000L);
        assertThat(line("care").spentCents()).isEqualTo(5000);
    }

    @Test
    void aSingleUseVoucherUsedByOneProviderRefusesAnother() {
        VoucherView v = issue(new Request(budgetId));
        record(new Event(v.id()).charged(1000));
        Event other = new Event(v.id());
        other.provider = OTHER_PROVIDER;
        assertThat(refusal(() -> record(other))).isEqualTo(Refusal.PROVIDER_NOT_ALLOWED);
    }

    static Stream<Arguments> refusedEvents() {
        return Stream.of(
                refused("an unknown voucher", e -> e.voucherId = "V-NOSUCHVOUCHR", Refusal.UNKNOWN_VOUCHER),
                refused("no event id", e -> e.eventId = "", Refusal.INVALID_REQUEST),
                refused("no units", e -> e.quantity = 0, Refusal.INVALID_REQUEST),
                refused("nothing charged", e -> e.charged = 0, Refusal.INVALID_REQUEST),
                refused("a negative client's share", e -> e.share = -100, Refusal.INVALID_REQUEST),
                refused("a price the parts do not add up to", e -> e.price = 7000L, Refusal.INVALID_REQUEST),
                refused("a provider with a wrong check digit", e -> e.provider = "1234567-2", Refusal.INVALID_REQUEST),
                refused("a service before the validity", e -> e.day = FROM.minusDays(1), Refusal.INVALID_REQUEST),
                refused("a service after the validity", e -> e.day = LocalDate.parse("2027-01-01"),
                        Refusal.VOUCHER_EXPIRED),
                refused("another provider", e -> e.provider = OTHER_PROVIDER, Refusal.PROVIDER_NOT_ALLOWED),
                refused("a service class of another line", e -> e.serviceClass = THERAPY,
                        Refusal.SERVICE_CLASS_NOT_ALLOWED),
                refused("more than remains", e -> e.charged = 15000, Refusal.OVER_BALANCE));
    }

    private static Arguments refused(String name, Consumer<Event> change, Refusal refusal) {
        return Arguments.of(name, change, refusal);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEvents")
    void eventsBreakingARuleAreRefusedAndChangeNothing(String name, Consumer<Event> change, Refusal expected) {
        Request request = new Request(budgetId);
        request.provider = PROVIDER;
        VoucherView v = issue(request);
        Event event = new Event(v.id());
        change.accept(event);
        assertThat(refusal(() -> record(event))).isEqualTo(expected);
        assertUnchanged(v);
    }

    @Test
    void theRefusalSaysHowMuchRemains() {
        VoucherView v = issue(new Request(budgetId));
        record(new Event(v.id()).charged(5000));
        assertThatThrownBy(() -> record(new Event(v.id()).charged(8000)))
                .hasMessage("the event's 80.00 EUR exceeds the voucher's remaining balance of 50.00 EUR");
    }

    @Test
    void eventsNeedAnIssuedVoucherThatWasNotCancelled() {
        VoucherView requested = reserve(new Request(budgetId));
        assertThat(refusal(() -> record(new Event(requested.id())))).isEqualTo(Refusal.VOUCHER_NOT_ISSUED);
        assertUnchanged(requested);
        VoucherView cancelled = issue(new Request(budgetId));
        f.inTx(() -> f.vouchers.cancel(cancelled.id(), "c", UUID.randomUUID()));
        assertThat(refusal(() -> record(new Event(cancelled.id())))).isEqualTo(Refusal.VOUCHER_CANCELLED);
        assertThat(f.vouchers.events(cancelled.id())).isEmpty();
    }

    @Test
    void theClientsShareIsRecordedAlwaysAndBookedOnlyWhereTheLinePaysIt() {
        VoucherView care = issue(new Request(budgetId).multi("care", 20000));
        Event withShare = new Event(care.id()).charged(5000);
        withShare.share = 1000;
        EventOutcome notCharged = record(withShare);
        assertThat(notCharged.clientShareBookedCents()).isZero();
        assertThat(f.vouchers.events(care.id()).get(0).clientShareCents()).isEqualTo(1000);
        assertThat(line("care").spentCents()).isEqualTo(5000);

        VoucherView therapy = issue(new Request(budgetId).multi("therapy", 20000));
        Event session = new Event(therapy.id()).charged(5000);
        session.serviceClass = THERAPY;
        session.share = 1000;
        EventOutcome charged = record(session);
        assertThat(charged.clientShareBookedCents()).isEqualTo(1000);
        assertThat(charged.remainingCents()).isEqualTo(15000);
        assertThat(line("therapy").spentCents()).isEqualTo(6000);
        assertThat(line("therapy").availableCents()).isEqualTo(50000 - 20000 - 1000);
    }

    @Test
    void aClientsShareTheLineCannotPayIsRefused() {
        VoucherView v = issue(new Request(budgetId).multi("therapy", 45000));
        Event session = new Event(v.id()).charged(4000);
        session.serviceClass = THERAPY;
        session.share = 6000;
        assertThatThrownBy(() -> record(session)).isInstanceOf(VoucherRefusedException.class)
                .hasMessageContaining("exceeds the 50.00 EUR available on line therapy")
                .satisfies(e -> assertThat(((VoucherRefusedException) e).refusal())
                        .isEqualTo(Refusal.INSUFFICIENT_FUNDS));
        assertUnchanged(v);
    }

    @Test
    void aRepeatedEventAnswersTheFirstOutcomeAndSpendsNothingMore() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        Event visit = new Event(v.id()).charged(3000);
        EventOutcome first = record(visit);
        record(new Event(v.id()).charged(1000));
        EventOutcome again = record(visit);
        assertThat(again.result()).isEqualTo(EventResult.DUPLICATE);
        assertThat(again.chargedCents()).isEqualTo(first.chargedCents());
        assertThat(again.remainingCents()).isEqualTo(first.remainingCents());
        assertThat(line("care").spentCents()).isEqualTo(4000);
        visit.charged = 3500;
        assertThat(refusal(() -> record(visit))).isEqualTo(Refusal.INVALID_REQUEST);
        assertThat(f.vouchers.events(v.id())).hasSize(2);
    }

    @Test
    void anExpiredVoucherTakesEventsOfItsValidityDuringTheGracePeriodOnly() {
        Request request = new Request(budgetId).multi("care", 20000);
        request.until = LocalDate.parse("2026-11-20");
        VoucherView v = issue(request);
        VoucherView expired = f.inTx(() -> f.vouchers.expire(v.id(), LocalDate.parse("2026-11-21"), UUID.randomUUID()));
        assertThat(expired.status()).isEqualTo(VoucherStatus.EXPIRED);
        assertThat(line("care").heldCents()).isEqualTo(20000);

        // today is 2026-11-23: within 30 days of the last valid day, past 2 days
        assertThat(record(new Event(v.id()).charged(2000)).result()).isEqualTo(EventResult.APPLIED);
        Vouchers shortGrace = new Vouchers(f.db, f.ledger, 2);
        assertThat(refusal(() -> f.inTx(() -> shortGrace.recordEvent(new Event(v.id()).build(), UUID.randomUUID()))))
                .isEqualTo(Refusal.VOUCHER_EXPIRED);
        Event late = new Event(v.id());
        late.day = LocalDate.parse("2026-11-21");
        assertThat(refusal(() -> record(late))).isEqualTo(Refusal.VOUCHER_EXPIRED);

        assertThat(f.inTx(() -> f.vouchers.releaseExpired(v.id(), LocalDate.parse("2026-12-21"), 30))).isEqualTo(18000);
        assertThat(refusal(() -> record(new Event(v.id()).charged(100)))).isEqualTo(Refusal.VOUCHER_EXPIRED);
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").spentCents()).isEqualTo(2000);
    }

    @Test
    void cancellingAfterPartialUseReleasesWhatRemains() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        record(new Event(v.id()).charged(5000));
        VoucherView cancelled = f.inTx(() -> f.vouchers.cancel(v.id(), "cancel-" + v.id(), UUID.randomUUID()));
        assertThat(cancelled.status()).isEqualTo(VoucherStatus.CANCELLED);
        assertThat(cancelled.remainingCents()).isZero();
        assertThat(cancelled.spentCents()).isEqualTo(5000);
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").availableCents()).isEqualTo(95000);
        assertThat(f.inTx(() -> f.vouchers.cancel(v.id(), "cancel-" + v.id(), UUID.randomUUID()))).isEqualTo(cancelled);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.expire(v.id(), null, UUID.randomUUID()))))
                .isEqualTo(Refusal.VOUCHER_CANCELLED);
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.cancel("V-NOSUCHVOUCHR", "k", UUID.randomUUID()))))
                .isEqualTo(Refusal.UNKNOWN_VOUCHER);
        assertThat(line("care").availableCents()).isEqualTo(95000);
    }

    @Test
    void cancellingAnExpiredVoucherReleasesItsRemainderAtOnceAndAFailedOneStaysFailed() {
        VoucherView expired = issue(new Request(budgetId).multi("care", 20000));
        f.inTx(() -> f.vouchers.expire(expired.id(), null, UUID.randomUUID()));
        f.inTx(() -> f.vouchers.cancel(expired.id(), "k1", UUID.randomUUID()));
        assertThat(line("care").heldCents()).isZero();

        VoucherView failed = reserve(new Request(budgetId));
        f.inTx(() -> f.vouchers.issueFailed(failed.id(), "timeout"));
        assertThat(f.inTx(() -> f.vouchers.cancel(failed.id(), "k2", UUID.randomUUID())).status())
                .isEqualTo(VoucherStatus.FAILED);
        assertThat(line("care").availableCents()).isEqualTo(100000);
    }

    @Test
    void theExpiryJobExpiresPastVouchersAndReleasesThemAfterTheGracePeriod() {
        Request shortOne = new Request(budgetId).multi("care", 20000);
        shortOne.until = LocalDate.parse("2026-11-20");
        VoucherView past = issue(shortOne);
        VoucherView current = issue(new Request(budgetId));
        LocalDate today = LocalDate.parse("2026-11-23");
        assertThat(f.vouchers.dueToExpire(today, 1000)).contains(past.id()).doesNotContain(current.id());
        f.inTx(() -> f.vouchers.expire(past.id(), today, UUID.randomUUID()));
        assertThat(f.inTx(() -> f.vouchers.expire(past.id(), today, UUID.randomUUID())).status())
                .isEqualTo(VoucherStatus.EXPIRED);
        assertThat(f.vouchers.dueToExpire(today, 1000)).doesNotContain(past.id());

        assertThat(f.vouchers.dueForRelease(today, 30, 1000)).doesNotContain(past.id());
        assertThat(f.inTx(() -> f.vouchers.releaseExpired(past.id(), LocalDate.parse("2026-12-20"), 30))).isZero();
        LocalDate afterGrace = LocalDate.parse("2026-12-21");
        assertThat(f.vouchers.dueForRelease(afterGrace, 30, 1000)).contains(past.id()).doesNotContain(current.id());
        assertThat(f.inTx(() -> f.vouchers.releaseExpired(past.id(), afterGrace, 30))).isEqualTo(20000);
        assertThat(f.inTx(() -> f.vouchers.releaseExpired(past.id(), afterGrace, 30))).isZero();
        assertThat(f.vouchers.dueForRelease(afterGrace, 30, 1000)).doesNotContain(past.id());
        assertThat(holdStatus(past.id())).isEqualTo("EXPIRED");
        assertThat(line("care").heldCents()).isEqualTo(10000);
        assertThat(f.ledger.booked("voucher:expiry:" + past.id())).isTrue();
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.expire("V-NOSUCHVOUCHR", today, null))))
                .isEqualTo(Refusal.UNKNOWN_VOUCHER);
    }

    @Test
    void theCardHoldExpiryNeverTouchesAVouchersHold() {
        VoucherView v = issue(new Request(budgetId));
        UUID hold = f.db.sql("select id from ledger_hold where channel = 'voucher' and reference = ?").param(v.id())
                .query(UUID.class).single();
        f.clock.advance(Duration.ofDays(400));
        try {
            assertThat(f.expiry.due(1000)).doesNotContain(hold);
            assertThat(f.inTx(() -> f.expiry.expire(hold))).isNull();
        } finally {
            f.clock.advance(Duration.ofDays(-400));
        }
        assertThat(line("care").heldCents()).isEqualTo(10000);
    }

    @Test
    void anEventNeedingApprovalWaitsInADeclarationAndIsSpentWhenApproved() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        Event event = new Event(v.id()).charged(8000);
        event.approval = true;
        EventOutcome pending = record(event);
        assertThat(pending.result()).isEqualTo(EventResult.PENDING_APPROVAL);
        assertThat(pending.remainingCents()).isEqualTo(12000);
        assertThat(line("care").heldCents()).isEqualTo(20000);
        Declarations.DeclarationView declaration = f.declarations.find(pending.declarationId()).orElseThrow();
        assertThat(declaration.status()).isEqualTo(Declarations.DeclarationStatus.PENDING);
        assertThat(declaration.voucherId()).isEqualTo(v.id());
        assertThat(declaration.amountCents()).isEqualTo(8000);
        assertThat(declaration.providerBusinessId()).isEqualTo(PROVIDER);
        assertThat(record(event).declarationId()).isEqualTo(pending.declarationId());

        f.inTx(() -> f.declarations.approve(pending.declarationId(), "case-worker-7"));
        assertThat(line("care").heldCents()).isEqualTo(12000);
        assertThat(line("care").spentCents()).isEqualTo(8000);
        assertThat(f.vouchers.find(v.id()).orElseThrow().spentCents()).isEqualTo(8000);
        assertThat(f.vouchers.events(v.id()).get(0).status()).isEqualTo(EventStatus.APPLIED);
    }

    @Test
    void aRejectedEventGoesBackToItsVoucher() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        Event event = new Event(v.id()).charged(20000);
        event.approval = true;
        EventOutcome pending = record(event);
        assertThat(pending.remainingCents()).isZero();
        assertThat(holdStatus(v.id())).isEqualTo("CLOSED");

        Declarations.DeclarationView rejected = f.inTx(() -> f.declarations.reject(pending.declarationId(),
                "case-worker-7", "not in the plan"));
        assertThat(rejected.reason()).isEqualTo("not in the plan");
        assertThat(rejected.decidedBy()).isEqualTo("case-worker-7");
        assertThat(f.vouchers.find(v.id()).orElseThrow().remainingCents()).isEqualTo(20000);
        assertThat(holdStatus(v.id())).isEqualTo("ACTIVE");
        assertThat(line("care").heldCents()).isEqualTo(20000);
        assertThat(f.vouchers.events(v.id()).get(0).status()).isEqualTo(EventStatus.REJECTED);
        assertThat(record(new Event(v.id()).charged(20000)).result()).isEqualTo(EventResult.APPLIED);
    }

    @Test
    void aRejectedEventOfACancelledVoucherReturnsToTheLine() {
        VoucherView v = issue(new Request(budgetId).multi("care", 20000));
        Event event = new Event(v.id()).charged(8000);
        event.approval = true;
        EventOutcome pending = record(event);
        f.inTx(() -> f.vouchers.cancel(v.id(), "k", UUID.randomUUID()));
        assertThat(line("care").heldCents()).isEqualTo(8000);
        f.inTx(() -> f.declarations.reject(pending.declarationId(), "case-worker-7", "no such visit"));
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").availableCents()).isEqualTo(100000);
        assertThat(f.vouchers.find(v.id()).orElseThrow().remainingCents()).isZero();
    }

    @Test
    void aClientsShareWaitsWithItsEventForApproval() {
        VoucherView v = issue(new Request(budgetId).multi("therapy", 20000));
        Event approved = new Event(v.id()).charged(8000);
        approved.serviceClass = THERAPY;
        approved.share = 2000;
        approved.approval = true;
        EventOutcome first = record(approved);
        assertThat(first.clientShareBookedCents()).isEqualTo(2000);
        assertThat(line("therapy").heldCents()).isEqualTo(22000);
        f.inTx(() -> f.declarations.approve(first.declarationId(), "case-worker-7"));
        assertThat(line("therapy").spentCents()).isEqualTo(10000);
        assertThat(line("therapy").heldCents()).isEqualTo(12000);

        Event rejected = new Event(v.id()).charged(4000);
        rejected.serviceClass = THERAPY;
        rejected.share = 1000;
        rejected.approval = true;
        EventOutcome second = record(rejected);
        f.inTx(() -> f.declarations.reject(second.declarationId(), "case-worker-7", "duplicate bill"));
        assertThat(line("therapy").heldCents()).isEqualTo(12000);
        assertThat(line("therapy").spentCents()).isEqualTo(10000);
        assertThat(f.vouchers.find(v.id()).orElseThrow().remainingCents()).isEqualTo(12000);
    }

    @Test
    void aVoucherIsReadBackWithItsTenantAndEvents() {
        VoucherView v = issue(new Request(budgetId));
        record(new Event(v.id()).charged(1000));
        assertThat(f.vouchers.tenantOf(v.id())).contains("t1");
        assertThat(f.vouchers.tenantOf("V-NOSUCHVOUCHR")).isEmpty();
        assertThat(f.vouchers.find("V-NOSUCHVOUCHR")).isEmpty();
        assertThat(f.vouchers.events(v.id())).singleElement().satisfies(e -> {
            assertThat(e.providerBusinessId()).isEqualTo(PROVIDER);
            assertThat(e.serviceClass()).isEqualTo(HOME_CARE);
            assertThat(e.status()).isEqualTo(EventStatus.APPLIED);
            assertThat(e.remainingAfterCents()).isEqualTo(9000);
        });
    }

    @Test
    void theInvariantsNoticeAVoucherOutOfStepWithItsHold() {
        VoucherView v = issue(new Request(budgetId));
        String hold = "update ledger_hold set remaining_cents = ? where channel = 'voucher' and reference = ?";
        f.db.sql(hold).params(9000, v.id()).update();
        try {
            assertThat(f.invariants.violations()).anyMatch(m -> m.startsWith("voucher " + v.id()));
        } finally {
            f.db.sql(hold).params(10000, v.id()).update();
        }
    }

    // --- helpers

    private VoucherView reserve(Request request) {
        return f.inTx(() -> f.vouchers.reserve(request.build(), UUID.randomUUID()));
    }

    private VoucherView issue(Request request) {
        VoucherView v = reserve(request);
        return f.inTx(() -> f.vouchers.issued(v.id(), "PS-" + v.id()));
    }

    private VoucherView accept(String voucherId, String provider) {
        return f.inTx(() -> f.vouchers.accept(voucherId, provider, LocalDate.parse("2026-11-23")));
    }

    private EventOutcome record(Event event) {
        return f.inTx(() -> f.vouchers.recordEvent(event.build(), UUID.randomUUID()));
    }

    private static Refusal refusal(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(VoucherRefusedException.class);
        return ((VoucherRefusedException) thrown).refusal();
    }

    /** The voucher and its line as they were before the refused call. */
    private void assertUnchanged(VoucherView before) {
        VoucherView now = f.vouchers.find(before.id()).orElseThrow();
        assertThat(now.remainingCents()).isEqualTo(before.remainingCents());
        assertThat(now.acceptedBy()).isEqualTo(before.acceptedBy());
        assertThat(now.status()).isEqualTo(before.status());
        assertThat(f.vouchers.events(before.id())).isEmpty();
        BudgetView.Line line = line(before.lineCode());
        assertThat(line.heldCents()).isEqualTo(before.valueCents());
        assertThat(line.spentCents()).isZero();
    }

    private String holdStatus(String voucherId) {
        return f.db.sql("select status from ledger_hold where channel = 'voucher' and reference = ?").param(voucherId)
                .query(String.class).single();
    }

    private BudgetView.Line line(String code) {
        return f.line(budgetId, code);
    }
}
