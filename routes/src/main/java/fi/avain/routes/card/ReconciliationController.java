package fi.avain.routes.card;

import fi.avain.budget.Cents;
import fi.avain.budget.ReconciliationExceptions;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What clearing and reconciliation could not settle by themselves, for a person to look at. */
@RestController
@Tag(name = "Reconciliation", description = "Card clearing exceptions that need a person")
class ReconciliationController {
    private static final int MAX_PAGE_SIZE = 500;

    private final ReconciliationExceptions exceptions;
    private final TransactionTemplate tx;

    ReconciliationController(ReconciliationExceptions exceptions, TransactionTemplate tx) {
        this.exceptions = exceptions;
        this.tx = tx;
    }

    @GetMapping(path = "/api/v1/reconciliation/exceptions", produces = "application/json")
    @Operation(summary = "Exceptions, newest first: over-captures, force posts no line could take, refunds and "
            + "reversals that match nothing, records naming a card of another budget than their hold's, settlement "
            + "differences (status=open|resolved, kind=)")
    Map<String, Object> list(@RequestParam(defaultValue = "open") String status,
                             @RequestParam(required = false) String kind,
                             @RequestParam(defaultValue = "1") int page,
                             @RequestParam(name = "per_page", defaultValue = "100") int size) {
        String wanted = switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> "OPEN";
            case "resolved" -> "RESOLVED";
            case "all" -> null;
            default -> throw Problems.badRequest("Bad status", "status must be open, resolved or all.");
        };
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.badRequest("Bad paging", "page must be 1 or more and per_page 1 to " + MAX_PAGE_SIZE + ".");
        }
        String kindCode = kind == null ? null : kind.toUpperCase(Locale.ROOT).replace('-', '_');
        List<Map<String, Object>> items = exceptions.list(wanted, kindCode, (page - 1) * size, size).stream()
                .map(ReconciliationController::json).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("total", exceptions.count(wanted, kindCode));
        return out;
    }

    @PostMapping(path = "/api/v1/reconciliation/exceptions/{id}/resolve", produces = "application/json")
    @Operation(summary = "Mark an exception resolved (the correction itself is booked separately)")
    Map<String, Object> resolve(@PathVariable String id, Principal who) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Bad id", "The exception id must be a UUID.");
        }
        Boolean resolved = tx.execute(s -> exceptions.resolve(uuid, who == null ? "unknown" : who.getName()));
        if (!Boolean.TRUE.equals(resolved)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Not found", "No open exception " + id + ".");
        }
        return Map.of("id", uuid, "status", "resolved");
    }

    private static Map<String, Object> json(ReconciliationExceptions.Item item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", item.id());
        out.put("tenant", item.tenant());
        out.put("kind", item.kind().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("reference", item.reference());
        out.put("amount", Cents.format(item.amountCents()));
        out.put("currency", "EUR");
        out.put("detail", item.detail());
        out.put("status", item.status().toLowerCase(Locale.ROOT));
        out.put("createdAt", item.createdAt().toString());
        out.put("resolvedAt", item.resolvedAt() == null ? null : item.resolvedAt().toString());
        out.put("resolvedBy", item.resolvedBy());
        return out;
    }
}
