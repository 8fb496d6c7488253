package fi.avain.connectors.card;

import fi.avain.mappings.model.Money;
import java.util.Objects;

/**
 * A card payment as the processor sees it when it asks Avain: what the simulator and
 * {@link ProcessorClient} turn into a generic or Stripe-shaped authorization request.
 *
 * @param merchantName may be null
 * @param amountControllable the terminal would accept a smaller approved amount
 */
public record Purchase(String authorizationId, String cardId, Money amount, String merchantCategoryCode,
        String merchantName, boolean amountControllable) {
    public Purchase {
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(merchantCategoryCode, "merchantCategoryCode");
    }
}
