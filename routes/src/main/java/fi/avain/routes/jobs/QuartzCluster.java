package fi.avain.routes.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's schedules live in Quartz's JDBC job store (tables of {@code V014__quartz.sql}), clustered:
 * every node sharing the database runs the same {@code quartz://} routes, and each firing runs on one of
 * them. Camel's quartz component is handed this scheduler instead of making its in-memory one. A job run
 * from the command line ({@code avain.scheduler.enabled=false}) gets none, so it never joins the cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "avain.scheduler.enabled", havingValue = "true", matchIfMissing = true)
public class QuartzCluster {
    /** The cluster's name: Quartz keeps it in every row, and nodes of one name share their triggers. */
    public static final String NAME = "avain";

    /** Shut down without waiting for a running job: Camel has stopped its routes by then. */
    @Bean(destroyMethod = "shutdown")
    Scheduler avainScheduler(DataSource dataSource) throws SchedulerException {
        return scheduler(dataSource);
    }

    @Bean
    ComponentCustomizer quartzUsesTheClusteredScheduler(Scheduler avainScheduler) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> quartz.setScheduler(avainScheduler));
    }

    /** Camel finds the scheduler through a customizer, not a dependency; this one makes it start first and stop last. */
    @Bean
    static BeanFactoryPostProcessor camelContextNeedsTheScheduler() {
        return new CamelContextNeedsTheScheduler();
    }

    static final class CamelContextNeedsTheScheduler extends AbstractDependsOnBeanFactoryPostProcessor {
        CamelContextNeedsTheScheduler() {
            super(CamelContext.class, "avainScheduler");
        }
    }

    /** A clustered scheduler on the database, not started. */
    public static Scheduler scheduler(DataSource dataSource) throws SchedulerException {
        // Quartz finds its connections by name in a JVM-wide registry; a name per scheduler keeps two
        // application contexts in one JVM (tests) apart.
        String connections = "avain-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(connections, new Connections(dataSource));
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        // The nightly jobs are few and rarely due together.
        properties.setProperty("org.quartz.threadPool.threadCount", "3");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, JobStoreTX.class.getName());
        properties.setProperty("org.quartz.jobStore.dataSource", connections);
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(dataSource));
        properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Every node, and every context in one JVM, has the same scheduler name; Quartz's JVM-wide
        // repository of schedulers by name would hand the second one the first's.
        SchedulerRepository.getInstance().remove(NAME);
        return scheduler;
    }

    /** PostgreSQL stores Quartz's serialized data as bytea, which its delegate reads; H2 reads it as a blob. */
    private static String delegate(DataSource dataSource) throws SchedulerException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName();
        } catch (SQLException e) {
            throw new SchedulerException("cannot reach the database for the job store", e);
        }
    }

    /** Quartz's connections from the application's pool. */
    private record Connections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application
        }

        @Override
        public void initialize() {
            // the pool is ready when the application hands it over
        }
    }
}
