package fi.avain.routes.messages;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test context its own schema ({@code it_<random>}) in the PostgreSQL at {@code AVAIN_TEST_DB_URL},
 * so parallel and repeated runs never share data, and drops it when the context closes. A missing
 * database fails the test, saying how to start one.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final String URL = env("AVAIN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/test");
    private static final String USER = env("AVAIN_TEST_DB_USER", System.getProperty("user.name"));

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema " + schema);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-schema", Map.of(
                "spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username", USER,
                "spring.flyway.schemas", schema)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                execute("drop schema if exists " + schema + " cascade");
            }
        });
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests need PostgreSQL at " + URL + " as user " + USER
                    + " (" + e.getMessage() + "). Start one with scripts/dev-postgres, or point AVAIN_TEST_DB_URL"
                    + " and AVAIN_TEST_DB_USER at one.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
