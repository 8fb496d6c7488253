package fi.avain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.budget.CarePlanMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox decides card authorizations on H2 (PostgreSQL mode): the claim and its checks must work there too. */
class CardAuthorizerOnH2Test {
    private final SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:"
            + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "sa", "");
    private final JdbcClient db = JdbcClient.create(dataSource);
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final LedgerFixture.MovableClock clock = new LedgerFixture.MovableClock(Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aRepeatAnIncrementAndAnotherCardsUseOfTheIdOnH2() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        Ledger ledger = new Ledger(db, clock);
        Plans plans = new Plans(db, ledger, new LedgerFixture.TestIdentities());
        Cards cards = new Cards(db, ledger);
        CardAuthorizer authorizer = new CardAuthorizer(db, ledger, mcc -> Duration.ofDays(7));
        UUID budget = plan(plans, "h2-plan-1");
        UUID otherBudget = plan(plans, "h2-plan-2");
        tx.execute(s -> cards.register("generic", "card-1", budget, CardStatus.ACTIVE));
        tx.execute(s -> cards.register("generic", "card-2", otherBudget, CardStatus.ACTIVE));

        Decision first = tx.execute(s -> authorizer.decide(attempt("a1", 10000, "card-1"), UUID.randomUUID(),
                Object::toString));
        Decision again = tx.execute(s -> authorizer.decide(attempt("a1", 10000, "card-1"), UUID.randomUUID(),
                Object::toString));
        Decision more = tx.execute(s -> authorizer.decide(attempt("a1", 15000, "card-1"), UUID.randomUUID(),
                Object::toString));

        assertThat(first.verdict().approved()).isTrue();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(more.verdict().approvedCents()).isEqualTo(15000);
        assertThatThrownBy(() -> tx.execute(s -> authorizer.decide(attempt("a1", 15000, "card-2"), UUID.randomUUID(),
                Object::toString))).isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("another card");
        assertThat(held(budget)).isEqualTo(15000);
        assertThat(held(otherBudget)).isZero();
    }

    private UUID plan(Plans plans, String planId) {
        String plan = LedgerTest.PLAN.formatted(planId, "1000.00");
        return tx.execute(s -> plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID())).budgetId();
    }

    private AuthorizationAttempt attempt(String id, long cents, String card) {
        return new AuthorizationAttempt("generic", id, card, cents, "8099", false, clock.instant());
    }

    private long held(UUID budgetId) {
        return db.sql("select coalesce(sum(held_cents), 0) from budget_line where budget_id = ?").param(budgetId)
                .query(Long.class).single();
    }
}
