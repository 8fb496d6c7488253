package fi.avain.budget;

import java.time.LocalDate;

/**
 * One clearing record from a processor: a capture, a refund, a reversal, or the day's settlement total.
 *
 * @param authorizationId null for a force post (a capture with no authorization) and for settlement rows
 * @param amountCents     positive; 0 on a reversal for all that remains; for settlement rows the
 *                        processor's net total of the day, which may be zero or negative
 */
public record ClearingItem(String processor, String recordId, Type type, String authorizationId, String cardId,
                           long amountCents, String merchantCategoryCode, LocalDate settlementDate, Integer count) {

    public enum Type { CAPTURE, REFUND, REVERSAL, SETTLEMENT }

    public ClearingItem {
        if (amountCents < 0 || amountCents == 0 && type == Type.CAPTURE || amountCents == 0 && type == Type.REFUND) {
            throw new IllegalArgumentException("a clearing record moves a positive amount");
        }
    }

    public String holdReference() {
        return processor + ":" + authorizationId;
    }
}
