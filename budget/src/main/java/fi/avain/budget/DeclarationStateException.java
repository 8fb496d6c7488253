package fi.avain.budget;

/** A decision on a declaration that was already decided the other way. */
public class DeclarationStateException extends LedgerException {
    public DeclarationStateException(String message) {
        super(message);
    }
}
