package fi.avain.routes.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The database keeps the hold, on a connection of its own for the length of the run, so a process that
 * dies lets go with its connection. On PostgreSQL a session-level advisory lock, which keeps no
 * transaction open through a long run; on H2 (the sandbox, which has no advisory locks) the job's row of
 * {@code job_lock}, locked in a transaction that the run's end rolls back.
 */
@Component
class DatabaseJobLocks implements JobLocks {
    private static final Logger log = LoggerFactory.getLogger(DatabaseJobLocks.class);
    // The two-integer form keeps these apart from the one-bigint locks that Flyway takes.
    private static final String TRY_ADVISORY = "select pg_try_advisory_lock(hashtext('avain-job'), hashtext(?))";
    private static final String ADVISORY_UNLOCK = "select pg_advisory_unlock(hashtext('avain-job'), hashtext(?))";
    private static final String ADD_ROW = "insert into job_lock (job_name) select ? where not exists"
            + " (select 1 from job_lock where job_name = ?)";
    private static final String LOCK_ROW = "select job_name from job_lock where job_name = ? for update skip locked";

    private final DataSource dataSource;
    private volatile Boolean postgres;

    DatabaseJobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryHold(String job) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            Optional<Held> held = isPostgres(connection) ? advisory(connection, job) : row(connection, job);
            if (held.isEmpty()) {
                connection.close();
            }
            return held;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("cannot take the job's lock: " + e.getMessage(), e);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    private static Optional<Held> advisory(Connection connection, String job) throws SQLException {
        if (!query(connection, TRY_ADVISORY, job)) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            try {
                if (!query(connection, ADVISORY_UNLOCK, job)) {
                    throw new SQLException("the advisory lock was not held");
                }
                connection.close();
            } catch (SQLException e) {
                // Back in the pool, a session that may still hold the lock would keep the job from ever
                // running again: end the session instead.
                log.warn("job {}: could not release its lock ({}); closing the connection", job, e.getMessage());
                abort(connection);
            }
        });
    }

    private static Optional<Held> row(Connection connection, String job) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement add = connection.prepareStatement(ADD_ROW)) {
            add.setString(1, job);
            add.setString(2, job);
            add.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            // Another run added the row at the same moment; it is there either way.
            connection.rollback();
        }
        if (!query(connection, LOCK_ROW, job)) {
            connection.rollback();
            connection.setAutoCommit(true);
            return Optional.empty();
        }
        return Optional.of(() -> {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException e) {
                log.warn("job {}: could not release its lock ({}); closing the connection", job, e.getMessage());
                abort(connection);
            }
        });
    }

    /** Whether the statement answered a row (and, for a boolean answer, true). */
    private static boolean query(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, job);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                Object answer = rows.getObject(1);
                return !(answer instanceof Boolean locked) || locked;
            }
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            log.debug("aborting the connection failed", e);
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the connection failed", e);
        }
    }
}
