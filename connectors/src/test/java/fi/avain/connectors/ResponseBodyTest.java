package fi.avain.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Element(JsonNode json, String raw) {
    }

    private static List<Element> elements(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return ResponseBody.arrayElements("ptv", exchange, "itemList",
                (json, raw) -> new Element(json, new String(raw, StandardCharsets.UTF_8)));
    }

    @Test
    void cutsEachElementOfAnArrayAsItWasSent() {
        List<Element> elements = elements("[ {\"id\": \"a\",\n  \"name\": \"Äänekoski ✓\"} ,{\"id\":\"b\",\"n\":[1, 2]}, \"c\", null]");

        assertThat(elements).extracting(Element::raw)
                .containsExactly("{\"id\": \"a\",\n  \"name\": \"Äänekoski ✓\"}", "{\"id\":\"b\",\"n\":[1, 2]}", "\"c\"", "null");
        assertThat(elements.get(0).json()).isEqualTo(JSON.createObjectNode().put("id", "a").put("name", "Äänekoski ✓"));
        assertThat(elements.get(2).json().asText()).isEqualTo("c");
    }

    private static List<Element> kept(String body, java.util.Set<String> keep) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        return ResponseBody.arrayElements("ptv", exchange, "itemList", keep,
                (json, raw) -> new Element(json, new String(raw, StandardCharsets.UTF_8)));
    }

    @Test
    void buildsOnlyTheFieldsAskedForButCutsTheWholeElement() throws Exception {
        String first = "{\"id\": \"a\", \"ontologyTerms\": [{\"uri\": \"x\", \"n\": [1, {\"deep\": null}]}],"
                + " \"name\": null, \"count\": 2, \"id\": \"b\"}";
        List<Element> elements = kept("[" + first + ", \"c\", [1], {}]", java.util.Set.of("id", "name", "missing"));

        assertThat(elements).extracting(Element::raw).containsExactly(first, "\"c\"", "[1]", "{}");
        assertThat(elements.get(0).json()).as("a repeated field keeps its last value, as a whole tree does")
                .isEqualTo(JSON.readTree("{\"name\": null, \"id\": \"b\"}"));
        assertThat(elements.get(0).json().has("name")).isTrue();
        assertThat(elements.get(1).json().asText()).isEqualTo("c");
        assertThat(elements.get(2).json()).isEqualTo(JSON.readTree("[1]"));
        assertThat(elements.get(3).json()).isEqualTo(JSON.createObjectNode());
        assertThat(kept("{\"itemList\": [" + first + "]}", null).get(0).json())
                .as("no field list: the whole tree").isEqualTo(JSON.readTree(first));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"id\": \"a\", \"skipped\": [1, }]", "[{\"id\": \"a\", \"skipped\": {\"x\" 1}}]",
            "[{\"id\": \"a\", \"skipped\": \"open]", "[{\"id\": \"a\", \"skipped\": tru}]", "[{\"id\": \"a\", 7: 1}]",
            "[{\"id\": \"a\", \"skipped\": [1]"})
    void refusesBrokenJsonEvenInFieldsNotBuilt(String body) {
        assertThatThrownBy(() -> kept(body, java.util.Set.of("id")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("not JSON");
    }

    @Test
    void readsTheArrayUnderTheFieldOfAnObject() throws Exception {
        List<Element> elements = elements("{\"pageNumber\": 1, \"other\": {\"itemList\": [9]}, \"itemList\": [{\"id\":\"x\"}], \"after\": true}");

        assertThat(elements).extracting(Element::raw).containsExactly("{\"id\":\"x\"}");
        for (Element element : elements) {
            assertThat(JSON.readTree(element.raw())).isEqualTo(element.json());
        }
    }

    @Test
    void anEmptyArrayHasNoElements() {
        assertThat(elements("[]")).isEmpty();
        assertThat(elements("{\"itemList\": []}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"items\": []}", "{\"itemList\": {}}", "{\"itemList\": null}", "42", "\"text\""})
    void refusesAnAnswerWithoutTheArray(String body) {
        assertThatThrownBy(() -> elements(body))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("neither an array nor has an itemList");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"id\": \"a\"}, {\"id\"", "[1, 2", "not json", "[{\"id\": }]",
            "{\"itemList\": [{\"id\": \"a\"}], \"next\": ", "{\"itemList\": [{\"id\": \"a\"}]"})
    void refusesJsonThatIsCutOffOrBroken(String body) {
        assertThatThrownBy(() -> elements(body))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("not JSON");
    }

    private static byte[] bounded(byte[] sent, Long declared, long maxBytes) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(new java.io.ByteArrayInputStream(sent));
        if (declared != null) {
            exchange.getMessage().setHeader("Content-Length", declared);
        }
        ResponseBody.readWithinBreaker(maxBytes, exchange);
        ResponseBody.failIfTooLarge("ptv", maxBytes, exchange);
        return exchange.getMessage().getBody(byte[].class);
    }

    @Test
    void readsTheWholeBodyWhateverItsContentLengthSays() throws Exception {
        byte[] sent = "0123456789".getBytes(StandardCharsets.UTF_8);

        assertThat(bounded(sent, null, 100)).isEqualTo(sent);
        assertThat(bounded(sent, 10L, 100)).isEqualTo(sent);
        assertThat(bounded(sent, 4L, 100)).as("more than declared").isEqualTo(sent);
        assertThat(bounded(sent, 50L, 100)).as("less than declared").isEqualTo(sent);
        assertThat(bounded(sent, 10L, 10)).isEqualTo(sent);
    }

    @Test
    void refusesABodyOverTheLimitDeclaredOrNot() {
        byte[] sent = "0123456789".getBytes(StandardCharsets.UTF_8);

        for (Long declared : new Long[] {null, 10L, 4L, 9L}) {
            assertThatThrownBy(() -> bounded(sent, declared, 9))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageContaining("larger than the limit of 9 bytes");
        }
    }

    @Test
    void refusesJsonThatIsNotUtf8() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("[{\"id\": \"a\"}]".getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> ResponseBody.arrayElements("ptv", exchange, "itemList", (json, raw) -> raw))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("not JSON in UTF-8");
    }

    private static Exchange answer(int status, byte[] body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(new java.io.ByteArrayInputStream(body));
        return exchange;
    }

    @Test
    void insideTheBreakerAnAnswerOverTheLimitIsMarkedAndFailsOnlyAfterIt() throws Exception {
        Exchange exchange = answer(200, new byte[10]);

        ResponseBody.readWithinBreaker(9, exchange);

        assertThat(exchange.getMessage().getBody()).isNull();
        assertThatThrownBy(() -> ResponseBody.failIfTooLarge("ptv", 9, exchange))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageContaining("larger than the limit of 9 bytes");
    }

    @Test
    void insideTheBreakerAnAnswerWithinTheLimitIsRead() throws Exception {
        Exchange exchange = answer(200, "[1]".getBytes(StandardCharsets.UTF_8));

        ResponseBody.readWithinBreaker(9, exchange);
        ResponseBody.failIfTooLarge("ptv", 9, exchange);

        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo("[1]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void insideTheBreakerAnErrorAnswerIsClosedUnreadForTheStatusChecks() throws Exception {
        Exchange exchange = answer(404, new byte[100]);

        ResponseBody.readWithinBreaker(9, exchange);
        ResponseBody.failIfTooLarge("ptv", 9, exchange);

        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> elements(""))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("empty response");
    }
}
