package fi.avain.routes.reports;

import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.CardStatus;
import fi.avain.budget.Cards;
import fi.avain.budget.Clearing;
import fi.avain.budget.ClearingItem;
import fi.avain.budget.Decision;
import fi.avain.budget.Ledger;
import fi.avain.budget.Plans;
import fi.avain.budget.Vouchers;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.mappings.model.Hetu;
import fi.avain.routes.reports.CostReportTestApplication.MovableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a report's data the way Avain books it: plans through {@link Plans}, card spends through the
 * {@link CardAuthorizer} and {@link Clearing}, voucher services through {@link Vouchers}, each at the
 * time the test sets on the clock; the reporting tables (members, imported costs, outcomes) as the
 * import jobs write them.
 */
final class ReportFixture {
    static final String TENANT = "t1";
    static final String HOME_CARE = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P6.10";
    static final String MEALS = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P6.11";
    static final String PROVIDER = "1234567-1";
    static final String KYKYVIISARI = "kykyviisari";

    final JdbcClient db;
    final TransactionTemplate tx;
    final MovableClock clock;
    final Plans plans;
    final Cards cards;
    final CardAuthorizer authorizer;
    final Clearing clearing;
    final Vouchers vouchers;
    final ReportingPseudonyms pseudonyms;

    ReportFixture(ApplicationContext context) {
        this.db = context.getBean(JdbcClient.class);
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.clock = context.getBean(MovableClock.class);
        Ledger ledger = context.getBean(Ledger.class);
        this.plans = context.getBean(Plans.class);
        this.cards = context.getBean(Cards.class);
        this.clearing = context.getBean(Clearing.class);
        this.authorizer = new CardAuthorizer(db, ledger, mcc -> Duration.ofDays(7));
        this.vouchers = new Vouchers(db, ledger);
        this.pseudonyms = context.getBean(ReportingPseudonyms.class);
    }

    /** A client's budget: a care line paid by vouchers (home care) and a shop line paid by card (no class). */
    record Budget(String hetu, UUID id, String cardId) {
    }

    /** A valid identity code for the n-th test client (individual numbers 002–899). */
    static String hetu(int n) {
        int individual = 2 + n % 898;
        String digits = "010190" + "%03d".formatted(individual);
        char check = "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (Long.parseLong(digits) % 31));
        return "010190-" + "%03d".formatted(individual) + check;
    }

    Budget budget(String hetu, String group, String cohort, LocalDate from, LocalDate to, long careCents,
                  long shopCents, Instant at) {
        clock.set(at);
        String plan = """
                {"planId": "%s", "tenant": "%s", "client": {"identityCode": "%s"}, "clientGroup": "%s",
                 "cohort": "%s", "period": {"start": "%s", "end": "%s"},
                 "lines": [
                   {"code": "care", "category": "Kotihoito", "allocated": "%s", "channels": ["voucher"],
                    "serviceClasses": ["%s"]},
                   {"code": "shop", "category": "Ostokset", "allocated": "%s", "channels": ["card"],
                    "merchantCategoryCodes": ["5411"]}
                 ]}""".formatted("plan-" + UUID.randomUUID(), TENANT, hetu, group, cohort, from, to,
                BigDecimal.valueOf(careCents, 2), HOME_CARE, BigDecimal.valueOf(shopCents, 2));
        UUID budgetId = inTx(() -> plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID())).budgetId();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        inTx(() -> cards.register("stripe", cardId, budgetId, CardStatus.ACTIVE));
        return new Budget(hetu, budgetId, cardId);
    }

    /** A card authorization at a grocery (5411); answers its authorization id. */
    String authorize(Budget budget, long cents, Instant at) {
        clock.set(at);
        String authorizationId = "auth-" + UUID.randomUUID();
        Decision decision = inTx(() -> authorizer.decide(new AuthorizationAttempt("stripe", authorizationId,
                budget.cardId(), cents, "5411", false, at), UUID.randomUUID(), v -> "{}"));
        if (!decision.verdict().approved()) {
            throw new IllegalStateException("the test's authorization was declined: " + decision.verdict().reason());
        }
        return authorizationId;
    }

    void capture(Budget budget, String authorizationId, long cents, Instant at) {
        clock.set(at);
        inTx(() -> clearing.apply(new ClearingItem("stripe", "record-" + UUID.randomUUID(), ClearingItem.Type.CAPTURE,
                authorizationId, budget.cardId(), cents, "5411", LocalDate.ofInstant(at, ReportPeriod.ZONE), null),
                UUID.randomUUID()));
    }

    /** A multi-use voucher of {@code balanceCents} on the care line, issued at once. */
    String voucher(Budget budget, long balanceCents, LocalDate from, LocalDate until, Instant at) {
        clock.set(at);
        Vouchers.VoucherView v = inTx(() -> vouchers.reserve(new Vouchers.VoucherRequest(budget.id(), "care", Set.of(),
                Vouchers.VoucherKind.MULTI, 0, 0, balanceCents, from, until, null, "request-" + UUID.randomUUID()),
                UUID.randomUUID()));
        inTx(() -> vouchers.issued(v.id(), "PS-" + v.id()));
        return v.id();
    }

    /** A service on the voucher: the voucher pays {@code chargedCents}, the client {@code shareCents}. */
    void service(String voucherId, LocalDate serviceDate, long chargedCents, long shareCents, Instant at) {
        clock.set(at);
        inTx(() -> vouchers.recordEvent(new Vouchers.ServiceEvent(voucherId, "event-" + UUID.randomUUID(), PROVIDER,
                serviceDate, HOME_CARE, 1, chargedCents + shareCents, chargedCents, shareCents, false, "home visit"),
                UUID.randomUUID()));
    }

    String pseudonym(String hetu) {
        return pseudonyms.of(TENANT, Hetu.parse(hetu));
    }

    void member(String hetu, String group, String cohort, LocalDate start) {
        db.sql("""
                        insert into report_member (tenant, pseudonym, client_group, cohort, start_date, source, created_at,
                                                   updated_at)
                        values (?, ?, ?, ?, ?, 'test', ?, ?)""")
                .params(TENANT, pseudonym(hetu), group, cohort, Date.valueOf(start), now(), now()).update();
    }

    void cost(String hetu, String serviceClass, YearMonth month, long cents, String staffHours, String assistantHours) {
        db.sql("""
                        insert into report_cost (id, tenant, pseudonym, service_class, period_month, cost_cents, source,
                                                 staff_hours, assistant_hours, created_at)
                        values (?, ?, ?, ?, ?, ?, 'finance', ?, ?, ?)""")
                .params(UUID.randomUUID(), TENANT, pseudonym(hetu), serviceClass, Date.valueOf(month.atDay(1)), cents,
                        staffHours == null ? null : new BigDecimal(staffHours),
                        assistantHours == null ? null : new BigDecimal(assistantHours), now())
                .update();
    }

    void outcome(String hetu, String instrument, LocalDate measuredOn, String score) {
        db.sql("""
                        insert into outcome_measurement (id, tenant, pseudonym, instrument, measured_on, scores, score,
                                                         created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), TENANT, pseudonym(hetu), instrument, Date.valueOf(measuredOn),
                        "{\"physical\": " + score + "}", new BigDecimal(score), now())
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** Gives each test context a data directory of its own, deleted when the context closes. */
    static final class DataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path dir;
            try {
                dir = Files.createTempDirectory("avain-reports-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("report-data-dir",
                    Map.of("avain.data-dir", dir.toString())));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    delete(dir);
                }
            });
        }

        private static void delete(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
