package fi.avain.routes.voucher;

import static fi.avain.routes.voucher.VoucherJson.cents;
import static fi.avain.routes.voucher.VoucherJson.date;
import static fi.avain.routes.voucher.VoucherJson.object;
import static fi.avain.routes.voucher.VoucherJson.optionalText;
import static fi.avain.routes.voucher.VoucherJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Budgets;
import fi.avain.budget.VoucherRefusedException;
import fi.avain.budget.Vouchers;
import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.routes.audit.ApiAuditing;
import fi.avain.routes.messages.OperatorName;
import fi.avain.routes.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Vouchers for case workers and the portal: request one against a budget line, read it, cancel it. */
@RestController
class VoucherController {
    private static final String WHAT = "voucher request";

    private final VoucherService service;
    private final Vouchers vouchers;
    private final Budgets budgets;
    private final ApiAuditing auditing;

    VoucherController(VoucherService service, Vouchers vouchers, Budgets budgets, ApiAuditing auditing) {
        this.service = service;
        this.vouchers = vouchers;
        this.budgets = budgets;
        this.auditing = auditing;
    }

    @PostMapping(path = "/api/v1/vouchers", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Request a voucher against a budget line: the line reserves its value, the voucher "
            + "system issues it. {budgetId, lineCode, kind (single|multi), unitValue, quantity, balance, "
            + "serviceClasses, validFrom, validUntil, providerBusinessId, requestId}; Idempotency-Key or "
            + "requestId makes a repeat answer the same voucher.")
    ResponseEntity<Map<String, Object>> request(@RequestBody JsonNode body,
                                                @RequestHeader(name = "Idempotency-Key", required = false)
                                                String idempotencyKey) {
        object(body, WHAT);
        String budget = text(body, "budgetId", WHAT);
        UUID budgetId;
        try {
            budgetId = UUID.fromString(budget);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid " + WHAT, "budgetId must be a UUID.");
        }
        VoucherKind kind = kind(optionalText(body, "kind", WHAT));
        int quantity = 0;
        if (body.hasNonNull("quantity")) {
            if (!body.get("quantity").canConvertToInt() || !body.get("quantity").isIntegralNumber()) {
                throw Problems.badRequest("Invalid " + WHAT, "quantity must be a whole number.");
            }
            quantity = body.get("quantity").asInt();
        }
        Set<String> classes = new LinkedHashSet<>();
        JsonNode list = body.get("serviceClasses");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw Problems.badRequest("Invalid " + WHAT, "serviceClasses must be a list of strings.");
            }
            list.forEach(n -> {
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw Problems.badRequest("Invalid " + WHAT, "serviceClasses must be a list of strings.");
                }
                classes.add(n.asText().strip());
            });
        }
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.strip()
                : optionalText(body, "requestId", WHAT);
        Vouchers.VoucherRequest request = new Vouchers.VoucherRequest(budgetId, text(body, "lineCode", WHAT), classes,
                kind, cents(body, "unitValue", WHAT, false), quantity, cents(body, "balance", WHAT, false),
                date(body, "validFrom", WHAT, null), date(body, "validUntil", WHAT, null),
                optionalText(body, "providerBusinessId", WHAT),
                key == null ? "rest:" + UUID.randomUUID() : "rest:" + key);
        VoucherView voucher = service.request(request, OperatorName.current());
        return ResponseEntity.created(URI.create("/api/v1/vouchers/" + voucher.id()))
                .body(VoucherJson.voucher(voucher, vouchers.events(voucher.id())));
    }

    @GetMapping(path = "/api/v1/vouchers/{id}", produces = "application/json")
    @Operation(summary = "A voucher with its service events")
    Map<String, Object> voucher(@PathVariable String id) {
        VoucherView voucher = vouchers.find(id).orElseThrow(() -> unknown(id));
        auditing.read(budgets.clientOfBudget(voucher.budgetId()).orElseThrow(), voucher.tenant(),
                "Voucher/" + voucher.id());
        return VoucherJson.voucher(voucher, vouchers.events(id));
    }

    @PostMapping(path = "/api/v1/vouchers/{id}/cancel", produces = "application/json")
    @Operation(summary = "Cancel a voucher in the voucher system and release what remains of it: {reason}")
    Map<String, Object> cancel(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        String reason = body == null || body.isNull() ? null : optionalText(object(body, "cancellation"), "reason",
                "cancellation");
        VoucherView voucher = service.cancel(id, reason, OperatorName.current());
        return VoucherJson.voucher(voucher, vouchers.events(id));
    }

    private static VoucherKind kind(String text) {
        if (text == null) {
            return VoucherKind.SINGLE;
        }
        try {
            return VoucherKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid " + WHAT, "kind must be single or multi.");
        }
    }

    static VoucherRefusedException unknown(String id) {
        return new VoucherRefusedException(VoucherRefusedException.Refusal.UNKNOWN_VOUCHER, "no voucher " + id);
    }
}
