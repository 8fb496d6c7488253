package fi.avain.budget;

/** The ledger refuses what the voucher system reported about a voucher; nothing was changed. */
public class VoucherRefusedException extends LedgerException {
    public enum Refusal {
        UNKNOWN_VOUCHER, VOUCHER_NOT_ISSUED, VOUCHER_CANCELLED, VOUCHER_EXPIRED, OVER_BALANCE,
        SERVICE_CLASS_NOT_ALLOWED, PROVIDER_NOT_ALLOWED, INSUFFICIENT_FUNDS, INVALID_REQUEST
    }

    private final Refusal refusal;

    public VoucherRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
