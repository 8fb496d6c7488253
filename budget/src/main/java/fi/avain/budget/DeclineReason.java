package fi.avain.budget;

import java.util.Locale;

/** Why a card authorization was declined; written lower case in every answer. */
public enum DeclineReason {
    INSUFFICIENT_FUNDS, MERCHANT_CATEGORY_NOT_ALLOWED, CARD_INACTIVE, LIMIT_EXCEEDED, OUTSIDE_BUDGET_PERIOD,
    UNKNOWN_CARD, TIMEOUT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
