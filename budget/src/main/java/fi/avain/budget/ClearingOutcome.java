package fi.avain.budget;

import java.util.Locale;

/** What one clearing record did; the card-clearing job counts each kind. */
public enum ClearingOutcome {
    /** A capture of the whole hold. */
    CAPTURED,
    /** A capture of less than the hold; the rest was released. */
    PARTIALLY_CAPTURED,
    /** A capture of more than the hold: the line took what it could, the rest went to the exceptions account. */
    OVER_CAPTURED,
    /** A capture with no authorization that the line could take. */
    FORCE_POSTED,
    /** A capture the ledger could not book on any line: all of it on the exceptions account. */
    EXCEPTION,
    REFUNDED,
    /** A reversal of a hold not yet captured: released. */
    RELEASED,
    /** A reversal after capture: the spend credited back to the line. */
    CAPTURE_REVERSED,
    SETTLEMENT_MATCHED,
    SETTLEMENT_MISMATCH,
    /** The record was applied before. */
    DUPLICATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
