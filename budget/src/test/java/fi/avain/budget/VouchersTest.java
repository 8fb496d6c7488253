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
import fi.avain.budget.VoucherRequests.Request;
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

/** Vouchers on a real PostgreSQL: reservation, issue, acceptance, cancellation, expiry. */
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
                .hasMessageContaining("requestKey");
        assertThat(line("care").heldCents()).isEqualTo(10000);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("an unknown line", r -> r.line = "garden", "lineCode"),
                invalid("a line without vouchers", r -> r.line = "shop", "does not take vouchers"),
                invalid("a class the line does not allow", r -> r.classes = Set.of(THERAPY), "serviceClasses"),
                invalid("no kind", r -> r.kind = null, "kind"),
                invalid("no unit value", r -> r.unit = 0, "unitValueCents"),
                invalid("no units", r -> r.quantity = 0, "quantity"),
                invalid("a multi-use voucher without a balance", r -> r.multi("care", 0), "balanceCents"),
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
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issued(v.id(), "PS-2002")))).isEqualTo(Refusal.INVALID);
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
        assertThat(refusal(() -> f.inTx(() -> f.vouchers.issueFailed(v.id(), "late")))).isEqualTo(Refusal.INVALID);
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
        assertThat(refusal(() -> accept(v.id(), "1234567-2"))).isEqualTo(Refusal.INVALID);
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

    private static Refusal refusal(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(VoucherRefusedException.class);
        return ((VoucherRefusedException) thrown).refusal();
    }

    private String holdStatus(String voucherId) {
        return f.db.sql("select status from ledger_hold where channel = 'voucher' and reference = ?").param(voucherId)
                .query(String.class).single();
    }

    private BudgetView.Line line(String code) {
        return f.line(budgetId, code);
    }
}
