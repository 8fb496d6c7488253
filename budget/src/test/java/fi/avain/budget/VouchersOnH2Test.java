package fi.avain.budget;

import static fi.avain.budget.VoucherRequests.PROVIDER;
import static fi.avain.budget.VoucherRequests.SERVICE_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.budget.VoucherRequests.Event;
import fi.avain.budget.VoucherRequests.Request;
import fi.avain.budget.Vouchers.EventResult;
import fi.avain.budget.Vouchers.VoucherStatus;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.mappings.budget.CarePlanMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox keeps the ledger in H2 (PostgreSQL mode): the voucher tables and queries must work there too. */
class VouchersOnH2Test {

    @Test
    void aVoucherAndADeclarationRunTheirWholeLifeOnH2() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Ledger ledger = new Ledger(db, new LedgerFixture.MovableClock(Instant.parse("2026-11-23T10:00:00Z")));
        Plans plans = new Plans(db, ledger, new LedgerFixture.TestIdentities());
        Vouchers vouchers = new Vouchers(db, ledger);
        Declarations declarations = new Declarations(db, ledger);

        String plan = VoucherRequests.PLAN.formatted("h2-plan", VoucherRequests.HOME_CARE, VoucherRequests.MEALS,
                VoucherRequests.THERAPY, VoucherRequests.HOME_CARE);
        UUID budgetId = tx.execute(s -> plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID())).budgetId();

        Request request = new Request(budgetId).multi("therapy", 20000);
        request.until = LocalDate.parse("2026-11-20");
        VoucherView v = tx.execute(s -> vouchers.reserve(request.build(), UUID.randomUUID()));
        assertThat(tx.execute(s -> vouchers.reserve(request.build(), UUID.randomUUID())).id()).isEqualTo(v.id());
        tx.execute(s -> vouchers.issued(v.id(), "PS-1"));
        tx.execute(s -> vouchers.accept(v.id(), PROVIDER, SERVICE_DAY));
        Event session = new Event(v.id()).charged(4000);
        session.serviceClass = VoucherRequests.THERAPY;
        session.share = 1000;
        assertThat(tx.execute(s -> vouchers.recordEvent(session.build(), UUID.randomUUID())).result())
                .isEqualTo(EventResult.APPLIED);
        assertThat(tx.execute(s -> vouchers.recordEvent(session.build(), UUID.randomUUID())).result())
                .isEqualTo(EventResult.DUPLICATE);
        Event pending = new Event(v.id()).charged(3000);
        pending.serviceClass = VoucherRequests.THERAPY;
        pending.approval = true;
        UUID declarationId = tx.execute(s -> vouchers.recordEvent(pending.build(), UUID.randomUUID())).declarationId();
        tx.execute(s -> declarations.reject(declarationId, "case-worker-7", "not given"));
        tx.execute(s -> vouchers.expire(v.id(), null, UUID.randomUUID()));
        assertThat(vouchers.dueForRelease(LocalDate.parse("2026-12-21"), 30, 10)).containsExactly(v.id());
        Long released = tx.execute(s -> vouchers.releaseExpired(v.id(), LocalDate.parse("2026-12-21"), 30));
        assertThat(released).isEqualTo(16000);
        assertThat(vouchers.events(v.id())).hasSize(2);

        UUID declared = tx.execute(s -> declarations.declare(new Declarations.DeclarationRequest(budgetId, "care",
                PROVIDER, VoucherRequests.HOME_CARE, SERVICE_DAY, 2500, "cleaning", "d-1"), UUID.randomUUID())).id();
        tx.execute(s -> declarations.approve(declared, "case-worker-7"));
        String other = tx.execute(s -> vouchers.reserve(new Request(budgetId).build(), UUID.randomUUID())).id();
        VoucherView cancelled = tx.execute(s -> vouchers.cancel(other, "c-1", UUID.randomUUID()));

        assertThat(cancelled.status()).isEqualTo(VoucherStatus.CANCELLED);
        assertThat(vouchers.find(v.id()).orElseThrow().spentCents()).isEqualTo(4000);
        assertThat(new LedgerInvariants(db).violations()).isEmpty();

        Portal portal = new Portal(db, new LedgerFixture.TestIdentities());
        var charges = portal.charges(new Portal.ChargeQuery(budgetId, null, null, null), 0, 50);
        assertThat(charges).extracting(c -> c.channel()).contains("voucher", "declaration");
        assertThat(portal.chargeCount(new Portal.ChargeQuery(budgetId, null, null, null))).isEqualTo(charges.size());
        assertThat(portal.charge(charges.get(0).id())).contains(charges.get(0));
        assertThat(db.sql("select count(*) from ledger_change where budget_id = ?").param(budgetId).query(Long.class)
                .single()).isPositive();
    }
}
