package fi.avain.routes.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Binary COPY against the test PostgreSQL: each type comes back as written, and a COPY is part of its transaction. */
class CopyRowsIT {
    private static final String URL = env("AVAIN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    private static final String USER = env("AVAIN_TEST_DB_USER", System.getProperty("user.name"));
    private static final List<String> COLUMNS = List.of("id", "name", "body", "n", "at", "other");

    private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "");
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, null)) {
            connection.createStatement().execute("create schema " + schema);
        }
        dataSource = new SingleConnectionDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                USER, null, true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                create table t (id uuid primary key, name text not null, body bytea, n integer not null,
                                at timestamp with time zone, other uuid)
                """);
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema " + schema + " cascade");
        dataSource.destroy();
    }

    @Test
    void eachTypeComesBackAsWritten() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        UUID other = UUID.fromString("ffffffff-0000-4000-8000-000000000001");
        byte[] bytes = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
        CopyRows rows = new CopyRows(jdbc, "t", COLUMNS);
        rows.row().uuid(id).text("Åsa Ylönen ☃ \\ \t \"x\"").bytes(bytes).int4(-7)
                .timestamp(Instant.parse("2026-11-25T03:04:05.123456700Z")).uuid(other);
        rows.row().uuid(other).text("").bytes(null).int4(Integer.MAX_VALUE)
                .timestamp(Instant.parse("1999-12-31T23:59:59.999999Z")).uuid(null);
        rows.row().uuid(UUID.randomUUID()).text("null values").bytes(new byte[0]).int4(0).timestamp(null).uuid(null);

        assertThat(rows.finish()).isEqualTo(3);

        Map<String, Object> first = jdbc.queryForMap("select * from t where id = ?", id);
        assertThat(first.get("name")).isEqualTo("Åsa Ylönen ☃ \\ \t \"x\"");
        assertThat((byte[]) first.get("body")).containsExactly(bytes);
        assertThat(first.get("n")).isEqualTo(-7);
        assertThat(jdbc.queryForObject("select at from t where id = ?", OffsetDateTime.class, id).toInstant())
                .as("rounded to the microsecond, as PostgreSQL rounds text")
                .isEqualTo(Instant.parse("2026-11-25T03:04:05.123457Z"));
        assertThat(first.get("other")).isEqualTo(other);
        Map<String, Object> second = jdbc.queryForMap("select * from t where id = ?", other);
        assertThat(second.get("name")).isEqualTo("");
        assertThat(second.get("body")).isNull();
        assertThat(second.get("n")).isEqualTo(Integer.MAX_VALUE);
        assertThat(jdbc.queryForObject("select at from t where id = ?", OffsetDateTime.class, other).toInstant())
                .isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(second.get("other")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from t where at is null and length(body) = 0", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aTimestampIsRoundedToTheMicrosecondAcrossASecondAndBefore2000() {
        CopyRows rows = new CopyRows(jdbc, "t", COLUMNS);
        rows.row().uuid(new UUID(0, 1)).text("carry").bytes(null).int4(1)
                .timestamp(Instant.parse("2026-11-25T03:04:05.999999600Z")).uuid(null);
        rows.row().uuid(new UUID(0, 2)).text("before 2000").bytes(null).int4(2)
                .timestamp(Instant.parse("1969-07-20T20:17:40.000000400Z")).uuid(null);
        rows.row().uuid(new UUID(0, 3)).text("half").bytes(null).int4(3)
                .timestamp(Instant.parse("1999-12-31T23:59:59.999999500Z")).uuid(null);
        rows.finish();

        assertThat(jdbc.query("select at from t order by n", (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()))
                .containsExactly(Instant.parse("2026-11-25T03:04:06Z"), Instant.parse("1969-07-20T20:17:40Z"),
                        Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(jdbc.queryForObject("""
                select count(*) from t where n = 1 and at = timestamptz '2026-11-25 03:04:05.9999996+00'
                """, Integer.class)).as("as PostgreSQL rounds the same instant given as text").isOne();
    }

    @Test
    void aCopyRollsBackWithItsTransaction() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            CopyRows rows = new CopyRows(jdbc, "t", COLUMNS);
            rows.row().uuid(UUID.randomUUID()).text("a").bytes(null).int4(1).timestamp(null).uuid(null);
            rows.finish();
            throw new IllegalStateException("what came after the copy failed");
        })).hasMessage("what came after the copy failed");

        assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isZero();
    }

    @Test
    void aRowTheTableRefusesFailsTheWholeCopy() {
        UUID id = UUID.randomUUID();
        CopyRows rows = new CopyRows(jdbc, "t", COLUMNS);
        rows.row().uuid(id).text("a").bytes(null).int4(1).timestamp(null).uuid(null);
        rows.row().uuid(id).text("the same id").bytes(null).int4(2).timestamp(null).uuid(null);

        assertThatThrownBy(() -> rows.finish()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("duplicate key");
        assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isZero();
    }

    @Test
    void aRowWithTooFewOrTooManyValuesIsRefusedBeforeAnythingIsSent() {
        CopyRows tooFew = new CopyRows(jdbc, "t", COLUMNS);
        tooFew.row().uuid(UUID.randomUUID()).text("a");
        assertThatThrownBy(() -> tooFew.finish()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 of the 6 values");
        assertThatThrownBy(() -> tooFew.row()).isInstanceOf(IllegalStateException.class);

        CopyRows tooMany = new CopyRows(jdbc, "t", COLUMNS);
        tooMany.row().uuid(UUID.randomUUID()).text("a").bytes(null).int4(1).timestamp(null).uuid(null);
        assertThatThrownBy(() -> tooMany.text("one more")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more values than the 6 columns");
        assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isZero();
    }

    @Test
    void aLargeBatchGoesInPiecesThatCommitTogether() {
        CopyRows rows = new CopyRows(jdbc, "t", COLUMNS, 1_000);
        for (int i = 0; i < 500; i++) {
            rows.row().uuid(UUID.randomUUID()).text("row " + i).bytes(new byte[100]).int4(i).timestamp(null).uuid(null);
        }
        assertThat(rows.finish()).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from t", Integer.class)).isEqualTo(500);
        assertThat(jdbc.queryForObject("select sum(n) from t", Integer.class)).isEqualTo(499 * 500 / 2);

        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            CopyRows more = new CopyRows(jdbc, "t", COLUMNS, 1_000);
            for (int i = 0; i < 100; i++) {
                more.row().uuid(UUID.randomUUID()).text("more").bytes(new byte[100]).int4(i).timestamp(null).uuid(null);
            }
            more.row().uuid(UUID.randomUUID()).text(null).bytes(null).int4(0).timestamp(null).uuid(null);
            more.finish();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("null value");
        assertThat(jdbc.queryForObject("select count(*) from t", Integer.class))
                .as("the pieces sent before the bad row went back with the transaction").isEqualTo(500);
    }

    @Test
    void nothingToCopyIsNoCall() {
        assertThat(new CopyRows(jdbc, "no_such_table", List.of("a")).finish()).isZero();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
