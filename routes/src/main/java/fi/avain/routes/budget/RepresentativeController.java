package fi.avain.routes.budget;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Representatives;
import fi.avain.mappings.fhir.Grant;
import fi.avain.mappings.fhir.PortalRepresentative;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.routes.audit.ApiAuditing;
import fi.avain.routes.fhir.SubscriptionStore;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The representatives a client has authorised (from case management's record of the authorisation):
 * who may follow the budget in the citizen portal, and what they may do there.
 */
@RestController
class RepresentativeController {
    private final Representatives representatives;
    private final TransactionTemplate tx;
    private final SubscriptionStore subscriptions;
    private final ApiAuditing auditing;

    RepresentativeController(Representatives representatives, TransactionTemplate tx, SubscriptionStore subscriptions,
                             ApiAuditing auditing) {
        this.subscriptions = subscriptions;
        this.representatives = representatives;
        this.tx = tx;
        this.auditing = auditing;
    }

    @GetMapping(path = "/api/v1/clients/{clientId}/representatives", produces = "application/json")
    @Operation(summary = "A client's representatives, lapsed and revoked ones included")
    Map<String, Object> list(@PathVariable String clientId) {
        List<PortalRepresentative> found = auditing.searched(
                representatives.of(BudgetController.uuid(clientId, "client")), PortalRepresentative::patientId,
                PortalRepresentative::tenant, r -> "RelatedPerson/" + r.id());
        return Map.of("items", found.stream().map(RepresentativeController::json).toList());
    }

    @PostMapping(path = "/api/v1/clients/{clientId}/representatives", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Grant a person the right to follow the client's budget (the same person again changes "
            + "the grant); body: identityCode, name, relationship, grants [budget, spends, declarations], from, until")
    ResponseEntity<Map<String, Object>> grant(@PathVariable String clientId, @RequestBody JsonNode body) {
        UUID client = BudgetController.uuid(clientId, "client");
        Hetu person;
        try {
            person = Hetu.parse(body.path("identityCode").asText(null));
        } catch (InvalidValueException e) {
            throw Problems.badRequest("Bad identity code", "identityCode: " + e.rule());
        }
        Set<Grant> grants = EnumSet.noneOf(Grant.class);
        for (JsonNode grant : body.path("grants")) {
            try {
                grants.add(Grant.valueOf(grant.asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("Bad grant", "grants: each one of budget, spends, declarations.");
            }
        }
        Representatives.GrantRequest request = new Representatives.GrantRequest(client, person,
                body.path("name").asText(null), body.path("relationship").asText(null), grants,
                date(body, "from"), date(body, "until"));
        PortalRepresentative granted = tx.execute(s -> representatives.grant(request));
        subscriptions.turnOffBeyond(granted.id(), granted.grants().contains(Grant.BUDGET),
                granted.grants().contains(Grant.SPENDS));
        return ResponseEntity.ok(json(granted));
    }

    @DeleteMapping(path = "/api/v1/clients/{clientId}/representatives/{id}", produces = "application/json")
    @Operation(summary = "Revoke a representative's grant")
    Map<String, Object> revoke(@PathVariable String clientId, @PathVariable String id) {
        UUID client = BudgetController.uuid(clientId, "client");
        PortalRepresentative representative = representatives.find(BudgetController.uuid(id, "representative"))
                .filter(r -> r.patientId().equals(client))
                .orElseThrow(() -> BudgetController.notFound("No representative " + id + " for client " + clientId + "."));
        tx.execute(s -> representatives.revoke(representative.id()));
        subscriptions.turnOffBeyond(representative.id(), false, false);
        return json(representatives.find(representative.id()).orElseThrow());
    }

    private static LocalDate date(JsonNode body, String field) {
        String text = body.path(field).asText(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("Bad date", field + ": a date as YYYY-MM-DD.");
        }
    }

    private static Map<String, Object> json(PortalRepresentative r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString());
        out.put("clientId", r.patientId().toString());
        out.put("name", r.name());
        out.put("relationship", r.relationship());
        out.put("grants", r.grants().stream().sorted().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
        out.put("from", r.start().toString());
        out.put("until", r.end() == null ? null : r.end().toString());
        out.put("active", r.active());
        return out;
    }
}
