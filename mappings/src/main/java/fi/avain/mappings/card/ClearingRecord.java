package fi.avain.mappings.card;

import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One record of a processor's clearing file or transaction webhook (docs/formats/card-clearing.md).
 * Applied exactly once per {@code recordId}.
 *
 * @param authorizationId null for a force post and for a settlement row
 * @param cardId null only for a settlement row
 * @param amount more than zero, except a settlement row's net total, which may be zero or negative
 * @param merchantCategoryCode four digits; required on captures and refunds, null on a settlement row
 * @param merchantName may be null
 * @param settlementDate the processor's business day (Europe/Helsinki)
 * @param count how many records a settlement row totals; null on every other row
 */
public record ClearingRecord(
        String recordId,
        ClearingType type,
        String authorizationId,
        String cardId,
        Money amount,
        String merchantCategoryCode,
        String merchantName,
        Instant occurredAt,
        LocalDate settlementDate,
        Integer count) {
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final String EMPTY_ON_SETTLEMENT = "must be empty on a settlement row";

    public ClearingRecord {
        require(recordId, "recordId");
        require(type, "type");
        require(amount, "amount");
        require(occurredAt, "occurredAt");
        require(settlementDate, "settlementDate");
        if (merchantCategoryCode != null && !MCC.matcher(merchantCategoryCode).matches()) {
            throw new InvalidValueException("merchantCategoryCode", "must be exactly four digits");
        }
        if (type == ClearingType.SETTLEMENT) {
            forbid(authorizationId, "authorizationId", EMPTY_ON_SETTLEMENT);
            forbid(cardId, "cardId", EMPTY_ON_SETTLEMENT);
            forbid(merchantCategoryCode, "merchantCategoryCode", EMPTY_ON_SETTLEMENT);
            if (count != null && count < 0) {
                throw new InvalidValueException("count", "must not be negative");
            }
        } else {
            require(cardId, "cardId");
            forbid(count, "count", "must be empty except on a settlement row");
            if (amount.cents() <= 0) {
                throw new InvalidValueException("amount", "must be more than zero");
            }
            if (type != ClearingType.REVERSAL) {
                require(merchantCategoryCode, "merchantCategoryCode");
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new InvalidValueException(field, "is missing");
        }
    }

    private static void forbid(Object value, String field, String rule) {
        if (value != null) {
            throw new InvalidValueException(field, rule);
        }
    }
}
