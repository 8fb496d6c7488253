package fi.avain.routes.budget;

import fi.avain.budget.BudgetView;
import fi.avain.budget.Card;
import fi.avain.budget.Cents;
import fi.avain.budget.EntryView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How budgets, entries and cards look in the API: money as euro strings ("12.50"), codes lower case. */
final class BudgetJson {
    private BudgetJson() {
    }

    static Map<String, Object> budget(BudgetView b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("tenant", b.tenant());
        out.put("planId", b.planId());
        out.put("clientId", b.clientId());
        out.put("clientGroup", b.clientGroup());
        out.put("cohort", b.cohort());
        out.put("period", Map.of("start", b.periodStart().toString(), "end", b.periodEnd().toString()));
        out.put("version", b.version());
        out.put("currency", "EUR");
        out.put("allocated", Cents.format(b.allocatedCents()));
        out.put("held", Cents.format(b.heldCents()));
        out.put("spent", Cents.format(b.spentCents()));
        out.put("available", Cents.format(b.availableCents()));
        out.put("lines", b.lines().stream().map(BudgetJson::line).toList());
        out.put("createdAt", b.createdAt().toString());
        out.put("updatedAt", b.updatedAt().toString());
        return out;
    }

    static Map<String, Object> line(BudgetView.Line l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", l.id());
        out.put("code", l.code());
        out.put("category", l.category());
        out.put("allocated", Cents.format(l.allocatedCents()));
        out.put("held", Cents.format(l.heldCents()));
        out.put("spent", Cents.format(l.spentCents()));
        out.put("available", Cents.format(l.availableCents()));
        out.put("period", Map.of("start", l.periodStart().toString(), "end", l.periodEnd().toString()));
        out.put("serviceClasses", l.serviceClasses());
        out.put("merchantCategoryCodes", l.merchantCategoryCodes());
        out.put("channels", l.channels());
        out.put("perTransactionLimit", l.perTransactionLimitCents() == null ? null
                : Cents.format(l.perTransactionLimitCents()));
        out.put("perDayLimit", l.perDayLimitCents() == null ? null : Cents.format(l.perDayLimitCents()));
        out.put("clientShareCharged", l.clientShareCharged());
        out.put("version", l.version());
        return out;
    }

    static Map<String, Object> entry(EntryView e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("movementId", e.movementId());
        out.put("kind", e.kind().toLowerCase(java.util.Locale.ROOT));
        out.put("channel", e.channel());
        out.put("reference", e.reference());
        out.put("lineId", e.lineId());
        out.put("debit", e.debitAccount());
        out.put("credit", e.creditAccount());
        out.put("amount", Cents.format(e.amountCents()));
        out.put("sourceMessageId", e.sourceMessageId());
        out.put("createdAt", e.createdAt().toString());
        return out;
    }

    static Map<String, Object> card(Card c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cardId", c.cardId());
        out.put("processor", c.processor());
        out.put("budgetId", c.budgetId());
        out.put("clientId", c.clientId());
        out.put("tenant", c.tenant());
        out.put("status", c.status().code());
        out.put("createdAt", c.createdAt().toString());
        out.put("updatedAt", c.updatedAt().toString());
        return out;
    }

    static Map<String, Object> page(List<?> items, int page, int size, long total) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("total", total);
        return out;
    }
}
