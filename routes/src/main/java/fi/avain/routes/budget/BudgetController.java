package fi.avain.routes.budget;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.BudgetView;
import fi.avain.budget.Budgets;
import fi.avain.budget.Card;
import fi.avain.budget.Cards;
import fi.avain.budget.ReplanConflictException;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.routes.audit.ApiAuditing;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care plans in, budgets out: per line allocated, held, spent and available, and the entries behind them.
 * Every read of a client's budget, entries or cards is audited before the answer leaves.
 */
@RestController
@Tag(name = "Budgets", description = "Care plans into budgets; budgets, their lines and ledger entries")
class BudgetController {
    private static final int MAX_PAGE_SIZE = 500;

    private final PlanIntake intake;
    private final Budgets budgets;
    private final Cards cards;
    private final ApiAuditing auditing;

    BudgetController(PlanIntake intake, Budgets budgets, Cards cards, ApiAuditing auditing) {
        this.intake = intake;
        this.budgets = budgets;
        this.cards = cards;
        this.auditing = auditing;
    }

    @PostMapping(path = "/api/v1/plans", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Create a budget from a care plan, or re-plan it (same planId): docs/formats/care-plan.md")
    ResponseEntity<Map<String, Object>> plan(@RequestBody byte[] body,
                                             @RequestHeader(name = "Content-Type", required = false) String type) {
        PlanIntake.Received received = intake.receive(body, type);
        var outcome = received.outcome();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("budgetId", outcome.budgetId());
        out.put("created", outcome.created());
        out.put("changed", outcome.changed());
        out.put("messageId", received.messageId());
        out.putAll(BudgetJson.budget(budgets.find(outcome.budgetId()).orElseThrow()));
        URI location = URI.create("/api/v1/budgets/" + outcome.budgetId());
        return outcome.created() ? ResponseEntity.created(location).body(out) : ResponseEntity.ok(out);
    }

    @GetMapping(path = "/api/v1/budgets/{id}", produces = "application/json")
    @Operation(summary = "A budget with each line's allocated, held, spent and available amounts")
    Map<String, Object> budget(@PathVariable String id) {
        BudgetView budget = budgets.find(uuid(id, "budget")).orElseThrow(() -> notFound("No budget " + id + "."));
        auditing.read(budget.clientId(), budget.tenant(), account(budget));
        return BudgetJson.budget(budget);
    }

    @GetMapping(path = "/api/v1/budgets/{id}/entries", produces = "application/json")
    @Operation(summary = "The budget's ledger entries, oldest first, paged")
    Map<String, Object> entries(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
                                @RequestParam(name = "per_page", defaultValue = "100") int size) {
        UUID budgetId = uuid(id, "budget");
        BudgetView budget = budgets.find(budgetId).orElseThrow(() -> notFound("No budget " + id + "."));
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.badRequest("Bad paging", "page must be 1 or more and per_page 1 to " + MAX_PAGE_SIZE + ".");
        }
        auditing.search(budget.clientId(), budget.tenant(), account(budget));
        List<Map<String, Object>> items = budgets.entries(budgetId, (page - 1) * size, size).stream()
                .map(BudgetJson::entry).toList();
        return BudgetJson.page(items, page, size, budgets.entryCount(budgetId));
    }

    @GetMapping(path = "/api/v1/clients/{clientId}/budgets", produces = "application/json")
    @Operation(summary = "A client's budgets, by the ledger's client id")
    Map<String, Object> ofClient(@PathVariable String clientId) {
        List<BudgetView> found = budgets.ofClient(uuid(clientId, "client"));
        return Map.of("items", audited(found).stream().map(BudgetJson::budget).toList());
    }

    @PostMapping(path = "/api/v1/budgets/search", consumes = "application/json", produces = "application/json")
    @Operation(summary = "A client's budgets by identity code (in the body, so it never lands in an access log)")
    Map<String, Object> search(@RequestBody JsonNode body) {
        String code = body == null ? null : body.path("identityCode").asText(null);
        Hetu hetu;
        try {
            hetu = Hetu.parse(code);
        } catch (InvalidValueException e) {
            throw Problems.badRequest("Bad identity code", "identityCode: " + e.rule());
        }
        String tenant = body.path("tenant").asText(null);
        List<UUID> clients = tenant == null ? budgets.clientsOf(hetu)
                : budgets.clientOf(tenant, hetu).map(List::of).orElse(List.of());
        List<BudgetView> found = clients.stream().flatMap(c -> budgets.ofClient(c).stream()).toList();
        return Map.of("items", audited(found).stream().map(BudgetJson::budget).toList());
    }

    @GetMapping(path = "/api/v1/budgets/{id}/cards", produces = "application/json")
    @Operation(summary = "The cards that spend from a budget")
    Map<String, Object> cardsOf(@PathVariable String id) {
        List<Card> found = auditing.searched(cards.ofBudget(uuid(id, "budget")), Card::clientId, Card::tenant,
                BudgetController::card);
        return Map.of("items", found.stream().map(BudgetJson::card).toList());
    }

    /** One search event per client found, naming the client's budgets found. */
    private List<BudgetView> audited(List<BudgetView> found) {
        return auditing.searched(found, BudgetView::clientId, BudgetView::tenant, BudgetController::account);
    }

    /** A budget in the audit, as the portal names it. */
    static String account(BudgetView budget) {
        return "Account/" + budget.id();
    }

    /**
     * A card in the audit, by Avain's id of it: a processor's card id may hold characters no reference
     * may, and an event that cannot be written would leave the card unreadable.
     */
    static String card(Card card) {
        return "Card/" + card.id();
    }

    @ExceptionHandler(MappingException.class)
    ProblemDetail unreadablePlan(MappingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid care plan");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ReplanConflictException.class)
    ProblemDetail replanConflict(ReplanConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Re-plan below what is held and spent");
        problem.setProperty("lines", e.shortfalls().stream().map(s -> Map.of(
                "code", s.code(),
                "allocated", fi.avain.budget.Cents.format(s.allocatedCents()),
                "heldAndSpent", fi.avain.budget.Cents.format(s.usedCents()),
                "shortBy", fi.avain.budget.Cents.format(s.shortCents()))).toList());
        return problem;
    }

    static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Bad id", "The " + what + " id must be a UUID.");
        }
    }

    static ErrorResponseException notFound(String detail) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", detail);
    }
}
