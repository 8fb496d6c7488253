package fi.avain.routes.reports;

import fi.avain.routes.messages.OperatorName;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A case worker marks a need in the plan that no service in the client's area met. */
@RestController
@Tag(name = "Follow-up", description = "Outcome measurements and unmet needs for the cost and impact follow-up")
class UnmetNeedController {
    private final UnmetNeeds needs;

    UnmetNeedController(UnmetNeeds needs) {
        this.needs = needs;
    }

    @PostMapping(path = "/api/v1/plans/{budgetId}/unmet-needs", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Mark an unmet need of a budget's plan: the service class wanted, the municipality "
            + "(the client's home municipality unless given) and a note",
            description = "Body: {\"serviceClass\": \"P10.1\", \"municipality\": \"091\", \"note\": \"...\"}. "
                    + "404 for an unknown budget; 400 names the field that is wrong.")
    ResponseEntity<Map<String, Object>> mark(@PathVariable String budgetId, @RequestBody byte[] body) {
        UUID id;
        try {
            id = UUID.fromString(budgetId);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Bad id", "The budget id must be a UUID.");
        }
        UnmetNeeds.Marked marked = needs.mark(id, body, OperatorName.current())
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Not found", "No budget " + budgetId + "."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", marked.id());
        out.put("budgetId", marked.budgetId());
        out.put("tenant", marked.tenant());
        out.put("serviceClass", marked.serviceClass());
        out.put("municipality", marked.municipality());
        out.put("note", marked.note());
        out.put("markedBy", marked.markedBy());
        out.put("createdAt", marked.createdAt().toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }
}
