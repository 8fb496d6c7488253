package fi.avain.budget;

/** A line has less available than a reservation asks; nothing was reserved. */
public class InsufficientFundsException extends LedgerException {
    private final String lineCode;
    private final long availableCents;
    private final long askedCents;

    public InsufficientFundsException(String lineCode, long availableCents, long askedCents) {
        super("line " + lineCode + " has " + Cents.format(availableCents) + " EUR available, "
                + Cents.format(askedCents) + " EUR was asked");
        this.lineCode = lineCode;
        this.availableCents = availableCents;
        this.askedCents = askedCents;
    }

    public String lineCode() {
        return lineCode;
    }

    public long availableCents() {
        return availableCents;
    }

    public long askedCents() {
        return askedCents;
    }
}
