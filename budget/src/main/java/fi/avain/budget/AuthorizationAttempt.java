package fi.avain.budget;

import java.time.Instant;

/**
 * A processor asking whether a card may spend.
 *
 * @param amountCents        the requested total, positive; an incremental authorization repeats the id
 *                           with a larger total
 * @param amountControllable whether the processor accepts a smaller approved amount (a partial approval)
 */
public record AuthorizationAttempt(String processor, String authorizationId, String cardId, long amountCents,
                                   String merchantCategoryCode, boolean amountControllable, Instant at) {

    public AuthorizationAttempt {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("an authorization asks for a positive amount");
        }
    }

    public String holdReference() {
        return processor + ":" + authorizationId;
    }
}
