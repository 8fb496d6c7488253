package fi.avain.routes.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The follow-up's imports and endpoints with the message store and the ledger (whose plans make the
 * budgets unmet needs are marked on), on a database; nothing else of the application. Today is
 * {@link #TODAY} in Finland.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ComponentScan(basePackages = {"fi.avain.routes.budget", "fi.avain.routes.messages", "fi.avain.routes.reports"},
        useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "fi\\.avain\\.routes\\.budget\\.(LedgerConfiguration|PlanIntake)",
                "fi\\.avain\\.routes\\.messages\\.(MessagesConfiguration|MessageCipher|MessageQueries"
                        + "|MessageSearchQueries|MessageStore|MessageReplay)",
                "fi\\.avain\\.routes\\.reports\\.(TenantCatalog|ClientGroupRule|ReportingPseudonyms|ReportClock|ReportImportQueries"
                        + "|LineImport|CostImport|OutcomeImport|OutcomeMeasurements|OutcomeIntake"
                        + "|ImportCostsJob|ImportOutcomesJob|UnmetNeeds|OutcomeController|UnmetNeedController"
                        + "|FollowUpProblems)"}))
class FollowUpTestApplication {
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final String TODAY = "2026-03-15";

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
