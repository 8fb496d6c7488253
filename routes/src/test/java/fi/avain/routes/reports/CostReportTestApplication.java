package fi.avain.routes.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
 * The ledger as the application configures it, the message store's cipher (which seals identity codes),
 * this package's report and API, and the job runner, on a database; a clock the test moves.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ComponentScan(basePackages = {"fi.avain.routes.budget", "fi.avain.routes.messages", "fi.avain.routes.reports",
        "fi.avain.routes.jobs", "fi.avain.routes.web"},
        useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "fi\\.avain\\.routes\\.budget\\.LedgerConfiguration",
                "fi\\.avain\\.routes\\.messages\\.(MessagesConfiguration|MessageCipher)",
                "fi\\.avain\\.routes\\.reports\\.(CostReport|CostReportJob|CostReportSettings|CostReportFiles"
                        + "|ReportsController|ReportingPseudonyms|TenantCatalog)",
                "fi\\.avain\\.routes\\.jobs\\.(JobRunner|DatabaseJobLocks)",
                "fi\\.avain\\.routes\\.web\\.ApiExceptionHandler"}))
class CostReportTestApplication {

    @Bean
    MovableClock clock() {
        return new MovableClock(Instant.parse("2025-06-01T09:00:00Z"));
    }

    /** A clock the test sets: the ledger books at its time, the report is made at its time. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
