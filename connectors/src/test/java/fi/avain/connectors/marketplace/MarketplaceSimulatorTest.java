package fi.avain.connectors.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.connectors.simulator.Fault;
import fi.avain.connectors.simulator.LoopbackClient;
import fi.avain.connectors.simulator.SimulatorServer;
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
        var created = http.put(simulator.baseUrl() + "/services/s1", "{\"id\":\"s1\",\"name\":\"a\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        var replaced = http.put(simulator.baseUrl() + "/services/s1", "{\"id\":\"s1\",\"name\":\"b\"}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEmpty();
        assertThat(simulator.get("services", "s1").orElseThrow().get("name").asText()).isEqualTo("b");
        assertThat(http.json(simulator.baseUrl() + "/services/s1").get("name").asText()).isEqualTo("b");
        assertThat(http.json(simulator.baseUrl() + "/services")).hasSize(1);
        assertThat(simulator.puts("services")).isEqualTo(2);
        assertThat(simulator.ids("services")).containsExactly("s1");
    }

    @Test
    void answersOnTheServersOwnThreadWhenInline() {
        System.setProperty(SimulatorServer.INLINE_PROPERTY, "true");
        try (MarketplaceSimulator inline = MarketplaceSimulator.start()) {
            for (int i = 0; i < 20; i++) {
                assertThat(http.put(inline.baseUrl() + "/locations/l" + i, "{\"id\":\"l" + i + "\"}").statusCode())
                        .isEqualTo(201);
            }
            assertThat(inline.ids("locations")).hasSize(20);
            assertThat(http.json(inline.baseUrl() + "/locations/l7").get("id").asText()).isEqualTo("l7");
        } finally {
            System.clearProperty(SimulatorServer.INLINE_PROPERTY);
        }
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
