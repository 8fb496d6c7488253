package fi.avain.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
