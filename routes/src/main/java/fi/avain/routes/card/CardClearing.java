package fi.avain.routes.card;

import fi.avain.budget.Clearing;
import fi.avain.budget.ClearingItem;
import fi.avain.budget.ClearingOutcome;
import fi.avain.budget.HoldExpiry;
import fi.avain.budget.LedgerException;
import fi.avain.mappings.card.CardAuthorizationRequest;
import fi.avain.mappings.card.ClearingLine;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clearing records into the ledger, from files, from the processor's transaction webhook and from
 * real-time reversals: each stored as a message and applied in the same transaction, exactly once by
 * the processor's record id.
 */
@Component
public class CardClearing implements MessageReplayer {
    public static final String FLOW = "card-clearing";

    private final Clearing clearing;
    private final HoldExpiry expiry;
    private final MessageStore messages;
    private final TransactionTemplate tx;

    CardClearing(Clearing clearing, HoldExpiry expiry, MessageStore messages, TransactionTemplate tx) {
        this.clearing = clearing;
        this.expiry = expiry;
        this.messages = messages;
        this.tx = tx;
    }

    /** What one record did; {@code error} is set when it could not be applied (it is then in the error store). */
    public record Result(ClearingOutcome outcome, long bookedCents, long exceptionCents, String error) {
        boolean failed() {
            return error != null;
        }
    }

    public Result applyOne(String processor, ClearingRecord record, InboundMessage message) {
        return apply(item(processor, record), message);
    }

    /** A file line that could not be read: kept in the error store with its reason. */
    public void invalid(ClearingLine line, InboundMessage message) {
        messages.record(UUID.randomUUID(), message, MessageStatus.ERROR, "line " + line.lineNumber() + ": " + line.error());
    }

    /**
     * A real-time reversal: releases what the authorization still holds (all of it when no amount is
     * given). One that names another card than the hold's is refused: stored in error, and thrown
     * ({@link LedgerException}) for the processor to be told.
     */
    public Result reverse(CardAuthorizationRequest request, InboundMessage message) {
        long cents = request.amount() == null ? 0 : request.amount().cents();
        // Stripe sends every reversal as its own event and resends an event under the same id, so
        // the event is the key, as a generic reversal's own id is (marked, so that an id of digits
        // cannot pass for an amount); without one, only the amount tells a retry from another reversal.
        String key = CardAuthorizationRequest.STRIPE.equals(request.processor()) ? request.eventId()
                : request.eventId() != null ? "id:" + request.eventId()
                : request.amount() == null ? "all" : String.valueOf(cents);
        String recordId = "reversal:" + request.authorizationId() + ":" + key;
        ClearingItem item = new ClearingItem(request.processor(), recordId, ClearingItem.Type.REVERSAL,
                request.authorizationId(), request.cardId(), cents, request.merchantCategoryCode(), null, null);
        UUID id = UUID.randomUUID();
        try {
            return tx.execute(status -> recorded(clearing.reverse(item, id), id, message));
        } catch (LedgerException e) {
            messages.record(id, message, MessageStatus.ERROR, e.getMessage());
            throw e;
        }
    }

    private Result apply(ClearingItem item, InboundMessage message) {
        UUID id = UUID.randomUUID();
        try {
            return tx.execute(status -> recorded(clearing.apply(item, id), id, message));
        } catch (LedgerException e) {
            messages.record(id, message, MessageStatus.ERROR, e.getMessage());
            return new Result(null, 0, 0, e.getMessage());
        }
    }

    /** Stores the message with what the record did, in the transaction that did it. */
    private Result recorded(Clearing.Applied applied, UUID id, InboundMessage message) {
        messages.record(id, message, applied.outcome() == ClearingOutcome.DUPLICATE ? MessageStatus.DUPLICATE
                : MessageStatus.PROCESSED, null);
        return new Result(applied.outcome(), applied.bookedCents(), applied.exceptionCents(), null);
    }

    /** Releases holds past their expiry, one transaction each; answers how many and how much. */
    public long[] expireHolds() {
        long count = 0;
        long cents = 0;
        while (true) {
            var due = expiry.due(500);
            if (due.isEmpty()) {
                return new long[] {count, cents};
            }
            for (UUID hold : due) {
                HoldExpiry.Expired expired = tx.execute(status -> expiry.expire(hold));
                if (expired != null) {
                    count++;
                    cents += expired.releasedCents();
                }
            }
            if (due.size() < 500) {
                return new long[] {count, cents};
            }
        }
    }

    static ClearingItem item(String processor, ClearingRecord r) {
        ClearingItem.Type type = ClearingItem.Type.valueOf(r.type().name());
        return new ClearingItem(processor, r.recordId(), type, r.authorizationId(), r.cardId(), r.amount().cents(),
                r.merchantCategoryCode(), r.settlementDate(), r.count());
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /**
     * A stored clearing record applied again: a file line or a transaction webhook is read again from
     * its body; the record id keeps it from being booked twice.
     */
    @Override
    public ReplayOutcome replay(StoredMessage message) {
        ClearingRecord record;
        String processor;
        try {
            if (message.contentType().contains("csv") || message.contentType().contains("ndjson")) {
                record = ClearingReplay.line(message);
                processor = ClearingReplay.processorOf(message);
            } else {
                record = fi.avain.mappings.card.ClearingFiles.fromStripeTransaction(message.body());
                processor = CardAuthorizationRequest.STRIPE;
            }
        } catch (RuntimeException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
        try {
            Clearing.Applied applied = tx.execute(status -> clearing.apply(item(processor, record), message.id()));
            return applied.outcome() == ClearingOutcome.DUPLICATE ? ReplayOutcome.duplicate() : ReplayOutcome.processed();
        } catch (LedgerException e) {
            return ReplayOutcome.failed(e.getMessage());
        }
    }
}
