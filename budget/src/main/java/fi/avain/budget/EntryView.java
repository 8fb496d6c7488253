package fi.avain.budget;

import java.time.Instant;
import java.util.UUID;

/** One ledger entry with the movement it belongs to. */
public record EntryView(long id, UUID movementId, String kind, String channel, String reference, UUID lineId,
                        String debitAccount, String creditAccount, long amountCents, UUID sourceMessageId,
                        Instant createdAt) {
}
