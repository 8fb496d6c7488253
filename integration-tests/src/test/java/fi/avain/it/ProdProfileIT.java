package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prod profile refuses the sandbox's database before anything connects. */
class ProdProfileIT {

    @ParameterizedTest(name = "AVAIN_DB_URL=''{0}'' is refused naming {1}")
    @CsvSource({"'', AVAIN_DB_URL", "jdbc:h2:mem:avain, PostgreSQL only"})
    void aJobUnderTheProdProfileRefusesToStartWithoutPostgresql(String databaseUrl, String named) {
        Map<String, String> environment = databaseUrl.isEmpty() ? Map.of() : Map.of("AVAIN_DB_URL", databaseUrl);

        AvainJar.Run run = AvainJar.run(List.of("job", "catalogue-sync", "--spring.profiles.active=prod"), environment);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.summary().path("status").asText()).isEqualTo("failed");
        assertThat(run.summary().path("error").asText()).startsWith("could not start").contains(named);
        assertThat(run.stderr()).contains(named);
    }
}
