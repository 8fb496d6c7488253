package fi.avain.routes.fhir;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The ledger's and the subscriptions' configuration as the application has them, on a database, with the
 * two parts others write (who may see what, and the FHIR JSON of a notification) stood in for.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@ComponentScan(basePackages = {"fi.avain.routes.budget", "fi.avain.routes.messages", "fi.avain.routes.fhir"},
        useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "fi\\.avain\\.routes\\.budget\\.LedgerConfiguration",
                "fi\\.avain\\.routes\\.messages\\.(MessagesConfiguration|MessageCipher)",
                "fi\\.avain\\.routes\\.fhir\\.Subscription(Configuration|Provider)"}))
class SubscriptionTestApplication {

    @Bean
    TestPortalAccess portalAccess() {
        return new TestPortalAccess();
    }

    @Bean
    TestPayloads notificationPayloads() {
        return new TestPayloads();
    }
}
