package fi.avain.budget;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decides card authorizations against the ledger, in the caller's transaction: finds the card and
 * its budget, the line that allows the merchant category, checks the line's period and limits and
 * what is available, and holds the amount. Each answer is recorded by the processor's authorization
 * id and requested total, so a repeat gets the identical answer and no second hold. An authorization id
 * belongs to the card and merchant category it was first asked for: the same id naming another is
 * refused ({@link IdempotencyConflictException}) and changes nothing.
 */
public final class CardAuthorizer {
    public static final ZoneId BUDGET_ZONE = ZoneId.of("Europe/Helsinki");

    /**
     * The claim's condition: no earlier request of the same processor and authorization id named another
     * card or merchant category (answers recorded before these were kept match anything).
     */
    private static final String UNLESS_ANOTHER_REQUEST = """
             where not exists (select 1 from card_authorization
                              where processor = ? and authorization_id = ?
                                and (processor_card_id <> ? or merchant_category <> ?))""";

    private final JdbcClient db;
    private final Ledger ledger;
    private final Function<String, Duration> holdTtl;

    /** @param holdTtl how long a hold lives, by merchant category code */
    public CardAuthorizer(JdbcClient db, Ledger ledger, Function<String, Duration> holdTtl) {
        this.db = db;
        this.ledger = ledger;
        this.holdTtl = holdTtl;
    }

    /**
     * Decides and records; {@code render} writes the verdict as the processor expects it, and that text
     * is what a repeat of the request gets back.
     */
    public Decision decide(AuthorizationAttempt attempt, UUID sourceMessageId, Function<Verdict, String> render) {
        Timestamp now = Timestamp.from(ledger.now());
        // Claiming the (id, total) first serialises identical requests: a repeat finds the claim taken and
        // reads the answer; a concurrent twin waits here for this transaction and then does the same. The
        // claim is not taken when an earlier request of the id named another card or category.
        int claimed = db.sql("""
                        insert into card_authorization (processor, authorization_id, requested_cents,
                                                        processor_card_id, merchant_category, approved,
                                                        approved_cents, response, source_message_id, created_at)
                        select ?, ?, ?, ?, ?, false, 0, '', ?, ?"""
                        + " " + UNLESS_ANOTHER_REQUEST + " on conflict do nothing")
                .params(attempt.processor(), attempt.authorizationId(), attempt.amountCents(), attempt.cardId(),
                        attempt.merchantCategoryCode(), sourceMessageId, now, attempt.processor(),
                        attempt.authorizationId(), attempt.cardId(), attempt.merchantCategoryCode())
                .update();
        if (claimed == 0) {
            Optional<Decision> answered = answered(attempt);
            if (answered.isEmpty()) {
                throw conflict(attempt).orElseThrow(
                        () -> new IllegalStateException("authorization claimed but not found"));
            }
            return answered.get();
        }
        Outcome outcome = evaluate(attempt, sourceMessageId);
        String response = render.apply(outcome.verdict());
        db.sql("""
                        update card_authorization set card_id = ?, hold_id = ?, approved = ?, approved_cents = ?,
                               reason = ?, response = ?
                        where processor = ? and authorization_id = ? and requested_cents = ?""")
                .params(outcome.cardId(), outcome.holdId(), outcome.verdict().approved(),
                        outcome.verdict().approvedCents(),
                        outcome.verdict().reason() == null ? null : outcome.verdict().reason().code(), response,
                        attempt.processor(), attempt.authorizationId(), attempt.amountCents())
                .update();
        return new Decision(outcome.verdict(), outcome.cardId(), outcome.budgetId(), outcome.holdId(),
                outcome.tenant(), false, response);
    }

    /**
     * Records a decline given because the ledger could not decide in time, unless a decision for the
     * same request got recorded after all; answers the decision that stands.
     */
    public Decision recordTimeout(AuthorizationAttempt attempt, UUID sourceMessageId, String response) {
        db.sql("""
                        insert into card_authorization (processor, authorization_id, requested_cents,
                                                        processor_card_id, merchant_category, approved,
                                                        approved_cents, reason, response, source_message_id, created_at)
                        select ?, ?, ?, ?, ?, false, 0, ?, ?, ?, ?"""
                        + " " + UNLESS_ANOTHER_REQUEST + " on conflict do nothing")
                .params(attempt.processor(), attempt.authorizationId(), attempt.amountCents(), attempt.cardId(),
                        attempt.merchantCategoryCode(), DeclineReason.TIMEOUT.code(), response, sourceMessageId,
                        Timestamp.from(ledger.now()), attempt.processor(), attempt.authorizationId(),
                        attempt.cardId(), attempt.merchantCategoryCode())
                .update();
        // A request refused as another card's or category's use of the id is not recorded under it.
        return recorded(attempt).filter(r -> r.isFor(attempt)).map(Recorded::decision).orElseGet(() -> new Decision(
                Verdict.declined(attempt.authorizationId(), DeclineReason.TIMEOUT), null, null, null, null, false,
                response));
    }

    /**
     * Takes back an approval that was committed after the processor had already been told "declined,
     * timeout": releases what it held and records the decline, so the ledger agrees with the answer given.
     */
    public void withdraw(AuthorizationAttempt attempt, String timeoutResponse) {
        var rows = db.sql("""
                        select approved, approved_cents, hold_id from card_authorization
                        where processor = ? and authorization_id = ? and requested_cents = ? for update""")
                .params(attempt.processor(), attempt.authorizationId(), attempt.amountCents()).query().listOfRows();
        if (rows.isEmpty()) {
            return;
        }
        boolean approved = Boolean.TRUE.equals(rows.get(0).get("approved"));
        UUID holdId = (UUID) rows.get(0).get("hold_id");
        if (approved && holdId != null) {
            long before = db.sql("""
                            select coalesce(max(approved_cents), 0) from card_authorization
                            where processor = ? and authorization_id = ? and requested_cents < ? and approved""")
                    .params(attempt.processor(), attempt.authorizationId(), attempt.amountCents())
                    .query(Long.class).single();
            var hold = db.sql("select budget_id, line_id, remaining_cents from ledger_hold where id = ? for update")
                    .param(holdId).query().singleRow();
            UUID lineId = (UUID) hold.get("line_id");
            long release = Math.min(((Number) hold.get("remaining_cents")).longValue(),
                    ((Number) rows.get(0).get("approved_cents")).longValue() - before);
            lock(lineId);
            if (release > 0) {
                ledger.book((UUID) hold.get("budget_id"), MovementKind.RELEASE, "card-withdraw:"
                                + attempt.holdReference() + ":" + attempt.amountCents(), null, "card",
                        attempt.holdReference(),
                        List.of(new Ledger.Leg(lineId, Accounts.available(lineId), Accounts.held(lineId), release)));
                db.sql("""
                                update ledger_hold set remaining_cents = remaining_cents - ?, authorized_cents = authorized_cents - ?,
                                       status = case when remaining_cents - ? = 0 then 'CLOSED' else status end,
                                       updated_at = ? where id = ?""")
                        .params(release, release, release, Timestamp.from(ledger.now()), holdId).update();
            }
        }
        db.sql("""
                        update card_authorization set approved = false, approved_cents = 0, reason = ?, response = ?
                        where processor = ? and authorization_id = ? and requested_cents = ?""")
                .params(DeclineReason.TIMEOUT.code(), timeoutResponse, attempt.processor(), attempt.authorizationId(),
                        attempt.amountCents())
                .update();
    }

    /**
     * The answer already given to the same request, if any; throws {@link IdempotencyConflictException}
     * when the id and total were answered for another card or merchant category.
     */
    public Optional<Decision> answered(AuthorizationAttempt attempt) {
        Optional<Recorded> recorded = recorded(attempt);
        if (recorded.isPresent() && !recorded.get().isFor(attempt)) {
            String card = recorded.get().cardId();
            throw conflict(attempt, card != null && !card.equals(attempt.cardId()));
        }
        return recorded.map(Recorded::decision);
    }

    /**
     * Why the attempt may not use its authorization id, if an earlier request of the id named another
     * card or merchant category.
     */
    public Optional<IdempotencyConflictException> conflict(AuthorizationAttempt attempt) {
        return db.sql("""
                        select processor_card_id from card_authorization
                        where processor = ? and authorization_id = ?
                          and (processor_card_id <> ? or merchant_category <> ?)
                        order by created_at limit 1""")
                .params(attempt.processor(), attempt.authorizationId(), attempt.cardId(),
                        attempt.merchantCategoryCode())
                .query((rs, n) -> rs.getString(1)).optional()
                .map(card -> conflict(attempt, card != null && !card.equals(attempt.cardId())));
    }

    /** An answer as recorded, with the card and category it was given for (null in answers older than them). */
    private record Recorded(Decision decision, String cardId, String merchantCategory) {
        boolean isFor(AuthorizationAttempt attempt) {
            return (cardId == null || cardId.equals(attempt.cardId()))
                    && (merchantCategory == null || merchantCategory.equals(attempt.merchantCategoryCode()));
        }
    }

    private Optional<Recorded> recorded(AuthorizationAttempt attempt) {
        return db.sql("""
                        select a.approved, a.approved_cents, a.reason, a.card_id, a.hold_id, a.response, h.budget_id,
                               a.processor_card_id, a.merchant_category
                        from card_authorization a left join ledger_hold h on h.id = a.hold_id
                        where a.processor = ? and a.authorization_id = ? and a.requested_cents = ? and a.response <> ''""")
                .params(attempt.processor(), attempt.authorizationId(), attempt.amountCents())
                .query((rs, n) -> {
                    String reason = rs.getString(3);
                    Verdict verdict = new Verdict(attempt.authorizationId(), rs.getBoolean(1), rs.getLong(2),
                            reason == null ? null : DeclineReason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)));
                    return new Recorded(new Decision(verdict, rs.getObject(4, UUID.class), rs.getObject(7, UUID.class),
                            rs.getObject(5, UUID.class), null, true, rs.getString(6)), rs.getString(8),
                            rs.getString(9));
                })
                .optional();
    }

    /** The id was asked for another card, or for the same card in another merchant category. */
    private static IdempotencyConflictException conflict(AuthorizationAttempt attempt, boolean anotherCard) {
        String what = anotherCard ? "another card" : "another merchant category";
        return new IdempotencyConflictException("authorizationId", attempt.authorizationId(), "authorization "
                + attempt.authorizationId() + " was asked for " + what + "; an authorization id belongs to one card "
                + "and one merchant category, and a request naming another is refused");
    }

    private record Outcome(Verdict verdict, UUID cardId, UUID budgetId, UUID holdId, String tenant) {
    }

    private record CardRow(UUID cardId, CardStatus status, UUID budgetId, String tenant, LocalDate periodStart,
                           LocalDate periodEnd, UUID holdId, UUID holdCardId, String holdMerchantCategory) {
    }

    private record HoldRow(UUID id, UUID lineId, long authorizedCents, String status) {
    }

    private Outcome evaluate(AuthorizationAttempt attempt, UUID sourceMessageId) {
        String id = attempt.authorizationId();
        // The card, its budget and any hold of this authorization in one read: the common path is a
        // new authorization, for which no hold exists; an incremental one locks its hold below. A card
        // answers only to the processor it was registered with (or to any, the sandbox's sample card):
        // another processor's request for it is a request for a card Avain does not know.
        Optional<CardRow> found = db.sql("""
                        select c.id, c.status, c.budget_id, b.tenant, b.period_start, b.period_end, h.id, h.card_id,
                               h.merchant_category
                        from card c join budget b on b.id = c.budget_id
                        left join ledger_hold h on h.channel = 'card' and h.reference = ?
                        where c.processor_card_id = ? and c.processor in (?, ?)""")
                .params(attempt.holdReference(), attempt.cardId(), attempt.processor(), Cards.ANY_PROCESSOR)
                .query((rs, n) -> new CardRow(rs.getObject(1, UUID.class), CardStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class),
                        rs.getString(9)))
                .optional();
        if (found.isEmpty()) {
            return new Outcome(Verdict.declined(id, DeclineReason.UNKNOWN_CARD), null, null, null, null);
        }
        CardRow card = found.get();
        // The claim refused another card's use of the id once the first request had committed. A twin of
        // another card claimed at the same time is refused here if the first one's hold is visible; if not,
        // its own hold collides with the first one's on the hold's reference and it is declined as timeout.
        if (card.holdId() != null) {
            boolean anotherCard = card.holdCardId() != null && !card.holdCardId().equals(card.cardId());
            if (anotherCard || card.holdMerchantCategory() != null
                    && !card.holdMerchantCategory().equals(attempt.merchantCategoryCode())) {
                throw conflict(attempt, anotherCard);
            }
        }
        if (card.status() != CardStatus.ACTIVE) {
            return declined(id, card, DeclineReason.CARD_INACTIVE);
        }
        LocalDate today = attempt.at().atZone(BUDGET_ZONE).toLocalDate();
        if (today.isBefore(card.periodStart()) || today.isAfter(card.periodEnd())) {
            return declined(id, card, DeclineReason.OUTSIDE_BUDGET_PERIOD);
        }

        if (card.holdId() != null) {
            HoldRow previous = db.sql("""
                            select id, line_id, authorized_cents, status from ledger_hold where id = ? for update""")
                    .param(card.holdId())
                    .query((rs, n) -> new HoldRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getLong(3), rs.getString(4)))
                    .single();
            return increment(attempt, card, previous, sourceMessageId);
        }

        List<LineState> lines = db.sql("select " + LineState.COLUMNS
                        + " from budget_line l where l.budget_id = ? order by l.id for update")
                .param(card.budgetId()).query(LineState::read).list();
        List<LineState> allowing = lines.stream()
                .filter(l -> l.allowsMerchantCategory(attempt.merchantCategoryCode()))
                .toList();
        if (allowing.isEmpty()) {
            return declined(id, card, DeclineReason.MERCHANT_CATEGORY_NOT_ALLOWED);
        }
        List<LineState> current = allowing.stream().filter(l -> l.period().contains(today)).toList();
        if (current.isEmpty()) {
            return declined(id, card, DeclineReason.OUTSIDE_BUDGET_PERIOD);
        }
        DeclineReason first = null;
        for (LineState line : current) {
            Allowance allowance = allow(attempt, line, today, 0);
            if (allowance.refusal() != null) {
                first = first == null ? allowance.refusal() : first;
                continue;
            }
            UUID holdId = hold(attempt, card, line, allowance.cents(), sourceMessageId);
            return new Outcome(new Verdict(id, true, allowance.cents(), null), card.cardId(), card.budgetId(), holdId,
                    card.tenant());
        }
        return declined(id, card, first);
    }

    /** The same authorization again with a larger total: hold the difference on the same line. */
    private Outcome increment(AuthorizationAttempt attempt, CardRow card, HoldRow hold, UUID sourceMessageId) {
        String id = attempt.authorizationId();
        if (!"ACTIVE".equals(hold.status())) {
            return declined(id, card, DeclineReason.INSUFFICIENT_FUNDS);
        }
        if (attempt.amountCents() <= hold.authorizedCents()) {
            throw new LedgerException("an incremental authorization must ask for more than the "
                    + Cents.format(hold.authorizedCents()) + " EUR already authorized");
        }
        LocalDate today = attempt.at().atZone(BUDGET_ZONE).toLocalDate();
        LineState line = lock(hold.lineId());
        Allowance allowance = allow(attempt, line, today, hold.authorizedCents());
        if (allowance.refusal() != null) {
            return declined(id, card, allowance.refusal());
        }
        long increment = allowance.cents();
        ledger.book(card.budgetId(), MovementKind.HOLD, "card-hold:" + attempt.holdReference() + ":"
                        + attempt.amountCents(), sourceMessageId, "card", attempt.holdReference(),
                List.of(new Ledger.Leg(line.id(), Accounts.held(line.id()), Accounts.available(line.id()), increment)));
        db.sql("""
                        update ledger_hold set authorized_cents = authorized_cents + ?, remaining_cents = remaining_cents + ?,
                               updated_at = ? where id = ?""")
                .params(increment, increment, Timestamp.from(ledger.now()), hold.id()).update();
        return new Outcome(new Verdict(id, true, hold.authorizedCents() + increment, null), card.cardId(),
                card.budgetId(), hold.id(), card.tenant());
    }

    /** What a request may add to an authorization on a line, or why it may add nothing. */
    private record Allowance(long cents, DeclineReason refusal) {
        static Allowance refused(DeclineReason reason) {
            return new Allowance(0, reason);
        }
    }

    /**
     * What the line lets the attempt add to an authorization that holds {@code held} already (0 for a
     * new one). A controllable amount is cut to what the line has and its limits allow; any other is
     * all or nothing, and then the money comes first: an amount over what the line has is insufficient
     * funds whatever the limits say, the reason a client and an operator can act on.
     */
    private Allowance allow(AuthorizationAttempt attempt, LineState line, LocalDate today, long held) {
        long asked = attempt.amountCents() - held;
        if (attempt.amountControllable()) {
            long allowed = Math.min(line.availableCents(), headroom(line, today, held));
            return line.availableCents() <= 0 ? Allowance.refused(DeclineReason.INSUFFICIENT_FUNDS)
                    : allowed <= 0 ? Allowance.refused(DeclineReason.LIMIT_EXCEEDED)
                    : new Allowance(Math.min(asked, allowed), null);
        }
        if (line.availableCents() < asked) {
            return Allowance.refused(DeclineReason.INSUFFICIENT_FUNDS);
        }
        return overLimit(line, attempt.amountCents(), asked, today) ? Allowance.refused(DeclineReason.LIMIT_EXCEEDED)
                : new Allowance(asked, null);
    }

    /**
     * Whether the authorization's total passes the line's per-transaction limit, or what it adds
     * passes the per-day limit on top of what today's card authorizations still hold or have spent. A
     * reversed or expired authorization bought nothing, so it no longer counts.
     */
    private boolean overLimit(LineState line, long total, long added, LocalDate today) {
        return line.perTransactionLimitCents() != null && total > line.perTransactionLimitCents()
                || line.perDayLimitCents() != null && todays(line, today) + added > line.perDayLimitCents();
    }

    /**
     * The most an authorization may add on the line under its per-transaction limit (less what it
     * already holds) and its per-day limit.
     */
    private long headroom(LineState line, LocalDate today, long alreadyAuthorized) {
        long headroom = Long.MAX_VALUE;
        if (line.perTransactionLimitCents() != null) {
            headroom = line.perTransactionLimitCents() - alreadyAuthorized;
        }
        if (line.perDayLimitCents() != null) {
            headroom = Math.min(headroom, line.perDayLimitCents() - todays(line, today));
        }
        return headroom;
    }

    private long todays(LineState line, LocalDate today) {
        return db.sql("""
                        select coalesce(sum(captured_cents + remaining_cents), 0) from ledger_hold
                        where line_id = ? and channel = 'card' and created_at >= ?""")
                .params(line.id(), Timestamp.from(today.atStartOfDay(BUDGET_ZONE).toInstant()))
                .query(Long.class).single();
    }

    private UUID hold(AuthorizationAttempt attempt, CardRow card, LineState line, long amount, UUID sourceMessageId) {
        UUID holdId = UUID.randomUUID();
        Timestamp now = Timestamp.from(ledger.now());
        Duration ttl = holdTtl.apply(attempt.merchantCategoryCode());
        db.sql("""
                        insert into ledger_hold (id, budget_id, line_id, channel, reference, authorized_cents,
                                                 remaining_cents, captured_cents, status, merchant_category, expires_at,
                                                 created_at, updated_at, card_id)
                        values (?, ?, ?, 'card', ?, ?, ?, 0, 'ACTIVE', ?, ?, ?, ?, ?)""")
                .params(holdId, card.budgetId(), line.id(), attempt.holdReference(), amount, amount,
                        attempt.merchantCategoryCode(), Timestamp.from(ledger.now().plus(ttl)), now, now,
                        card.cardId())
                .update();
        ledger.book(card.budgetId(), MovementKind.HOLD, "card-hold:" + attempt.holdReference() + ":"
                        + attempt.amountCents(), sourceMessageId, "card", attempt.holdReference(),
                List.of(new Ledger.Leg(line.id(), Accounts.held(line.id()), Accounts.available(line.id()), amount)));
        return holdId;
    }

    private LineState lock(UUID lineId) {
        return db.sql("select " + LineState.COLUMNS + " from budget_line l where l.id = ? for update")
                .param(lineId).query(LineState::read).single();
    }

    private static Outcome declined(String authorizationId, CardRow card, DeclineReason reason) {
        return new Outcome(Verdict.declined(authorizationId, reason), card.cardId(), card.budgetId(), null, card.tenant());
    }
}
