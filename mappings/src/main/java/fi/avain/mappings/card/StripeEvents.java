package fi.avain.mappings.card;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import java.time.Instant;

/** The parts of a Stripe event that every Issuing event shares: its envelope and the card reference. */
final class StripeEvents {
    private StripeEvents() {
    }

    /** {@code data.object} of an event of {@code type} whose object is of {@code objectType}. */
    static JsonNode object(JsonNode event, String type, String objectType) {
        if (!"event".equals(event.path("object").asText(null))) {
            throw new MappingException("object", "must be event");
        }
        if (!type.equals(CardFields.required(event, "type", "type"))) {
            throw new MappingException("type", "must be " + type);
        }
        JsonNode object = member(member(event, "data", "data"), "object", "data.object");
        if (!objectType.equals(object.path("object").asText(null))) {
            throw new MappingException("data.object.object", "must be " + objectType);
        }
        return object;
    }

    static JsonNode member(JsonNode node, String member, String field) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new MappingException(field, "is missing");
        }
        if (!value.isObject()) {
            throw new MappingException(field, "must be an object");
        }
        return value;
    }

    /** Stripe sends the card as its id or, expanded, as an object with an id. */
    static String cardId(JsonNode object) {
        JsonNode card = object.get("card");
        if (card != null && card.isObject()) {
            return CardFields.id(CardFields.required(card, "id", "data.object.card.id"), "data.object.card.id");
        }
        return CardFields.id(CardFields.required(object, "card", "data.object.card"), "data.object.card");
    }

    /** The object's own creation time, else the event's. */
    static Instant created(JsonNode object, JsonNode event) {
        JsonNode created = object.get("created");
        if (created != null && !created.isNull()) {
            return CardFields.unixSeconds(created, "data.object.created");
        }
        return CardFields.unixSeconds(event.get("created"), "created");
    }
}
