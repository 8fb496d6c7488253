package fi.avain.routes.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sandbox runs on H2 in PostgreSQL mode, so every migration must apply there too. */
class MigrationsOnH2Test {

    @Test
    void applyOnH2InPostgreSqlMode() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "");

        MigrateResult result = Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        assertThat(JdbcClient.create(dataSource).sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_name like 'message%'""")
                .query(String.class).list())
                .contains("message", "message_key", "message_audit");
        assertThat(JdbcClient.create(dataSource).sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_name = 'audit_event'""")
                .query(String.class).list())
                .containsExactly("audit_event");
        assertThat(JdbcClient.create(dataSource).sql("""
                        select table_name from information_schema.tables
                         where table_schema = 'public' and table_name in
                               ('report_member', 'report_cost', 'outcome_measurement', 'unmet_need')""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("report_member", "report_cost", "outcome_measurement", "unmet_need");
    }
}
