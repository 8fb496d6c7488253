package fi.avain.mappings.card;

/** What a clearing record does to the budget; docs/formats/card-clearing.md gives each in full. */
public enum ClearingType {
    /** Money leaves: all or part of a hold, or a force post with no (known) authorization. */
    CAPTURE,
    /** Money comes back to the line. */
    REFUND,
    /** Releases a hold not yet captured, or undoes a capture. */
    REVERSAL,
    /** The processor's net total for one settlement date, checked against the other records. */
    SETTLEMENT
}
