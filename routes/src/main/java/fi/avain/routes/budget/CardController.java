package fi.avain.routes.budget;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Card;
import fi.avain.budget.CardStatus;
import fi.avain.budget.Cards;
import fi.avain.routes.audit.ApiAuditing;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The card registry: a processor's card id to a client and the budget it spends, and the card's state. */
@RestController
@Tag(name = "Cards", description = "Client payment cards and their state")
class CardController {
    private final Cards cards;
    private final TransactionTemplate tx;
    private final ApiAuditing auditing;

    CardController(Cards cards, TransactionTemplate tx, ApiAuditing auditing) {
        this.cards = cards;
        this.tx = tx;
        this.auditing = auditing;
    }

    @PostMapping(path = "/api/v1/cards", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Register a card on a budget: {cardId, budgetId, processor (generic|stripe), status}; the "
            + "same card again is 200, on another budget or with another processor 409")
    ResponseEntity<Map<String, Object>> register(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problems.badRequest("Invalid card", "The body must be a JSON object.");
        }
        String cardId = text(body, "cardId");
        String budget = text(body, "budgetId");
        String processor = body.hasNonNull("processor") ? body.get("processor").asText() : "generic";
        CardStatus status = body.hasNonNull("status") ? CardStatus.parse(body.get("status").asText()) : CardStatus.ACTIVE;
        var registration = tx.execute(s -> cards.register(processor, cardId, BudgetController.uuid(budget, "budget"),
                status));
        Map<String, Object> out = BudgetJson.card(registration.card());
        return registration.created()
                ? ResponseEntity.created(URI.create("/api/v1/cards/" + cardId)).body(out)
                : ResponseEntity.ok(out);
    }

    @GetMapping(path = "/api/v1/cards/{cardId}", produces = "application/json")
    @Operation(summary = "A card")
    Map<String, Object> card(@PathVariable String cardId) {
        Card card = cards.find(cardId).orElseThrow(() -> BudgetController.notFound("No card " + cardId + "."));
        auditing.read(card.clientId(), card.tenant(), BudgetController.card(card));
        return BudgetJson.card(card);
    }

    @PostMapping(path = "/api/v1/cards/{cardId}/status", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Set a card's state: active, blocked, lost or closed; lost and closed are final (409)")
    Map<String, Object> status(@PathVariable String cardId, @RequestBody JsonNode body) {
        CardStatus status = CardStatus.parse(text(body, "status"));
        Card card = tx.execute(s -> cards.setStatus(cardId, status));
        return BudgetJson.card(card);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw Problems.badRequest("Invalid card", field + " is required.");
        }
        return node.asText().strip();
    }
}
