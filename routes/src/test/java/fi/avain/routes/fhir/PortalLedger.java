package fi.avain.routes.fhir;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.avain.budget.AuthorizationAttempt;
import fi.avain.budget.CardAuthorizer;
import fi.avain.budget.CardStatus;
import fi.avain.budget.Cards;
import fi.avain.budget.Decision;
import fi.avain.budget.Ledger;
import fi.avain.budget.Plans;
import fi.avain.budget.Portal;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.routes.budget.TestClientIdentities;
import fi.avain.routes.messages.EncryptionKey;
import fi.avain.routes.messages.MessageCipher;
import fi.avain.routes.messages.MessageStoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real ledger, portal reads and subscription store on a schema of their own in the test PostgreSQL
 * ({@code AVAIN_TEST_DB_URL}), migrated as the application migrates; dispatchers made here are stopped on
 * {@link #close()}. The ledger tells whichever dispatcher is current, as the application's one bean is told.
 */
final class PortalLedger implements AutoCloseable {
    static final String URL = env("AVAIN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = env("AVAIN_TEST_DB_USER", System.getProperty("user.name"));
    static final String TENANT = "t1";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** Small timeouts and backoffs, so retries and errors show within a test's patience. */
    static final SubscriptionSettings FAST = new SubscriptionSettings(true, Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(400), 3, Duration.ofDays(7), Duration.ofMillis(500), Duration.ofMillis(1000), 4, 100, List.of());

    final HikariDataSource dataSource;
    final JdbcClient db;
    final TransactionTemplate tx;
    final Clock clock = Clock.systemUTC();
    final Portal portal;
    final SubscriptionStore store;
    /** Seals the subscriptions' headers, with a key of this ledger's own. */
    final MessageCipher cipher = new MessageCipher(new MessageStoreSettings(new EncryptionKey(
            java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32))), "k1",
            java.util.Map.of(), java.util.Map.of()));
    final Plans plans;
    final Cards cards;
    final CardAuthorizer authorizer;
    /** The meters of the dispatcher made last. */
    volatile SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final String schema;
    private final List<NotificationDispatcher> dispatchers = new ArrayList<>();
    private volatile NotificationDispatcher current;

    PortalLedger() {
        schema = "fhir_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword(env("AVAIN_TEST_DB_PASSWORD", ""));
        config.setMaximumPoolSize(12);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        db = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Ledger ledger = new Ledger(db, clock, budgetId -> {
            NotificationDispatcher dispatcher = current;
            if (dispatcher != null) {
                dispatcher.booked(budgetId);
            }
        });
        TestClientIdentities identities = new TestClientIdentities();
        portal = new Portal(db, identities);
        store = new SubscriptionStore(db, tx, cipher, clock);
        plans = new Plans(db, ledger, identities);
        cards = new Cards(db, ledger);
        authorizer = new CardAuthorizer(db, ledger, mcc -> Duration.ofDays(7));
    }

    /**
     * A new dispatcher, started, and the one the ledger tells from now on; returns once it has routed what
     * was booked before, so subscriptions made next hear only of what is booked after them.
     */
    NotificationDispatcher dispatcher(SubscriptionSettings settings) {
        meters = new SimpleMeterRegistry();
        NotificationDispatcher dispatcher = new NotificationDispatcher(db, true, tx, portal, store, new TestPayloads(),
                settings, clock, meters);
        dispatchers.add(dispatcher);
        current = dispatcher;
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> changesWaiting() == 0);
        return dispatcher;
    }

    /** Stops every dispatcher and turns every subscription off, so the next test starts quiet. */
    void quiet() {
        dispatchers.forEach(NotificationDispatcher::stop);
        dispatchers.clear();
        current = null;
        db.sql("update fhir_subscription set status = 'off'").update();
        db.sql("delete from fhir_notification").update();
    }

    /** A client's budget for this year: a card line for groceries (5411) and a care line, with a card. */
    record Budget(UUID id, UUID clientId, UUID shopLine, UUID careLine, String cardId) {
    }

    Budget budget() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Helsinki"));
        String plan = """
                {"planId": "%s", "tenant": "%s", "client": {"identityCode": "%s"}, "clientGroup": "elderly",
                 "cohort": "hb", "period": {"start": "%s", "end": "%s"},
                 "lines": [
                   {"code": "shop", "category": "Ostokset", "allocated": "500.00", "channels": ["card"],
                    "merchantCategoryCodes": ["5411"]},
                   {"code": "care", "category": "Kotihoito", "allocated": "500.00", "channels": ["card"],
                    "merchantCategoryCodes": ["8099"]}
                 ]}""".formatted("plan-" + UUID.randomUUID(), TENANT, hetu(CLIENTS.incrementAndGet()),
                today.minusDays(30), today.plusDays(300));
        UUID budgetId = tx.execute(s -> plans.apply(CarePlanMapper.fromJson(plan.getBytes(StandardCharsets.UTF_8)),
                UUID.randomUUID())).budgetId();
        UUID clientId = portal.clientOfBudget(budgetId).orElseThrow();
        var lines = portal.budget(budgetId).orElseThrow().lines();
        UUID shop = lines.stream().filter(l -> l.code().equals("shop")).findFirst().orElseThrow().id();
        UUID care = lines.stream().filter(l -> l.code().equals("care")).findFirst().orElseThrow().id();
        String cardId = "ic_" + UUID.randomUUID().toString().replace("-", "");
        tx.execute(s -> cards.register("stripe", cardId, budgetId, CardStatus.ACTIVE));
        return new Budget(budgetId, clientId, shop, care, cardId);
    }

    /** A card authorization at a merchant of {@code mcc}; answers the charge it made (its hold). */
    UUID authorize(Budget budget, String mcc, long cents) {
        Decision decision = tx.execute(s -> authorizer.decide(new AuthorizationAttempt("stripe",
                "auth-" + UUID.randomUUID(), budget.cardId(), cents, mcc, false, clock.instant()),
                UUID.randomUUID(), v -> "{}"));
        if (!decision.verdict().approved()) {
            throw new IllegalStateException("the test's authorization was declined: " + decision.verdict().reason());
        }
        return decision.holdId();
    }

    StoredSubscription subscribe(Budget budget, String criteria, String endpoint, List<String> headers) {
        return store.create(store.request(criteria, endpoint, headers, null, null), TENANT, budget.clientId(),
                "citizen-1");
    }

    long pending(UUID subscriptionId) {
        return db.sql("select count(*) from fhir_notification where subscription_id = ? and status = 'PENDING'")
                .param(subscriptionId).query(Long.class).single();
    }

    long changesWaiting() {
        return db.sql("select count(*) from ledger_change").query(Long.class).single();
    }

    static String payload(String resourceType, UUID id) {
        return new TestPayloads().json(resourceType, id);
    }

    @Override
    public void close() {
        dispatchers.forEach(NotificationDispatcher::stop);
        dataSource.close();
        try {
            execute("drop schema " + schema + " cascade");
        } catch (IllegalStateException e) {
            // a schema left behind is harmless: every run makes its own
        }
    }

    /** A valid identity code for the n-th test client (individual numbers 002–899). */
    static String hetu(int n) {
        int individual = 2 + n % 898;
        String digits = "010190" + "%03d".formatted(individual);
        char check = "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (Long.parseLong(digits) % 31));
        return "010190-" + "%03d".formatted(individual) + check;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, env("AVAIN_TEST_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("The portal tests need PostgreSQL at " + URL + " as user " + USER
                    + "; start one with scripts/dev-postgres", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
