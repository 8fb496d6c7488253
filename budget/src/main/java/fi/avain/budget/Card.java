package fi.avain.budget;

import java.time.Instant;
import java.util.UUID;

/** A client payment card: the processor's card id, whose budget it spends, and its state. */
public record Card(UUID id, String processor, String cardId, UUID clientId, UUID budgetId, String tenant,
                   CardStatus status, Instant createdAt, Instant updatedAt) {
}
