package fi.avain.mappings.card;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.MappingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StripeTransactionTest {
    private static final Path CAPTURE = Path.of("src/test/resources/golden/card/stripe-transaction/capture.input.json");

    static Stream<Arguments> brokenTransactions() {
        return Stream.of(
                Arguments.of((Consumer<ObjectNode>) e -> e.put("type", "issuing_transaction.updated"),
                        "type: must be issuing_transaction.created"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("type", "dispute"),
                        "data.object.type: must be capture or refund"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("type", "refund"),
                        "data.object.amount: must be positive for a refund"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("amount", 0),
                        "data.object.amount: must be negative for a capture"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("amount", -12.5),
                        "data.object.amount: must be a whole number of cents"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("currency", "usd"),
                        "data.object.currency: must be EUR"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).remove("card"),
                        "data.object.card: is missing"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("authorization", 7),
                        "data.object.authorization: must be text"),
                Arguments.of((Consumer<ObjectNode>) e -> ((ObjectNode) transaction(e).get("merchant_data"))
                        .remove("category_code"), "data.object.merchant_data.category_code: is missing"),
                Arguments.of((Consumer<ObjectNode>) e -> transaction(e).put("created", "2026-11-23"),
                        "data.object.created: must be whole seconds since 1970"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenTransactions")
    void refusesABrokenTransactionEventNamingTheFieldAndTheRule(Consumer<ObjectNode> change, String reason) {
        ObjectNode event = (ObjectNode) GoldenFiles.read(CAPTURE);
        change.accept(event);

        assertThatThrownBy(() -> ClearingFiles.fromStripeTransaction(event.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class)
                .hasMessage(reason);
    }

    private static ObjectNode transaction(ObjectNode event) {
        return (ObjectNode) event.get("data").get("object");
    }
}
