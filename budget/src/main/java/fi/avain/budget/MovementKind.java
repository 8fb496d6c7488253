package fi.avain.budget;

/** What a ledger movement did. */
public enum MovementKind {
    ALLOCATION, REPLAN, HOLD, CAPTURE, RELEASE, REFUND, CORRECTION, EXPIRY, EXCEPTION
}
