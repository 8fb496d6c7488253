package fi.avain.mappings.card;

import static fi.avain.mappings.card.CardFields.required;
import static fi.avain.mappings.card.CardFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.CardAuthorizationRequest.Kind;
import fi.avain.mappings.model.Money;
import java.util.Optional;

/**
 * Reads an authorization webhook body (docs/formats/card-authorization.md): the generic format or
 * a Stripe Issuing {@code issuing_authorization.request} event. Stripe's event is read as a tree,
 * not bound to one API version's classes, so fields Stripe adds later do no harm.
 */
public final class CardAuthorizations {
    public static final String STRIPE_AUTHORIZATION_REQUEST = "issuing_authorization.request";
    public static final String STRIPE_AUTHORIZATION_UPDATED = "issuing_authorization.updated";

    private CardAuthorizations() {
    }

    public static CardAuthorizationRequest fromGeneric(byte[] json) {
        JsonNode body = CardFields.object(json, "body");
        Kind kind = switch (required(body, "type", "type")) {
            case "authorization" -> Kind.AUTHORIZATION;
            case "reversal" -> Kind.REVERSAL;
            default -> throw new MappingException("type", "must be authorization or reversal");
        };
        JsonNode merchant = body.path("merchant");
        if (!merchant.isMissingNode() && !merchant.isNull() && !merchant.isObject()) {
            throw new MappingException("merchant", "must be an object");
        }
        Optional<String> mcc = text(merchant, "categoryCode", "merchant.categoryCode");
        if (kind == Kind.AUTHORIZATION && mcc.isEmpty()) {
            throw new MappingException("merchant.categoryCode", "is missing");
        }
        Optional<String> reversalId = text(body, "reversalId", "reversalId");
        if (kind == Kind.AUTHORIZATION && reversalId.isPresent()) {
            throw new MappingException("reversalId", "belongs to a reversal only");
        }
        return new CardAuthorizationRequest(
                CardAuthorizationRequest.GENERIC,
                reversalId.map(id -> CardFields.id(id, "reversalId")).orElse(null),
                kind,
                CardFields.id(required(body, "authorizationId", "authorizationId"), "authorizationId"),
                CardFields.id(required(body, "cardId", "cardId"), "cardId"),
                genericAmount(body, kind),
                mcc.map(code -> CardFields.mcc(code, "merchant.categoryCode")).orElse(null),
                CardFields.name(text(merchant, "name", "merchant.name"), "merchant.name").orElse(null),
                text(merchant, "id", "merchant.id").map(id -> CardFields.id(id, "merchant.id")).orElse(null),
                CardFields.flag(body, "amountControllable", "amountControllable"),
                CardFields.instant(required(body, "createdAt", "createdAt"), "createdAt"));
    }

    /**
     * A Stripe {@code issuing_authorization.request}, read once: the request (its amount the new total,
     * as the generic format has it) and what the authorization held before it, 0 for a new one. A
     * controllable answer's {@code amount} is what this request adds, so it needs both.
     */
    public record StripeAuthorization(CardAuthorizationRequest request, long heldCents) {
    }

    public static CardAuthorizationRequest fromStripeEvent(byte[] json) {
        return readStripeAuthorization(json).request();
    }

    public static StripeAuthorization readStripeAuthorization(byte[] json) {
        JsonNode event = CardFields.object(json, "body");
        JsonNode authorization = StripeEvents.object(event, STRIPE_AUTHORIZATION_REQUEST, "issuing.authorization");
        JsonNode pending = authorization.path("pending_request");
        boolean hasPending = pending.isObject();
        String amountField = hasPending ? "data.object.pending_request.amount" : "data.object.amount";
        JsonNode source = hasPending ? pending : authorization;
        long requested = CardFields.positive(CardFields.cents(source.get("amount"), amountField), amountField).cents();
        // A pending request asks for more on top of what the authorization already holds (an
        // incremental authorization); the ledger is told the new total, as the generic format does.
        long already = hasPending ? stripeAuthorizedCents(authorization) : 0;
        Money amount = Money.ofCents(Math.addExact(requested, already));
        String currencyField = hasPending ? "data.object.pending_request.currency" : "data.object.currency";
        CardFields.euro(required(source, "currency", currencyField), currencyField);
        JsonNode merchant = StripeEvents.member(authorization, "merchant_data", "data.object.merchant_data");
        return new StripeAuthorization(stripe(event, authorization, Kind.AUTHORIZATION, amount,
                CardFields.mcc(required(merchant, "category_code", "data.object.merchant_data.category_code"),
                        "data.object.merchant_data.category_code"),
                CardFields.name(text(merchant, "name", "data.object.merchant_data.name"),
                        "data.object.merchant_data.name").orElse(null),
                text(merchant, "network_id", "data.object.merchant_data.network_id")
                        .map(id -> CardFields.id(id, "data.object.merchant_data.network_id")).orElse(null),
                hasPending && CardFields.flag(pending, "is_amount_controllable",
                        "data.object.pending_request.is_amount_controllable")), already);
    }

    /**
     * The reversal a Stripe {@code issuing_authorization.updated} event tells of, or empty when it
     * tells of none. Stripe reverses by lowering the authorization's {@code amount}: status
     * {@code reversed} releases all that is still held; a lower amount on a {@code pending} one (its
     * {@code previous_attributes.amount} higher) releases the difference. Other updates (approval,
     * closing after capture, metadata) change nothing here: captures come as transactions.
     */
    public static Optional<CardAuthorizationRequest> fromStripeAuthorizationUpdate(byte[] json) {
        JsonNode event = CardFields.object(json, "body");
        JsonNode authorization = StripeEvents.object(event, STRIPE_AUTHORIZATION_UPDATED, "issuing.authorization");
        String status = required(authorization, "status", "data.object.status");
        Money released;
        if ("reversed".equals(status)) {
            released = null;
        } else if ("pending".equals(status)) {
            JsonNode previous = event.path("data").path("previous_attributes").get("amount");
            if (previous == null || previous.isNull()) {
                return Optional.empty();
            }
            long before = CardFields.cents(previous, "data.previous_attributes.amount");
            long now = CardFields.cents(authorization.get("amount"), "data.object.amount");
            if (now < 0) {
                throw new MappingException("data.object.amount", "must not be negative");
            }
            if (before <= now) {
                return Optional.empty();
            }
            released = Money.ofCents(before - now);
        } else {
            return Optional.empty();
        }
        CardFields.euro(required(authorization, "currency", "data.object.currency"), "data.object.currency");
        return Optional.of(stripe(event, authorization, Kind.REVERSAL, released, null, null, null, false));
    }

    private static CardAuthorizationRequest stripe(JsonNode event, JsonNode authorization, Kind kind, Money amount,
                                                   String merchantCategoryCode, String merchantName, String merchantId,
                                                   boolean amountControllable) {
        return new CardAuthorizationRequest(
                CardAuthorizationRequest.STRIPE,
                CardFields.id(required(event, "id", "id"), "id"),
                kind,
                CardFields.id(required(authorization, "id", "data.object.id"), "data.object.id"),
                StripeEvents.cardId(authorization),
                amount,
                merchantCategoryCode,
                merchantName,
                merchantId,
                amountControllable,
                StripeEvents.created(authorization, event));
    }

    /**
     * What a Stripe authorization already holds ({@code data.object.amount}, 0 for a new one): the
     * amount of a pending request comes on top of it.
     */
    private static long stripeAuthorizedCents(JsonNode authorization) {
        JsonNode amount = authorization.get("amount");
        if (amount == null || amount.isNull()) {
            return 0;
        }
        long cents = CardFields.cents(amount, "data.object.amount");
        if (cents < 0) {
            throw new MappingException("data.object.amount", "must not be negative");
        }
        return cents;
    }

    /**
     * The {@code type} of a Stripe event; a body that is not a JSON object with a textual type is
     * refused, since every event Stripe sends has one.
     */
    public static String stripeEventType(byte[] json) {
        return required(CardFields.object(json, "body"), "type", "type");
    }

    private static Money genericAmount(JsonNode body, Kind kind) {
        JsonNode amount = body.get("amount");
        if (amount == null || amount.isNull()) {
            if (kind == Kind.AUTHORIZATION) {
                throw new MappingException("amount", "is missing");
            }
            return null;
        }
        CardFields.euro(required(body, "currency", "currency"), "currency");
        return CardFields.euros(amount, "amount", false);
    }
}
