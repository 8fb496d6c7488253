package fi.avain.budget;

/** No budget, line, card or hold with the given id (or not one the caller may see). */
public class UnknownBudgetException extends LedgerException {
    public UnknownBudgetException(String what) {
        super(what + " not found");
    }
}
