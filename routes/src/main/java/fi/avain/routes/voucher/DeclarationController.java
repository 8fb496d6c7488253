package fi.avain.routes.voucher;

import static fi.avain.routes.voucher.VoucherJson.cents;
import static fi.avain.routes.voucher.VoucherJson.date;
import static fi.avain.routes.voucher.VoucherJson.object;
import static fi.avain.routes.voucher.VoucherJson.optionalText;
import static fi.avain.routes.voucher.VoucherJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Budgets;
import fi.avain.budget.Declarations;
import fi.avain.budget.Declarations.DeclarationView;
import fi.avain.routes.audit.ApiAuditing;
import fi.avain.routes.messages.OperatorName;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider declarations (the drawing-right model): reserved on the line when declared, spent only when
 * the client or an authorised representative approves, released when they reject.
 */
@RestController
class DeclarationController {
    private static final String WHAT = "declaration";

    private final Declarations declarations;
    private final TransactionTemplate tx;
    private final Budgets budgets;
    private final ApiAuditing auditing;

    DeclarationController(Declarations declarations, TransactionTemplate tx, Budgets budgets, ApiAuditing auditing) {
        this.declarations = declarations;
        this.tx = tx;
        this.budgets = budgets;
        this.auditing = auditing;
    }

    @PostMapping(path = "/api/v1/declarations", consumes = "application/json", produces = "application/json")
    @Operation(summary = "A provider declares a service: {budgetId, lineCode, providerBusinessId, serviceClass, "
            + "serviceDate, amount, description, declarationId}; reserved until approved or rejected")
    ResponseEntity<Map<String, Object>> declare(@RequestBody JsonNode body,
                                                @RequestHeader(name = "Idempotency-Key", required = false)
                                                String idempotencyKey) {
        object(body, WHAT);
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.strip()
                : optionalText(body, "declarationId", WHAT);
        Declarations.DeclarationRequest request = new Declarations.DeclarationRequest(
                uuid(text(body, "budgetId", WHAT), "budgetId"), text(body, "lineCode", WHAT),
                text(body, "providerBusinessId", WHAT), text(body, "serviceClass", WHAT),
                date(body, "serviceDate", WHAT, null), positive(cents(body, "amount", WHAT, true)),
                optionalText(body, "description", WHAT), key == null ? "rest:" + UUID.randomUUID() : "rest:" + key);
        DeclarationView view = tx.execute(s -> declarations.declare(request, null));
        return ResponseEntity.created(URI.create("/api/v1/declarations/" + view.id()))
                .body(VoucherJson.declaration(view));
    }

    @GetMapping(path = "/api/v1/declarations/{id}", produces = "application/json")
    @Operation(summary = "A declaration")
    Map<String, Object> declaration(@PathVariable String id) {
        DeclarationView declaration = declarations.find(uuid(id, "declaration id"))
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Not found", "No declaration " + id + "."));
        auditing.read(budgets.clientOfBudget(declaration.budgetId()).orElseThrow(), declaration.tenant(),
                "Declaration/" + declaration.id());
        return VoucherJson.declaration(declaration);
    }

    @PostMapping(path = "/api/v1/declarations/{id}/approve", produces = "application/json")
    @Operation(summary = "The client or a representative approves: the reserved amount is spent")
    Map<String, Object> approve(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        UUID declarationId = uuid(id, "declaration id");
        String actor = actor(body);
        return VoucherJson.declaration(tx.execute(s -> declarations.approve(declarationId, actor)));
    }

    @PostMapping(path = "/api/v1/declarations/{id}/reject", produces = "application/json")
    @Operation(summary = "The client or a representative rejects: the reserved amount is released. {reason}")
    Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        UUID declarationId = uuid(id, "declaration id");
        String actor = actor(body);
        String reason = body == null || body.isNull() ? null : optionalText(object(body, WHAT), "reason", WHAT);
        return VoucherJson.declaration(tx.execute(s -> declarations.reject(declarationId, actor, reason)));
    }

    /** Who decided: the caller, and on whose behalf when a portal acts for a client or representative. */
    private static String actor(JsonNode body) {
        String onBehalf = body == null || body.isNull() ? null
                : optionalText(object(body, WHAT), "decidedBy", WHAT);
        return onBehalf == null ? OperatorName.current() : OperatorName.current() + " for " + onBehalf;
    }

    private static long positive(long cents) {
        if (cents <= 0) {
            throw Problems.badRequest("Invalid " + WHAT, "amount must be more than zero.");
        }
        return cents;
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid " + WHAT, what + " must be a UUID.");
        }
    }
}
