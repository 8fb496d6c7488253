package fi.avain.routes.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.budget.Corrections;
import fi.avain.budget.LedgerException;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators' corrections of a budget line, each kept in the message store with the movement it made. */
@RestController
@Tag(name = "Budgets")
class CorrectionController {
    static final String FLOW = "budget-correction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Corrections corrections;
    private final MessageStore messages;
    private final TransactionTemplate tx;

    CorrectionController(Corrections corrections, MessageStore messages, TransactionTemplate tx) {
        this.corrections = corrections;
        this.messages = messages;
        this.tx = tx;
    }

    @PostMapping(path = "/api/v1/budgets/{id}/corrections", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Correct a line (operator): {correctionId, line, kind: allocation|spend, amount (signed "
            + "euros), reason}; a repeat of the same correction books nothing, another correction under a used "
            + "correctionId is 409")
    ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @RequestBody byte[] body, Principal who) {
        UUID budgetId = BudgetController.uuid(id, "budget");
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw Problems.badRequest("Invalid correction", "The body must be JSON.");
        }
        String correctionId = text(node, "correctionId");
        String line = text(node, "line");
        String reason = text(node, "reason");
        Corrections.Kind kind;
        try {
            kind = Corrections.Kind.valueOf(text(node, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid correction", "kind must be allocation or spend.");
        }
        Money amount;
        try {
            amount = Money.parse(text(node, "amount"));
        } catch (InvalidValueException e) {
            throw Problems.badRequest("Invalid correction", "amount " + e.rule() + ".");
        }
        Map<String, String> keys = Map.of("budgetId", budgetId.toString(), "correctionId", correctionId,
                "operator", who == null ? "unknown" : who.getName());
        InboundMessage message = new InboundMessage(FLOW, correctionId, null, keys, "application/json", body);
        UUID messageId = UUID.randomUUID();
        Optional<UUID> movement;
        try {
            movement = tx.execute(s -> {
                Optional<UUID> booked = corrections.correct(budgetId, line, kind, amount.cents(), correctionId,
                        messageId);
                messages.record(messageId, message, booked.isPresent() ? MessageStatus.PROCESSED
                        : MessageStatus.DUPLICATE, null);
                return booked;
            });
        } catch (LedgerException e) {
            messages.record(messageId, message, MessageStatus.ERROR, e.getMessage());
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("correctionId", correctionId);
        out.put("booked", movement.isPresent());
        out.put("movementId", movement.orElse(null));
        out.put("reason", reason);
        return ResponseEntity.status(movement.isPresent() ? HttpStatus.CREATED : HttpStatus.OK).body(out);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw Problems.badRequest("Invalid correction", field + " is required.");
        }
        return value.asText().strip();
    }
}
