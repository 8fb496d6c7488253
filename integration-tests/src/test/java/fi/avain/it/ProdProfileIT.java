package fi.avain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The prod profile refuses the sandbox's database before anything connects, and listens where a load
 * balancer can reach it.
 */
class ProdProfileIT {

    @ParameterizedTest(name = "profiles ''{0}'', AVAIN_ADDRESS ''{1}'': listens on {2}")
    @CsvSource({"'', '', 127.0.0.1", "prod, '', 0.0.0.0", "prod, 10.0.0.5, 10.0.0.5", "'', 10.0.0.5, 10.0.0.5"})
    void theSandboxListensOnLoopbackAndProductionOnEveryInterface(String profile, String address, String expected) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> given = new java.util.HashMap<>(Map.of("spring.config.location",
                "file:" + AvainJar.repositoryRoot().resolve("config/application.yml")));
        if (!address.isEmpty()) {
            given.put("AVAIN_ADDRESS", address);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", given));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), profile.isEmpty() ? List.of() : List.of(profile));

        assertThat(environment.getProperty("server.address")).isEqualTo(expected);
    }

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
