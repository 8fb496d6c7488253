package fi.avain.budget;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.avain.mappings.budget.CarePlan;
import fi.avain.mappings.budget.CarePlanMapper;
import fi.avain.mappings.model.Hetu;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on the test PostgreSQL ({@code AVAIN_TEST_DB_URL}), in a schema of its own, migrated by
 * Flyway as the application does; a clock the test moves.
 */
final class LedgerFixture implements AutoCloseable {
    static final String URL = env("AVAIN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = env("AVAIN_TEST_DB_USER", System.getProperty("user.name"));

    final HikariDataSource dataSource;
    final JdbcClient db;
    final TransactionTemplate tx;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final Ledger ledger;
    final Plans plans;
    final Cards cards;
    final CardAuthorizer authorizer;
    final Clearing clearing;
    final HoldExpiry expiry;
    final Budgets budgets;
    final ReconciliationExceptions exceptions;
    final LedgerInvariants invariants;
    final Vouchers vouchers;
    final Declarations declarations;
    private final String schema;

    LedgerFixture(int poolSize) {
        schema = "budget_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, USER, env("AVAIN_TEST_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("The ledger tests need PostgreSQL at " + URL + "; start one with "
                    + "scripts/dev-postgres", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword(env("AVAIN_TEST_DB_PASSWORD", ""));
        config.setMaximumPoolSize(poolSize);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
        db = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ledger = new Ledger(db, clock);
        TestIdentities identities = new TestIdentities();
        plans = new Plans(db, ledger, identities);
        cards = new Cards(db, ledger);
        authorizer = new CardAuthorizer(db, ledger, mcc -> "7011".equals(mcc) ? Duration.ofDays(31) : Duration.ofDays(7));
        exceptions = new ReconciliationExceptions(db, ledger);
        clearing = new Clearing(db, ledger, exceptions);
        expiry = new HoldExpiry(db, ledger);
        budgets = new Budgets(db, identities);
        invariants = new LedgerInvariants(db);
        vouchers = new Vouchers(db, ledger);
        declarations = new Declarations(db, ledger);
    }

    <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    BudgetView.Line line(UUID budgetId, String code) {
        return budgets.lines(budgetId).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    PlanOutcome plan(String json) {
        CarePlan plan = CarePlanMapper.fromJson(json.getBytes(StandardCharsets.UTF_8));
        return inTx(() -> plans.apply(plan, UUID.randomUUID()));
    }

    @Override
    public void close() {
        dataSource.close();
        try (Connection c = DriverManager.getConnection(URL, USER, env("AVAIN_TEST_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        } catch (Exception e) {
            // a schema left behind is harmless: every run makes its own
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Pseudonyms by SHA-256; "sealing" that only reverses the bytes: enough for the ledger's own tests. */
    static final class TestIdentities implements ClientIdentities {
        @Override
        public String pseudonym(Hetu hetu) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("test:" + hetu.unmasked()).getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Sealed seal(Hetu hetu) {
            byte[] bytes = new StringBuilder(hetu.unmasked()).reverse().toString().getBytes(StandardCharsets.UTF_8);
            return new Sealed(bytes, new byte[12], "test");
        }

        @Override
        public Hetu open(Sealed sealed) {
            return Hetu.parse(new StringBuilder(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).reverse()
                    .toString());
        }
    }
}
