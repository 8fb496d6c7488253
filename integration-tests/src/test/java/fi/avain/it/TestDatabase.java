package fi.avain.it;

import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The PostgreSQL the integration tests run on ({@code AVAIN_TEST_DB_URL}, default
 * {@code jdbc:postgresql://localhost:5432/test}). Each test class gets a schema of its own, so runs
 * never see each other's data. A missing database fails with how to start one; it never skips.
 */
final class TestDatabase {
    static final String URL = env("AVAIN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    static final String USER = env("AVAIN_TEST_DB_USER", System.getProperty("user.name"));
    static final String PASSWORD = env("AVAIN_TEST_DB_PASSWORD", "");

    private TestDatabase() {
    }

    static String newSchema() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests need PostgreSQL at " + URL + " (user " + USER
                    + "): " + e.getMessage() + ". Start one with scripts/dev-postgres, or point AVAIN_TEST_DB_URL "
                    + "and AVAIN_TEST_DB_USER at one.", e);
        }
        return schema;
    }

    static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The same database reached at another address (a proxy in front of it), on the schema. */
    static String urlThrough(String host, int port, String schema) {
        URI uri = URI.create(urlFor(schema).substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://" + host + ":" + port + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Where the database listens, for a proxy in front of it. */
    static InetSocketAddress address() {
        URI uri = URI.create(URL.substring("jdbc:".length()));
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /**
     * One connection to the schema, for checking what a jar process did; one, because opening a
     * PostgreSQL connection per poll costs a process fork on a machine the jar needs. Close it.
     */
    static SingleConnectionDataSource connection(String schema) {
        return new SingleConnectionDataSource(urlFor(schema), USER, PASSWORD, true);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
