package fi.avain.routes.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobArgumentsTest {

    @Test
    void separatesTheJobsOptionsFromSpringProperties() {
        JobArguments arguments = JobArguments.parse(new String[] {"catalogue-sync", "--full", "--file=costs.csv",
                "--avain.connectors.ptv.base-url=http://127.0.0.1:9000/api/v11", "--spring.profiles.active=prod"});

        assertThat(arguments.name()).isEqualTo("catalogue-sync");
        assertThat(arguments.options()).isEqualTo(Map.of("full", "true", "file", "costs.csv"));
        assertThat(arguments.springArgs()).isEqualTo(List.of(
                "--avain.connectors.ptv.base-url=http://127.0.0.1:9000/api/v11", "--spring.profiles.active=prod"));
    }

    @Test
    void keepsAnEqualsSignInsideAValue() {
        JobArguments arguments = JobArguments.parse(new String[] {"x", "--query=a=b"});

        assertThat(arguments.options()).containsEntry("query", "a=b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--full", "-x"})
    void refusesAMissingJobName(String first) {
        String[] args = first.isEmpty() ? new String[0] : new String[] {first};

        assertThatThrownBy(() -> JobArguments.parse(args)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the job");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "--", "-f"})
    void refusesAnArgumentThatIsNotAnOption(String argument) {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"catalogue-sync", argument}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--period=2026-10", "--period", "--period=2026-11"})
    void refusesAnOptionGivenTwice(String again) {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"cost-report", "--period=2026-11", again}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--period is given more than once");
    }
}
