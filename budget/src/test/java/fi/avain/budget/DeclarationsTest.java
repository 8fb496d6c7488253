package fi.avain.budget;

import static fi.avain.budget.VoucherRequests.HOME_CARE;
import static fi.avain.budget.VoucherRequests.PROVIDER;
import static fi.avain.budget.VoucherRequests.SERVICE_DAY;
import static fi.avain.budget.VoucherRequests.THERAPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.budget.Declarations.DeclarationRequest;
import fi.avain.budget.Declarations.DeclarationStatus;
import fi.avain.budget.Declarations.DeclarationView;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Providers' declarations on a real PostgreSQL: held when declared, spent when approved, returned when rejected. */
class DeclarationsTest {
    static LedgerFixture f;
    UUID budgetId;

    @BeforeAll
    static void database() {
        f = new LedgerFixture(2);
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
    void aDeclarationHoldsItsAmountUntilApproved() {
        DeclarationView d = declare(request(12000));
        assertThat(d.status()).isEqualTo(DeclarationStatus.PENDING);
        assertThat(d.tenant()).isEqualTo("t1");
        assertThat(d.lineCode()).isEqualTo("care");
        assertThat(d.serviceClass()).isEqualTo(HOME_CARE);
        assertThat(d.voucherId()).isNull();
        assertThat(line("care").heldCents()).isEqualTo(12000);

        DeclarationView approved = f.inTx(() -> f.declarations.approve(d.id(), "case-worker-7"));
        assertThat(approved.status()).isEqualTo(DeclarationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("case-worker-7");
        assertThat(approved.decidedAt()).isEqualTo(f.clock.instant());
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").spentCents()).isEqualTo(12000);
        assertThat(f.inTx(() -> f.declarations.approve(d.id(), "someone-else"))).isEqualTo(approved);
        assertThatThrownBy(() -> f.inTx(() -> f.declarations.reject(d.id(), "case-worker-7", "late")))
                .isInstanceOf(DeclarationStateException.class).hasMessageContaining("already approved");
        assertThat(line("care").spentCents()).isEqualTo(12000);
    }

    @Test
    void aRejectedDeclarationReturnsItsAmountToTheLine() {
        DeclarationView d = declare(request(12000));
        DeclarationView rejected = f.inTx(() -> f.declarations.reject(d.id(), "case-worker-7", "no such service"));
        assertThat(rejected.status()).isEqualTo(DeclarationStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("no such service");
        assertThat(line("care").heldCents()).isZero();
        assertThat(line("care").availableCents()).isEqualTo(100000);
        assertThat(f.inTx(() -> f.declarations.reject(d.id(), "case-worker-7", "again"))).isEqualTo(rejected);
        assertThatThrownBy(() -> f.inTx(() -> f.declarations.approve(d.id(), "case-worker-7")))
                .isInstanceOf(DeclarationStateException.class).hasMessageContaining("already rejected");
        assertThat(line("care").spentCents()).isZero();
    }

    @Test
    void aRepeatedKeyAnswersTheSameDeclarationAndHoldsNothingMore() {
        DeclarationRequest r = request(12000);
        DeclarationView first = declare(r);
        assertThat(declare(r)).isEqualTo(first);
        DeclarationRequest other = new DeclarationRequest(budgetId, "care", PROVIDER, HOME_CARE, SERVICE_DAY, 13000,
                null, r.declarationKey());
        assertThatThrownBy(() -> declare(other)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("declarationId");
        assertThat(line("care").heldCents()).isEqualTo(12000);
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                invalid("an unknown line", r -> with(r, "garden", r.serviceClass(), r.serviceDate(), r.amountCents(),
                        r.providerBusinessId()), "lineCode"),
                invalid("a line without declarations", r -> with(r, "spring", r.serviceClass(), r.serviceDate(),
                        r.amountCents(), r.providerBusinessId()), "does not take declarations"),
                invalid("a class the line does not allow", r -> with(r, r.lineCode(), THERAPY, r.serviceDate(),
                        r.amountCents(), r.providerBusinessId()), "serviceClass"),
                invalid("a day outside the line's period", r -> with(r, r.lineCode(), r.serviceClass(),
                        LocalDate.parse("2027-01-02"), r.amountCents(), r.providerBusinessId()), "serviceDate"),
                invalid("no day", r -> with(r, r.lineCode(), r.serviceClass(), null, r.amountCents(),
                        r.providerBusinessId()), "serviceDate"),
                invalid("nothing declared", r -> with(r, r.lineCode(), r.serviceClass(), r.serviceDate(), 0,
                        r.providerBusinessId()), "amount must be positive"),
                invalid("a provider with a wrong check digit", r -> with(r, r.lineCode(), r.serviceClass(),
                        r.serviceDate(), r.amountCents(), "1234567-2"), "providerBusinessId"),
                invalid("no key", r -> new DeclarationRequest(r.budgetId(), r.lineCode(), r.providerBusinessId(),
                        r.serviceClass(), r.serviceDate(), r.amountCents(), r.description(), ""), "declarationKey"),
                invalid("a description too long", r -> new DeclarationRequest(r.budgetId(), r.lineCode(),
                        r.providerBusinessId(), r.serviceClass(), r.serviceDate(), r.amountCents(), "x".repeat(1001),
                        r.declarationKey()), "description"));
    }

    private static Arguments invalid(String name, UnaryOperator<DeclarationRequest> change, String field) {
        return Arguments.of(name, change, field);
    }

    private static DeclarationRequest with(DeclarationRequest r, String line, String serviceClass, LocalDate day,
                                           long cents, String provider) {
        return new DeclarationRequest(r.budgetId(), line, provider, serviceClass, day, cents, r.description(),
                r.declarationKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void invalidDeclarationsAreRefusedNamingTheFieldAndHoldNothing(String name,
                                                                 UnaryOperator<DeclarationRequest> change,
                                                                 String field) {
        DeclarationRequest r = change.apply(request(12000));
        assertThatThrownBy(() -> declare(r)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(field);
        assertThat(f.db.sql("select count(*) from declaration where budget_id = ?").param(budgetId)
                .query(Long.class).single()).isZero();
        assertThat(f.budgets.lines(budgetId)).allSatisfy(l -> assertThat(l.heldCents()).isZero());
    }

    @Test
    void aDeclarationBeyondWhatTheLineHasIsRefused() {
        assertThatThrownBy(() -> declare(request(100001))).isInstanceOf(InsufficientFundsException.class)
                .hasMessage("line care has 1000.00 EUR available, 1000.01 EUR was asked");
        assertThat(line("care").heldCents()).isZero();
    }

    @Test
    void unknownBudgetsAndDeclarationsAreNotFound() {
        DeclarationRequest r = new DeclarationRequest(UUID.randomUUID(), "care", PROVIDER, HOME_CARE, SERVICE_DAY, 100,
                null, "k-" + UUID.randomUUID());
        assertThatThrownBy(() -> declare(r)).isInstanceOf(UnknownBudgetException.class);
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> f.inTx(() -> f.declarations.approve(nobody, "case-worker-7")))
                .isInstanceOf(UnknownBudgetException.class);
        assertThat(f.declarations.find(nobody)).isEmpty();
        assertThat(f.declarations.tenantOf(nobody)).isEmpty();
    }

    @Test
    void aDecisionNamesWhoMadeIt() {
        DeclarationView d = declare(request(500));
        assertThatThrownBy(() -> f.inTx(() -> f.declarations.approve(d.id(), " ")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("actor");
        assertThat(f.declarations.find(d.id()).orElseThrow().status()).isEqualTo(DeclarationStatus.PENDING);
        assertThat(f.declarations.tenantOf(d.id())).contains("t1");
    }

    @Test
    void theInvariantsNoticeADecidedDeclarationThatStillHoldsMoney() {
        DeclarationView d = declare(request(500));
        String status = "update declaration set status = ? where id = ?";
        f.db.sql(status).params("APPROVED", d.id()).update();
        try {
            assertThat(f.invariants.violations()).anyMatch(m -> m.startsWith("declaration " + d.id()));
        } finally {
            f.db.sql(status).params("PENDING", d.id()).update();
        }
    }

    private DeclarationRequest request(long cents) {
        return new DeclarationRequest(budgetId, "care", PROVIDER, "P6.10", SERVICE_DAY, cents, "cleaning",
                "declaration-" + UUID.randomUUID());
    }

    private DeclarationView declare(DeclarationRequest r) {
        return f.inTx(() -> f.declarations.declare(r, UUID.randomUUID()));
    }

    private BudgetView.Line line(String code) {
        return f.line(budgetId, code);
    }
}
