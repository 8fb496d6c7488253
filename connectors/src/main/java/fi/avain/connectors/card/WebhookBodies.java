package fi.avain.connectors.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.card.CardAuthorizations;
import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.Money;
import java.time.Instant;

/**
 * The bodies a processor sends to Avain: the generic format (docs/formats/card-authorization.md)
 * and Stripe Issuing events shaped as Stripe sends them, with the fields Avain does not read too,
 * so the sandbox exercises the same parsing a real event does.
 */
final class WebhookBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    static byte[] genericAuthorization(Purchase purchase, Instant createdAt) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "authorization")
                .put("authorizationId", purchase.authorizationId())
                .put("cardId", purchase.cardId())
                .put("amount", euros(purchase.amount()))
                .put("currency", "EUR");
        ObjectNode merchant = body.putObject("merchant").put("categoryCode", purchase.merchantCategoryCode());
        if (purchase.merchantName() != null) {
            merchant.put("name", purchase.merchantName());
        }
        body.put("amountControllable", purchase.amountControllable()).put("createdAt", createdAt.toString());
        return bytes(body);
    }

    static byte[] genericReversal(String authorizationId, String cardId, Money amount, Instant createdAt) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "reversal")
                .put("authorizationId", authorizationId)
                .put("cardId", cardId);
        if (amount != null) {
            body.put("amount", euros(amount)).put("currency", "EUR");
        }
        return bytes(body.put("createdAt", createdAt.toString()));
    }

    static byte[] stripeAuthorizationRequest(Purchase purchase, String eventId, String apiVersion, Instant created) {
        ObjectNode authorization = JSON.createObjectNode()
                .put("id", purchase.authorizationId())
                .put("object", "issuing.authorization")
                .put("amount", 0)
                .put("approved", false)
                .put("authorization_method", "contactless");
        authorization.putObject("card")
                .put("id", purchase.cardId())
                .put("object", "issuing.card")
                .put("currency", "eur")
                .put("status", "active")
                .put("type", "physical");
        authorization.put("created", created.getEpochSecond())
                .put("currency", "eur")
                .put("livemode", false)
                .put("merchant_amount", 0)
                .put("merchant_currency", "eur");
        merchant(authorization, purchase.merchantCategoryCode(), purchase.merchantName());
        authorization.putObject("pending_request")
                .put("amount", purchase.amount().cents())
                .put("currency", "eur")
                .put("is_amount_controllable", purchase.amountControllable())
                .put("merchant_amount", purchase.amount().cents())
                .put("merchant_currency", "eur");
        authorization.put("status", "pending");
        return bytes(event(eventId, apiVersion, created, CardAuthorizations.STRIPE_AUTHORIZATION_REQUEST, authorization));
    }

    static byte[] stripeTransactionCreated(ClearingRecord record, String eventId, String apiVersion) {
        if (record.type() != ClearingType.CAPTURE && record.type() != ClearingType.REFUND) {
            throw new IllegalArgumentException("Stripe has transactions only for captures and refunds");
        }
        long cents = record.amount().cents();
        ObjectNode transaction = JSON.createObjectNode()
                .put("id", record.recordId())
                .put("object", "issuing.transaction")
                .put("amount", record.type() == ClearingType.CAPTURE ? -cents : cents)
                .put("authorization", record.authorizationId())
                .put("card", record.cardId())
                .put("created", record.occurredAt().getEpochSecond())
                .put("currency", "eur")
                .put("livemode", false)
                .put("merchant_amount", record.type() == ClearingType.CAPTURE ? -cents : cents)
                .put("merchant_currency", "eur");
        merchant(transaction, record.merchantCategoryCode(), record.merchantName());
        transaction.put("type", record.type() == ClearingType.CAPTURE ? "capture" : "refund");
        return bytes(event(eventId, apiVersion, record.occurredAt(), ClearingFiles.STRIPE_TRANSACTION_CREATED, transaction));
    }

    private static ObjectNode event(String id, String apiVersion, Instant created, String type, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode()
                .put("id", id)
                .put("object", "event")
                .put("api_version", apiVersion)
                .put("created", created.getEpochSecond());
        event.putObject("data").set("object", object);
        event.put("livemode", false).put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        return event.put("type", type);
    }

    private static void merchant(ObjectNode object, String categoryCode, String name) {
        object.putObject("merchant_data")
                .put("category_code", categoryCode)
                .put("city", "Helsinki")
                .put("country", "FI")
                .put("name", name == null ? "Sandbox merchant" : name)
                .put("network_id", "SANDBOX" + categoryCode);
    }

    private static String euros(Money amount) {
        return amount.euros().toPlainString();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
