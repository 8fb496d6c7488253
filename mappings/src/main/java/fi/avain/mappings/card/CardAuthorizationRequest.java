package fi.avain.mappings.card;

import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A card processor asks whether a card payment may go ahead (or releases one), in either of the
 * two webhook formats (docs/formats/card-authorization.md). An authorization always has a positive
 * amount and a merchant category code; a reversal may leave the amount out, meaning all that is
 * still held. An incremental authorization is the same {@code authorizationId} with a larger total.
 *
 * @param processor {@link #GENERIC} or {@link #STRIPE}
 * @param eventId Stripe's {@code evt_} id, or a generic reversal's {@code reversalId}; else null
 * @param amount in euros; null only on a reversal that releases all that remains
 * @param merchantCategoryCode four digits (ISO 18245); null only on a reversal that does not name it
 * @param merchantName may be null
 * @param merchantId the processor's or network's merchant id; may be null
 */
public record CardAuthorizationRequest(
        String processor,
        String eventId,
        Kind kind,
        String authorizationId,
        String cardId,
        Money amount,
        String merchantCategoryCode,
        String merchantName,
        String merchantId,
        boolean amountControllable,
        Instant createdAt) {
    public static final String GENERIC = "generic";
    public static final String STRIPE = "stripe";
    private static final Pattern MCC = Pattern.compile("\\d{4}");

    public enum Kind {
        AUTHORIZATION,
        REVERSAL
    }

    public CardAuthorizationRequest {
        if (!GENERIC.equals(processor) && !STRIPE.equals(processor)) {
            throw new InvalidValueException("processor", "must be generic or stripe");
        }
        require(kind, "kind");
        require(authorizationId, "authorizationId");
        require(cardId, "cardId");
        require(createdAt, "createdAt");
        if (kind == Kind.AUTHORIZATION) {
            require(amount, "amount");
            require(merchantCategoryCode, "merchantCategoryCode");
        }
        if (amount != null && amount.cents() <= 0) {
            throw new InvalidValueException("amount", "must be more than zero");
        }
        if (merchantCategoryCode != null && !MCC.matcher(merchantCategoryCode).matches()) {
            throw new InvalidValueException("merchantCategoryCode", "must be exactly four digits");
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidValueException(field, "is missing");
        }
    }
}
