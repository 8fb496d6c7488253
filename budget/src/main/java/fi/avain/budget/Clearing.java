package fi.avain.budget;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies clearing records to the ledger, each exactly once (keyed by the processor's record id), in
 * the caller's transaction. A capture turns its hold into a spend and releases what it leaves; what
 * exceeds the hold is taken from the line while the line has it, and the rest goes to the tenant's
 * exceptions account with an exception for a person, so no line ever goes below zero. A record whose
 * authorization id finds a hold books on it only when it names the hold's card, or another card of the
 * same budget; otherwise it is an exception for a person and books nothing.
 */
public final class Clearing {
    private final JdbcClient db;
    private final Ledger ledger;
    private final ReconciliationExceptions exceptions;

    public Clearing(JdbcClient db, Ledger ledger, ReconciliationExceptions exceptions) {
        this.db = db;
        this.ledger = ledger;
        this.exceptions = exceptions;
    }

    public record Applied(ClearingOutcome outcome, long bookedCents, long exceptionCents, String detail) {
    }

    /**
     * @param cardId      the processor's id of the card the hold was authorized for; null for a hold
     *                    older than that record
     * @param namedBudget the budget of the card the record names, whichever processor registered it;
     *                    null when no card has that id
     */
    private record HoldRow(UUID id, UUID budgetId, UUID lineId, long remainingCents, long capturedCents, String status,
                           String tenant, String cardId, UUID namedBudget) {
        boolean onNamedCard(ClearingItem item) {
            return cardId != null ? cardId.equals(item.cardId()) : budgetId.equals(namedBudget);
        }
    }

    public Applied apply(ClearingItem item, UUID sourceMessageId) {
        return apply(item, sourceMessageId, false);
    }

    /**
     * A reversal the processor sends in real time: applied as {@link #apply} applies a reversal record,
     * but it must name the card its hold is on, or it is refused ({@link LedgerException}) and changes
     * nothing: the processor is told, where a file's record can only be left for a person.
     */
    public Applied reverse(ClearingItem item, UUID sourceMessageId) {
        if (item.type() != ClearingItem.Type.REVERSAL) {
            throw new IllegalArgumentException("not a reversal: " + item.type());
        }
        return apply(item, sourceMessageId, true);
    }

    private Applied apply(ClearingItem item, UUID sourceMessageId, boolean realTime) {
        int claimed = db.sql("""
                        insert into card_clearing (processor, record_id, record_type, authorization_id,
                                                   processor_card_id, amount_cents, booked_cents, settlement_date,
                                                   outcome, source_message_id, created_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?, 'PENDING', ?, ?) on conflict do nothing""")
                .params(item.processor(), item.recordId(), item.type().name(), item.authorizationId(), item.cardId(),
                        item.amountCents(), item.settlementDate() == null ? null : Date.valueOf(item.settlementDate()),
                        sourceMessageId, Timestamp.from(ledger.now()))
                .update();
        if (claimed == 0) {
            return new Applied(ClearingOutcome.DUPLICATE, 0, 0, "record " + item.recordId() + " was applied before");
        }
        Applied applied = switch (item.type()) {
            case CAPTURE -> capture(item, sourceMessageId);
            case REFUND -> refund(item, sourceMessageId);
            case REVERSAL -> reversal(item, sourceMessageId, realTime);
            case SETTLEMENT -> settlement(item);
        };
        db.sql("update card_clearing set outcome = ?, booked_cents = ? where processor = ? and record_id = ?")
                .params(applied.outcome().name(), applied.bookedCents(), item.processor(), item.recordId()).update();
        return applied;
    }

    private Applied capture(ClearingItem item, UUID messageId) {
        Optional<HoldRow> found = item.authorizationId() == null ? Optional.empty() : hold(item);
        if (found.isEmpty()) {
            return forcePost(item, messageId);
        }
        HoldRow hold = found.get();
        Optional<Applied> elsewhere = onAnotherBudget(item, hold);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        LineState line = lock(hold.lineId());
        long amount = item.amountCents();
        List<Ledger.Leg> legs = new ArrayList<>();
        long fromHold = "ACTIVE".equals(hold.status()) ? Math.min(amount, hold.remainingCents()) : 0;
        if (fromHold > 0) {
            legs.add(new Ledger.Leg(line.id(), Accounts.spent(line.id()), Accounts.held(line.id()), fromHold));
        }
        long rest = "ACTIVE".equals(hold.status()) ? hold.remainingCents() - fromHold : 0;
        if (rest > 0) {
            legs.add(new Ledger.Leg(line.id(), Accounts.available(line.id()), Accounts.held(line.id()), rest));
        }
        long excess = amount - fromHold;
        long fromLine = Math.min(excess, Math.max(0, line.availableCents() + rest));
        if (fromLine > 0) {
            legs.add(new Ledger.Leg(line.id(), Accounts.spent(line.id()), Accounts.available(line.id()), fromLine));
        }
        long unbooked = excess - fromLine;
        if (unbooked > 0) {
            legs.add(exceptionLeg(hold.tenant(), unbooked));
        }
        book(hold.budgetId(), MovementKind.CAPTURE, item, messageId, legs);
        db.sql("""
                        update ledger_hold set remaining_cents = 0, captured_cents = captured_cents + ?, status = ?,
                               updated_at = ? where id = ?""")
                .params(fromHold + fromLine, "EXPIRED".equals(hold.status()) ? "EXPIRED" : "CLOSED",
                        Timestamp.from(ledger.now()), hold.id())
                .update();
        if (unbooked > 0) {
            exceptions.open(hold.tenant(), "OVER_CAPTURE", item.recordId(), unbooked,
                    "capture of " + Cents.format(amount) + " EUR on authorization " + item.authorizationId()
                            + " exceeds what line " + line.code() + " could take by " + Cents.format(unbooked) + " EUR");
            return new Applied(ClearingOutcome.OVER_CAPTURED, amount - unbooked, unbooked,
                    Cents.format(unbooked) + " EUR to the exceptions account");
        }
        if (excess > 0) {
            return new Applied(ClearingOutcome.OVER_CAPTURED, amount, 0,
                    Cents.format(excess) + " EUR beyond the hold taken from line " + line.code());
        }
        return new Applied(rest > 0 || hold.capturedCents() > 0 ? ClearingOutcome.PARTIALLY_CAPTURED
                : ClearingOutcome.CAPTURED, amount, 0, rest > 0 ? Cents.format(rest) + " EUR released" : "");
    }

    /** A capture with no authorization: booked when a line allowing the merchant category has it, else an exception. */
    private Applied forcePost(ClearingItem item, UUID messageId) {
        Optional<CardBudget> card = card(item);
        if (card.isEmpty()) {
            exceptions.open(null, "UNKNOWN_CARD", item.recordId(), item.amountCents(),
                    "capture for a card the registry does not know");
            return new Applied(ClearingOutcome.EXCEPTION, 0, item.amountCents(), "unknown card");
        }
        for (LineState line : allowing(card.get().budgetId(), item.merchantCategoryCode())) {
            if (line.availableCents() >= item.amountCents()) {
                book(card.get().budgetId(), MovementKind.CAPTURE, item, messageId, List.of(new Ledger.Leg(line.id(),
                        Accounts.spent(line.id()), Accounts.available(line.id()), item.amountCents())));
                return new Applied(ClearingOutcome.FORCE_POSTED, item.amountCents(), 0, "booked on line " + line.code());
            }
        }
        book(card.get().budgetId(), MovementKind.EXCEPTION, item, messageId,
                List.of(exceptionLeg(card.get().tenant(), item.amountCents())));
        exceptions.open(card.get().tenant(), "FORCE_POST", item.recordId(), item.amountCents(),
                "capture without an authorization that no line allowing merchant category "
                        + item.merchantCategoryCode() + " could take");
        return new Applied(ClearingOutcome.EXCEPTION, 0, item.amountCents(), "no line could take it");
    }

    private Applied refund(ClearingItem item, UUID messageId) {
        Optional<HoldRow> hold = item.authorizationId() == null ? Optional.empty() : hold(item);
        UUID budgetId;
        String tenant;
        LineState line;
        Optional<Applied> elsewhere = hold.flatMap(h -> onAnotherBudget(item, h));
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        if (hold.isPresent()) {
            budgetId = hold.get().budgetId();
            tenant = hold.get().tenant();
            line = lock(hold.get().lineId());
        } else {
            Optional<CardBudget> card = card(item);
            List<LineState> lines = card.map(c -> allowing(c.budgetId(), item.merchantCategoryCode())).orElse(List.of());
            if (lines.isEmpty()) {
                exceptions.open(card.map(CardBudget::tenant).orElse(null), "REFUND_UNMATCHED", item.recordId(),
                        item.amountCents(), "refund that matches no authorization and no line");
                return new Applied(ClearingOutcome.EXCEPTION, 0, item.amountCents(), "no line to credit");
            }
            budgetId = card.get().budgetId();
            tenant = card.get().tenant();
            line = lines.get(0);
        }
        long credit = Math.min(item.amountCents(), line.spentCents());
        List<Ledger.Leg> legs = new ArrayList<>();
        if (credit > 0) {
            legs.add(new Ledger.Leg(line.id(), Accounts.available(line.id()), Accounts.spent(line.id()), credit));
        }
        long rest = item.amountCents() - credit;
        if (rest > 0) {
            legs.add(new Ledger.Leg(null, Accounts.unbudgeted(tenant), Accounts.exceptions(tenant), rest));
            exceptions.open(tenant, "REFUND_EXCEEDS_SPENT", item.recordId(), rest,
                    "refund exceeds what line " + line.code() + " has spent by " + Cents.format(rest) + " EUR");
        }
        book(budgetId, MovementKind.REFUND, item, messageId, legs);
        return new Applied(rest > 0 ? ClearingOutcome.EXCEPTION : ClearingOutcome.REFUNDED, credit, rest,
                "credited to line " + line.code());
    }

    /** Releases an uncaptured hold, or after capture credits the spend back to the line. */
    private Applied reversal(ClearingItem item, UUID messageId, boolean realTime) {
        Optional<HoldRow> found = item.authorizationId() == null ? Optional.empty() : hold(item);
        if (found.isEmpty()) {
            exceptions.open(card(item).map(CardBudget::tenant).orElse(null), "REVERSAL_UNMATCHED",
                    item.recordId(), item.amountCents(), "reversal of an authorization Avain does not hold");
            return new Applied(ClearingOutcome.EXCEPTION, 0, item.amountCents(), "unknown authorization");
        }
        HoldRow hold = found.get();
        if (realTime && !hold.onNamedCard(item)) {
            throw new LedgerException("authorization " + item.authorizationId() + " is not held on the card the "
                    + "reversal names; a reversal must name the card its hold is on");
        }
        Optional<Applied> elsewhere = onAnotherBudget(item, hold);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        LineState line = lock(hold.lineId());
        Timestamp now = Timestamp.from(ledger.now());
        long wanted = item.amountCents() == 0 ? Long.MAX_VALUE : item.amountCents();
        if ("ACTIVE".equals(hold.status()) && hold.remainingCents() > 0) {
            long release = Math.min(wanted, hold.remainingCents());
            book(hold.budgetId(), MovementKind.RELEASE, item, messageId, List.of(new Ledger.Leg(line.id(),
                    Accounts.available(line.id()), Accounts.held(line.id()), release)));
            long left = hold.remainingCents() - release;
            db.sql("update ledger_hold set remaining_cents = ?, status = ?, updated_at = ? where id = ?")
                    .params(left, left == 0 ? "CLOSED" : "ACTIVE", now, hold.id()).update();
            return new Applied(ClearingOutcome.RELEASED, release, 0, Cents.format(release) + " EUR released");
        }
        long credit = Math.min(Math.min(wanted, hold.capturedCents()), line.spentCents());
        if (credit <= 0) {
            return new Applied(ClearingOutcome.RELEASED, 0, 0, "nothing left to reverse");
        }
        book(hold.budgetId(), MovementKind.REFUND, item, messageId, List.of(new Ledger.Leg(line.id(),
                Accounts.available(line.id()), Accounts.spent(line.id()), credit)));
        db.sql("update ledger_hold set captured_cents = captured_cents - ?, updated_at = ? where id = ?")
                .params(credit, now, hold.id()).update();
        return new Applied(ClearingOutcome.CAPTURE_REVERSED, credit, 0, Cents.format(credit) + " EUR credited back");
    }

    /** The processor's net total for a day against what Avain booked from the same processor's records. */
    private Applied settlement(ClearingItem item) {
        if (item.settlementDate() == null) {
            throw new LedgerException("a settlement row needs its settlement date");
        }
        long ours = db.sql("""
                        select coalesce(sum(case when record_type = 'CAPTURE' then amount_cents
                                                 when record_type = 'REFUND' then -amount_cents
                                                 when outcome = 'CAPTURE_REVERSED' then -booked_cents
                                                 else 0 end), 0)
                        from card_clearing where processor = ? and settlement_date = ? and record_type <> 'SETTLEMENT'""")
                .params(item.processor(), Date.valueOf(item.settlementDate())).query(Long.class).single();
        long difference = item.amountCents() - ours;
        if (difference == 0) {
            return new Applied(ClearingOutcome.SETTLEMENT_MATCHED, 0, 0, "settlement " + item.settlementDate()
                    + " matches " + Cents.format(ours) + " EUR");
        }
        String detail = "settlement " + item.settlementDate() + ": processor reports " + Cents.format(item.amountCents())
                + " EUR, Avain booked " + Cents.format(ours) + " EUR, difference " + Cents.format(difference) + " EUR";
        exceptions.open(null, "SETTLEMENT_MISMATCH", item.recordId(), Math.abs(difference), detail);
        return new Applied(ClearingOutcome.SETTLEMENT_MISMATCH, 0, Math.abs(difference), detail);
    }

    private void book(UUID budgetId, MovementKind kind, ClearingItem item, UUID messageId, List<Ledger.Leg> legs) {
        if (legs.isEmpty()) {
            return;
        }
        ledger.book(budgetId, kind, "clearing:" + item.processor() + ":" + item.recordId(), messageId, "card",
                item.authorizationId() == null ? item.recordId() : item.holdReference(), legs);
    }

    /**
     * A record whose authorization id found a hold on another budget than its card's (a card of another
     * client, a card Avain does not know, an id another processor's authorization also has): which budget
     * it belongs to is for a person to say, so it books on neither and is an exception.
     */
    private Optional<Applied> onAnotherBudget(ClearingItem item, HoldRow hold) {
        if (hold.onNamedCard(item) || hold.budgetId().equals(hold.namedBudget())) {
            return Optional.empty();
        }
        exceptions.open(hold.tenant(), "CARD_MISMATCH", item.recordId(), item.amountCents(),
                item.type().name().toLowerCase(Locale.ROOT) + " for authorization " + item.authorizationId()
                        + " names a card that is not on the budget of the authorization's hold: booked on neither");
        return Optional.of(new Applied(ClearingOutcome.EXCEPTION, 0, item.amountCents(),
                "the card is not on the hold's budget"));
    }

    private static Ledger.Leg exceptionLeg(String tenant, long cents) {
        return new Ledger.Leg(null, Accounts.exceptions(tenant), Accounts.unbudgeted(tenant), cents);
    }

    /**
     * The hold of the record's authorization: by processor and authorization id, or, when the record
     * came from another channel of the same processor (a clearing file for webhook authorizations), by the
     * authorization id alone if exactly one hold has it.
     */
    private Optional<HoldRow> hold(ClearingItem item) {
        Optional<HoldRow> locked = lockHold(item.holdReference(), item.cardId());
        if (locked.isEmpty()) {
            String escaped = item.authorizationId().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            List<String> matches = db.sql("""
                            select reference from ledger_hold where channel = 'card' and reference like ? escape '\\'
                            limit 2""")
                    .param("%:" + escaped).query(String.class).list();
            if (matches.size() == 1) {
                locked = lockHold(matches.get(0), item.cardId());
            }
        }
        return locked.map(h -> new HoldRow(h.id(), h.budgetId(), h.lineId(), h.remainingCents(), h.capturedCents(),
                h.status(), db.sql("select tenant from budget where id = ?").param(h.budgetId()).query(String.class)
                .single(), h.cardId(), h.namedBudget()));
    }

    /** The hold, locked, with its card and the budget of the card the record names. */
    private Optional<HoldRow> lockHold(String reference, String namedCard) {
        return db.sql("""
                        select h.id, h.budget_id, h.line_id, h.remaining_cents, h.captured_cents, h.status,
                               (select c.processor_card_id from card c where c.id = h.card_id),
                               (select c.budget_id from card c where c.processor_card_id = ?)
                        from ledger_hold h
                        where h.channel = 'card' and h.reference = ? for update""")
                .params(namedCard, reference)
                .query((rs, n) -> new HoldRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4), rs.getLong(5), rs.getString(6), null,
                        rs.getString(7), rs.getObject(8, UUID.class)))
                .optional();
    }

    private record CardBudget(UUID budgetId, String tenant) {
    }

    /** The record's card, as its processor registered it: as for an authorization, another processor's card is unknown. */
    private Optional<CardBudget> card(ClearingItem item) {
        if (item.cardId() == null) {
            return Optional.empty();
        }
        return db.sql("""
                        select c.budget_id, b.tenant from card c join budget b on b.id = c.budget_id
                        where c.processor_card_id = ? and c.processor in (?, ?)""")
                .params(item.cardId(), item.processor(), Cards.ANY_PROCESSOR).query((rs, n) -> new CardBudget(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /**
     * The budget's lines that allow the merchant category, locked: all the budget's lines in one
     * statement and in the database's id order, as a card decision locks them, so the two never deadlock.
     */
    private List<LineState> allowing(UUID budgetId, String mcc) {
        return db.sql("select " + LineState.COLUMNS + " from budget_line l where l.budget_id = ? order by l.id for update")
                .param(budgetId).query(LineState::read).list().stream()
                .filter(l -> mcc != null && l.allowsMerchantCategory(mcc))
                .toList();
    }

    private LineState lock(UUID lineId) {
        return db.sql("select " + LineState.COLUMNS + " from budget_line l where l.id = ? for update")
                .param(lineId).query(LineState::read).single();
    }
}
