package fi.avain.mappings.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardAuthorizationsTest {
    private static final Path GENERIC = Path.of("src/test/resources/golden/card/generic/authorization.input.json");
    private static final Path STRIPE = Path.of("src/test/resources/golden/card/stripe/authorization-request.input.json");

    static Stream<Arguments> brokenGenericBodies() {
        return Stream.of(
                broken("type", b -> b.remove("type"), "type: is missing"),
                broken("type", b -> b.put("type", "capture"), "type: must be authorization or reversal"),
                broken("type", b -> b.put("type", 1), "type: must be text"),
                broken("authorizationId", b -> b.remove("authorizationId"), "authorizationId: is missing"),
                broken("authorizationId", b -> b.put("authorizationId", "x".repeat(256)),
                        "authorizationId: must be at most 255 characters"),
                broken("authorizationId", b -> b.put("authorizationId", "auth\u0000secret"),
                        "authorizationId: must not contain control characters"),
                broken("cardId", b -> b.put("cardId", " "), "cardId: is missing"),
                broken("amount", b -> b.remove("amount"), "amount: is missing"),
                broken("amount", b -> b.put("amount", "0.00"), "amount: must be more than zero"),
                broken("amount", b -> b.put("amount", "-12.50"), "amount: must be more than zero"),
                broken("amount", b -> b.put("amount", 0), "amount: must be more than zero"),
                broken("amount", b -> b.put("amount", "12.505"), "amount: must be euros with at most two decimals, like 12.50"),
                broken("amount", b -> b.put("amount", new BigDecimal("12.505")),
                        "amount: must be euros with at most two decimals, like 12.50"),
                broken("amount", b -> b.put("amount", "12,50"), "amount: must be euros with at most two decimals, like 12.50"),
                broken("amount", b -> b.put("amount", "1e3"), "amount: must be euros with at most two decimals, like 12.50"),
                broken("amount", b -> b.put("amount", new BigDecimal("1E+999999999")),
                        "amount: must be euros with at most two decimals, like 12.50"),
                broken("amount", b -> b.put("amount", true), "amount: must be euros with at most two decimals, like 12.50"),
                broken("currency", b -> b.remove("currency"), "currency: is missing"),
                broken("currency", b -> b.put("currency", "SEK"), "currency: must be EUR"),
                broken("merchant", b -> b.put("merchant", "8099"), "merchant: must be an object"),
                broken("merchant.categoryCode", b -> b.remove("merchant"), "merchant.categoryCode: is missing"),
                broken("merchant.categoryCode", b -> merchant(b).put("categoryCode", "809"),
                        "merchant.categoryCode: must be exactly four digits"),
                broken("merchant.categoryCode", b -> merchant(b).put("categoryCode", "80990"),
                        "merchant.categoryCode: must be exactly four digits"),
                broken("merchant.categoryCode", b -> merchant(b).put("categoryCode", 8099),
                        "merchant.categoryCode: must be text"),
                broken("merchant.name", b -> merchant(b).put("name", "n".repeat(1001)),
                        "merchant.name: must be at most 1000 characters"),
                broken("amountControllable", b -> b.put("amountControllable", "false"),
                        "amountControllable: must be true or false"),
                broken("createdAt", b -> b.remove("createdAt"), "createdAt: is missing"),
                broken("createdAt", b -> b.put("createdAt", "2026-11-23 10:00"),
                        "createdAt: must be an ISO-8601 time with a zone, like 2026-11-23T10:00:00Z"),
                broken("createdAt", b -> b.put("createdAt", "2026-11-23T10:00:00"),
                        "createdAt: must be an ISO-8601 time with a zone, like 2026-11-23T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenGenericBodies")
    void refusesABrokenGenericBodyNamingTheFieldAndTheRule(String field, Consumer<ObjectNode> change, String reason) {
        ObjectNode body = (ObjectNode) GoldenFiles.read(GENERIC);
        change.accept(body);
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CardAuthorizations.fromGeneric(json))
                .isInstanceOf(MappingException.class)
                .hasMessage(reason)
                .satisfies(e -> assertThat(((MappingException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"authorization\"", "null", "{\"type\":\"authorization\"} {}",
            "{\"type\":\"authorization\",\"type\":\"reversal\"}", "{\"amount\":NaN}"})
    void refusesABodyThatIsNotOneJsonObject(String text) {
        assertThatThrownBy(() -> CardAuthorizations.fromGeneric(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("body: ");
    }

    @Test
    void aStripeRequestTellsWhatTheAuthorizationHeldBeforeIt() throws IOException {
        CardAuthorizations.StripeAuthorization incremental = CardAuthorizations.readStripeAuthorization(
                Files.readAllBytes(Path.of("src/test/resources/golden/card/stripe/incremental-request.input.json")));
        CardAuthorizations.StripeAuthorization first = CardAuthorizations.readStripeAuthorization(Files.readAllBytes(STRIPE));

        assertThat(incremental.heldCents()).isEqualTo(1250);
        assertThat(incremental.request().amount().cents()).isEqualTo(1750);
        assertThat(first.heldCents()).isZero();
    }

    @Test
    void readsAReversalWithoutMerchantOrAmountAsReleasingAllThatRemains() {
        CardAuthorizationRequest reversal = CardAuthorizations.fromGeneric("""
                {"type":"reversal","authorizationId":"a1","cardId":"c1","createdAt":"2026-11-23T10:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(reversal.kind()).isEqualTo(CardAuthorizationRequest.Kind.REVERSAL);
        assertThat(reversal.amount()).isNull();
        assertThat(reversal.merchantCategoryCode()).isNull();
    }

    @Test
    void readsAJsonNumberAmountExactly() {
        ObjectNode body = (ObjectNode) GoldenFiles.read(GENERIC);
        body.put("amount", new BigDecimal("0.10"));

        assertThat(CardAuthorizations.fromGeneric(body.toString().getBytes(StandardCharsets.UTF_8)).amount())
                .isEqualTo(Money.ofCents(10));
    }

    static Stream<Arguments> brokenStripeEvents() {
        return Stream.of(
                broken("object", e -> e.put("object", "issuing.authorization"), "object: must be event"),
                broken("type", e -> e.put("type", "issuing_authorization.created"),
                        "type: must be issuing_authorization.request"),
                broken("data.object", e -> data(e).remove("object"), "data.object: is missing"),
                broken("data.object.object", e -> authorization(e).put("object", "issuing.transaction"),
                        "data.object.object: must be issuing.authorization"),
                broken("data.object.pending_request.amount", e -> pending(e).put("amount", 0),
                        "data.object.pending_request.amount: must be more than zero"),
                broken("data.object.pending_request.amount", e -> pending(e).put("amount", -1250),
                        "data.object.pending_request.amount: must be more than zero"),
                broken("data.object.pending_request.amount", e -> pending(e).put("amount", "1250"),
                        "data.object.pending_request.amount: must be a whole number of cents"),
                broken("data.object.pending_request.amount", e -> pending(e).remove("amount"),
                        "data.object.pending_request.amount: is missing"),
                broken("data.object.amount", e -> authorization(e).remove("pending_request"),
                        "data.object.amount: must be more than zero"),
                broken("data.object.pending_request.currency", e -> pending(e).put("currency", "usd"),
                        "data.object.pending_request.currency: must be EUR"),
                broken("data.object.merchant_data", e -> authorization(e).remove("merchant_data"),
                        "data.object.merchant_data: is missing"),
                broken("data.object.merchant_data.category_code",
                        e -> ((ObjectNode) authorization(e).get("merchant_data")).put("category_code", "medical"),
                        "data.object.merchant_data.category_code: must be exactly four digits"),
                broken("data.object.card.id", e -> ((ObjectNode) authorization(e).get("card")).remove("id"),
                        "data.object.card.id: is missing"),
                broken("data.object.card", e -> authorization(e).remove("card"), "data.object.card: is missing"),
                broken("data.object.pending_request.is_amount_controllable",
                        e -> pending(e).put("is_amount_controllable", "no"),
                        "data.object.pending_request.is_amount_controllable: must be true or false"),
                broken("created", e -> {
                    authorization(e).remove("created");
                    e.remove("created");
                }, "created: is missing"),
                broken("id", e -> e.remove("id"), "id: is missing"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenStripeEvents")
    void refusesABrokenStripeEventNamingTheFieldAndTheRule(String field, Consumer<ObjectNode> change, String reason) {
        ObjectNode event = (ObjectNode) GoldenFiles.read(STRIPE);
        change.accept(event);

        assertThatThrownBy(() -> CardAuthorizations.fromStripeEvent(event.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class)
                .hasMessage(reason)
                .satisfies(e -> assertThat(((MappingException) e).field()).isEqualTo(field));
    }

    @Test
    void tellsTheTypeOfAStripeEventSoOtherTypesCanBeRoutedElsewhere() throws IOException {
        assertThat(CardAuthorizations.stripeEventType(Files.readAllBytes(STRIPE)))
                .isEqualTo(CardAuthorizations.STRIPE_AUTHORIZATION_REQUEST);
        assertThat(CardAuthorizations.stripeEventType("{\"type\":\"issuing_transaction.created\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("issuing_transaction.created");
    }

    @Test
    void aStripeBodyWithoutATextualTypeIsRefusedNotIgnored() {
        assertThatThrownBy(() -> CardAuthorizations.stripeEventType("{\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessageContaining("type").hasMessageContaining("missing");
        assertThatThrownBy(() -> CardAuthorizations.stripeEventType("{\"type\":7}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessageContaining("must be text");
        assertThatThrownBy(() -> CardAuthorizations.stripeEventType("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> CardAuthorizations.stripeEventType(new byte[0])).isInstanceOf(MappingException.class);
    }

    private static Arguments broken(String field, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(field, change, reason);
    }

    private static ObjectNode merchant(ObjectNode body) {
        return (ObjectNode) body.get("merchant");
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ObjectNode authorization(ObjectNode event) {
        return (ObjectNode) data(event).get("object");
    }

    private static ObjectNode pending(ObjectNode event) {
        return (ObjectNode) authorization(event).get("pending_request");
    }

    @Test
    void aStripeAuthorizationUpdateIsAReversalWhenItLowersTheAmountOrReversesTheWhole() {
        CardAuthorizationRequest partial = CardAuthorizations.fromStripeAuthorizationUpdate(
                updated("pending", 4000, ",\"previous_attributes\":{\"amount\":6000}")).orElseThrow();
        assertThat(partial.kind()).isEqualTo(CardAuthorizationRequest.Kind.REVERSAL);
        assertThat(partial.eventId()).isEqualTo("evt_u");
        assertThat(partial.authorizationId()).isEqualTo("iauth_u");
        assertThat(partial.cardId()).isEqualTo("ic_u");
        assertThat(partial.amount().cents()).isEqualTo(2000);

        CardAuthorizationRequest whole = CardAuthorizations.fromStripeAuthorizationUpdate(
                updated("reversed", 0, ",\"previous_attributes\":{\"amount\":4000,\"status\":\"pending\"}")).orElseThrow();
        assertThat(whole.amount()).isNull();

        assertThat(CardAuthorizations.fromStripeAuthorizationUpdate(updated("pending", 4000, ""))).isEmpty();
        assertThat(CardAuthorizations.fromStripeAuthorizationUpdate(
                updated("pending", 7000, ",\"previous_attributes\":{\"amount\":6000}"))).isEmpty();
        assertThat(CardAuthorizations.fromStripeAuthorizationUpdate(
                updated("closed", 0, ",\"previous_attributes\":{\"amount\":6000}"))).isEmpty();
        assertThatThrownBy(() -> CardAuthorizations.fromStripeAuthorizationUpdate(
                updated("pending", -1, ",\"previous_attributes\":{\"amount\":6000}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("data.object.amount");
        assertThatThrownBy(() -> CardAuthorizations.fromStripeAuthorizationUpdate(
                new String(updated("reversed", 0, ""), StandardCharsets.UTF_8).replace("\"status\":\"reversed\",", "")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessageContaining("data.object.status");
    }

    private static byte[] updated(String status, long amount, String previous) {
        return ("{\"id\":\"evt_u\",\"object\":\"event\",\"type\":\"issuing_authorization.updated\",\"created\":1795428000,"
                + "\"data\":{\"object\":{\"id\":\"iauth_u\",\"object\":\"issuing.authorization\",\"amount\":" + amount
                + ",\"currency\":\"eur\",\"status\":\"" + status + "\",\"card\":\"ic_u\"}" + previous + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
