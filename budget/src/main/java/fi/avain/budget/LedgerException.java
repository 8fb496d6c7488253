package fi.avain.budget;

/** A request the ledger refuses; the message says why and never names a person. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }
}
