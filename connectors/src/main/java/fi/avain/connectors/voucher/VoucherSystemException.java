package fi.avain.connectors.voucher;

import fi.avain.connectors.ConnectorException;

/**
 * A call to the voucher system that did not get an answer: which operation, how it failed, after
 * how many attempts, and the raw XML of the last attempt so the caller can still store what was
 * sent. A refusal ({@link #isRefusal()}) is the voucher system's own answer, with its fault code;
 * the remote fault string may quote the request, so it is kept out of the message and offered only
 * through {@link #faultString()}.
 */
public final class VoucherSystemException extends ConnectorException {
    public static final String SYSTEM = "voucher-system";

    private final String operation;
    private final int attempts;
    private final boolean refusal;
    private final String faultCode;
    private final String faultString;
    private final transient SoapXml xml;

    VoucherSystemException(Failure failure, String operation, int attempts, SoapXml xml) {
        super(SYSTEM, operation + " " + failure.what() + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"),
                failure.transientFailure(), failure.status(), failure.cause());
        this.operation = operation;
        this.attempts = attempts;
        this.refusal = failure.refusal();
        this.faultCode = failure.faultCode();
        this.faultString = failure.faultString();
        this.xml = xml;
    }

    /** How one attempt failed, before it is known how many attempts there were. */
    record Failure(String what, boolean transientFailure, int status, boolean refusal, String faultCode,
            String faultString, Throwable cause) {
        static Failure transientFailure(String what, Throwable cause) {
            return new Failure(what, true, 0, false, null, null, cause);
        }

        static Failure permanent(String what, Throwable cause) {
            return new Failure(what, false, 0, false, null, null, cause);
        }
    }

    /** {@code issueVoucher}, {@code cancelVoucher} or {@code getVoucher}. */
    public String operation() {
        return operation;
    }

    /** Attempts made, the first one included. */
    public int attempts() {
        return attempts;
    }

    /** Whether the voucher system answered with its own refusal (a {@code voucherFault}). */
    public boolean isRefusal() {
        return refusal;
    }

    /** The refusal's code ({@code VOUCHER_NOT_FOUND}) or the SOAP fault code ({@code Client.AccessDenied}); else null. */
    public String faultCode() {
        return faultCode;
    }

    /** The remote explanation of the fault, or null; it may quote personal data, so mask it before logging. */
    public String faultString() {
        return faultString;
    }

    /** The raw XML of the last attempt; the response is null when none came. */
    public SoapXml xml() {
        return xml;
    }
}
