package fi.avain.routes.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.budget.Cents;
import fi.avain.budget.Declarations.DeclarationView;
import fi.avain.budget.Vouchers.EventView;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.mappings.model.Money;
import fi.avain.routes.web.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How vouchers, their events and declarations look in the API: money as euro strings, codes lower case. */
final class VoucherJson {
    private VoucherJson() {
    }

    static Map<String, Object> voucher(VoucherView v, List<EventView> events) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("voucherNumber", v.voucherNumber());
        out.put("status", lower(v.status()));
        out.put("kind", lower(v.kind()));
        out.put("tenant", v.tenant());
        out.put("budgetId", v.budgetId().toString());
        out.put("lineCode", v.lineCode());
        out.put("serviceClasses", v.serviceClasses().stream().sorted().toList());
        out.put("unitValue", v.unitValueCents() == 0 ? null : Cents.format(v.unitValueCents()));
        out.put("quantity", v.quantity() == 0 ? null : v.quantity());
        out.put("value", Cents.format(v.valueCents()));
        out.put("spent", Cents.format(v.spentCents()));
        out.put("remaining", Cents.format(v.remainingCents()));
        out.put("providerBusinessId", v.providerBusinessId());
        out.put("acceptedBy", v.acceptedBy());
        out.put("validFrom", v.validFrom().toString());
        out.put("validUntil", v.validUntil().toString());
        out.put("failureReason", v.failureReason());
        out.put("createdAt", v.createdAt().toString());
        out.put("updatedAt", v.updatedAt().toString());
        if (events != null) {
            out.put("events", events.stream().map(VoucherJson::event).toList());
        }
        return out;
    }

    static Map<String, Object> event(EventView e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", e.eventId());
        out.put("status", lower(e.status()));
        out.put("providerBusinessId", e.providerBusinessId());
        out.put("serviceDate", e.serviceDate().toString());
        out.put("serviceClass", e.serviceClass());
        out.put("quantity", e.quantity());
        out.put("price", Cents.format(e.priceCents()));
        out.put("chargedToVoucher", Cents.format(e.chargedCents()));
        out.put("clientShare", Cents.format(e.clientShareCents()));
        out.put("clientShareCharged", Cents.format(e.clientShareBookedCents()));
        out.put("remainingAfter", Cents.format(e.remainingAfterCents()));
        out.put("declarationId", e.declarationId() == null ? null : e.declarationId().toString());
        out.put("description", e.description());
        out.put("recordedAt", e.createdAt().toString());
        return out;
    }

    static Map<String, Object> declaration(DeclarationView d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id().toString());
        out.put("status", lower(d.status()));
        out.put("tenant", d.tenant());
        out.put("budgetId", d.budgetId().toString());
        out.put("lineCode", d.lineCode());
        out.put("providerBusinessId", d.providerBusinessId());
        out.put("serviceClass", d.serviceClass());
        out.put("serviceDate", d.serviceDate().toString());
        out.put("amount", Cents.format(d.amountCents()));
        out.put("description", d.description());
        out.put("voucherId", d.voucherId());
        out.put("decidedBy", d.decidedBy());
        out.put("decidedAt", d.decidedAt() == null ? null : d.decidedAt().toString());
        out.put("reason", d.reason());
        out.put("createdAt", d.createdAt().toString());
        return out;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static JsonNode object(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw Problems.badRequest("Invalid " + what, "The body must be a JSON object.");
        }
        return body;
    }

    static String text(JsonNode body, String field, String what) {
        String value = optionalText(body, field, what);
        if (value == null) {
            throw Problems.badRequest("Invalid " + what, field + " is required.");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field, String what) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Problems.badRequest("Invalid " + what, field + " must be a string.");
        }
        String value = node.asText().strip();
        if (value.length() > 1000) {
            throw Problems.badRequest("Invalid " + what, field + " is longer than 1000 characters.");
        }
        return value.isEmpty() ? null : value;
    }

    static long cents(JsonNode body, String field, String what, boolean required) {
        String text = required ? text(body, field, what) : optionalText(body, field, what);
        if (text == null) {
            return 0;
        }
        try {
            Money money = Money.parse(text);
            if (money.cents() < 0) {
                throw Problems.badRequest("Invalid " + what, field + " must not be negative.");
            }
            return money.cents();
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid " + what, field + " must be euros as a string, e.g. \"40.00\".");
        }
    }

    static LocalDate date(JsonNode body, String field, String what, LocalDate fallback) {
        String text = fallback == null ? text(body, field, what) : optionalText(body, field, what);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("Invalid " + what, field + " must be a date, YYYY-MM-DD.");
        }
    }
}
