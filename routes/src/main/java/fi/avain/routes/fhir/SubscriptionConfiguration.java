package fi.avain.routes.fhir;

import fi.avain.budget.Portal;
import fi.avain.routes.messages.MessageCipher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** The portal's subscriptions and their dispatcher, on the application's database and clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionSettings.class)
class SubscriptionConfiguration {

    @Bean
    SubscriptionStore subscriptionStore(JdbcClient jdbc, TransactionTemplate tx, MessageCipher cipher,
                                        ObjectProvider<Clock> clock, Environment environment,
                                        SubscriptionSettings settings) {
        return new SubscriptionStore(jdbc, tx, cipher, clock.getIfAvailable(Clock::systemUTC),
                environment.acceptsProfiles(Profiles.of("prod"))
                        ? EndpointAddresses.publicOr(settings.allowedNetworks(), settings.connectTimeout())
                        : EndpointAddresses.any());
    }

    /** Also the ledger's change listener; a job process books but never delivers: the server finds its changes. */
    @Bean
    NotificationDispatcher notificationDispatcher(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx,
                                                  Portal portal, SubscriptionStore store, NotificationPayloads payloads,
                                                  SubscriptionSettings settings, ObjectProvider<Clock> clock,
                                                  ObjectProvider<MeterRegistry> meters,
                                                  @Value("${avain.mode:server}") String mode)
            throws MetaDataAccessException {
        boolean postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                DatabaseMetaData::getDatabaseProductName));
        return new NotificationDispatcher(jdbc, postgres, tx, portal, store, payloads,
                "job".equals(mode) ? settings.withEnabled(false) : settings, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
