package fi.avain.routes.fhir;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what goes to the database and waits for its answer (statements run, commits and rollbacks) on
 * threads whose name starts with a prefix: the round trips those threads make.
 */
final class CountingDataSource extends DelegatingDataSource {
    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch", "commit", "rollback");
    private final String threadPrefix;
    private final AtomicInteger count = new AtomicInteger();

    CountingDataSource(DataSource target, String threadPrefix) {
        super(target);
        this.threadPrefix = threadPrefix;
    }

    int count() {
        return count.get();
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
        return counting(Connection.class, super.getConnection());
    }

    private <T> T counting(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (ROUND_TRIPS.contains(method.getName()) && Thread.currentThread().getName().startsWith(threadPrefix)) {
                count.incrementAndGet();
            }
            try {
                Object result = method.invoke(target, args);
                if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
                    @SuppressWarnings("unchecked")
                    Class<Statement> returned = (Class<Statement>) method.getReturnType();
                    return counting(returned, statement);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }
}
