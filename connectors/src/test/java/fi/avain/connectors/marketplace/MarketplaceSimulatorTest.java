package fi.avain.connectors.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.connectors.simulator.Fault;
import fi.avain.connectors.simulator.LoopbackClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarketplaceSimulatorTest {
    private final LoopbackClient http = new LoopbackClient();
    private final MarketplaceSimulator simulator = MarketplaceSimulator.start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void recordsTheLatestBodyAndCountsPuts() {
        assertThat(http.put(simulator.baseUrl() + "/services/s1", "{\"id\":\"s1\",\"name\":\"a\"}").statusCode()).isEqualTo(201);
        assertThat(http.put(simulator.baseUrl() + "/services/s1", "{\"id\":\"s1\",\"name\":\"b\"}").statusCode()).isEqualTo(200);
        assertThat(simulator.get("services", "s1").orElseThrow().get("name").asText()).isEqualTo("b");
        assertThat(http.json(simulator.baseUrl() + "/services/s1").get("name").asText()).isEqualTo("b");
        assertThat(http.json(simulator.baseUrl() + "/services")).hasSize(1);
        assertThat(simulator.puts("services")).isEqualTo(2);
        assertThat(simulator.ids("services")).containsExactly("s1");
    }

    @Test
    void deletesAKnownObjectAndAnswers404ForAnUnknownOne() {
        http.put(simulator.baseUrl() + "/organizations/o1", "{\"id\":\"o1\"}");
        assertThat(http.delete(simulator.baseUrl() + "/organizations/o1").statusCode()).isEqualTo(204);
        assertThat(http.delete(simulator.baseUrl() + "/organizations/o1").statusCode()).isEqualTo(404);
        assertThat(simulator.deletes("organizations")).isEqualTo(2);
        assertThat(simulator.get("organizations", "o1")).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimitAndOneThatIsNotJson() {
        simulator.maxBodyBytes(10);
        assertThat(http.put(simulator.baseUrl() + "/locations/l1", "{\"id\":\"l1-long\"}").statusCode()).isEqualTo(413);
        assertThat(http.put(simulator.baseUrl() + "/locations/l1", "<x/>").statusCode()).isEqualTo(400);
        assertThat(http.put(simulator.baseUrl() + "/locations/l1", "").statusCode()).isEqualTo(400);
        assertThat(http.put(simulator.baseUrl() + "/locations/l1", "{\"a\":").statusCode()).isEqualTo(400);
        assertThat(http.put(simulator.baseUrl() + "/locations/l1", "{} {}").statusCode()).isEqualTo(400);
        assertThat(simulator.ids("locations")).isEmpty();
    }

    @Test
    void resetsAndInjectsFaults() {
        http.put(simulator.baseUrl() + "/services/s1", "{}");
        simulator.reset();
        simulator.failNext(1, Fault.HTTP_500);
        assertThat(http.put(simulator.baseUrl() + "/services/s2", "{}").statusCode()).isEqualTo(500);
        assertThat(simulator.ids("services")).isEmpty();
        assertThat(simulator.puts("services")).isZero();
    }
}
