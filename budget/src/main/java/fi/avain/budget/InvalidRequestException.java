package fi.avain.budget;

/** A request the ledger cannot even consider: a malformed id, an unknown state, a zero amount. */
public class InvalidRequestException extends LedgerException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
